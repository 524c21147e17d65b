import CGtk
import CGtkShim

/// Owns one reference to a GObject for as long as the Swift object lives.
///
/// `init(borrowing:)` takes a reference of its own with `g_object_ref_sink`: a new floating
/// widget becomes ours, an object owned elsewhere (builder, parent) gets one more reference.
/// `init(adopting:)` takes over a full reference the caller already owns (e.g. `g_object_new`
/// of a plain GObject). `deinit` drops our reference.
@MainActor
open class GObjectRef {
    /// The `GObject *` (of any GObject type).
    nonisolated(unsafe) public let raw: UnsafeMutableRawPointer

    /// GType an object must have to be wrapped by this class (checked by `Builder`).
    open class var expectedType: GType { g_object_get_type() }

    public required init(borrowing raw: UnsafeMutableRawPointer) {
        self.raw = raw
        g_object_ref_sink(raw)
    }

    public init(adopting raw: UnsafeMutableRawPointer) {
        self.raw = raw
    }

    deinit {
        g_object_unref(raw)
    }

    /// The object as `GObject *`.
    public var object: UnsafeMutablePointer<GObject> { guichet_object(raw) }

    /// Whether `raw` points at an instance of `type` (class or interface).
    public func isA(_ type: GType) -> Bool { guichet_is_a(raw, type) != 0 }

    /// Same underlying GObject.
    public func isSameObject(as other: GObjectRef) -> Bool { raw == other.raw }
}
