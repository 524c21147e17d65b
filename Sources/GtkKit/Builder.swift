import CGtk
import CGtkShim

/// Loads a GtkBuilder `.ui` file and hands out its objects by id, wrapped and type-checked.
/// Signal handlers are connected in Swift by id; `.ui` files carry no `<signal>` elements
/// (GTK would look them up as C symbols).
@MainActor
public final class Builder {
    private let builder: GObjectRef

    /// Loads `path`; throws with GTK's parse message when the file is missing or invalid.
    public init(path: String) throws {
        builder = GObjectRef(adopting: UnsafeMutableRawPointer(gtk_builder_new()!))
        var error: UnsafeMutablePointer<GError>?
        if gtk_builder_add_from_file(OpaquePointer(builder.raw), path, &error) == 0 {
            throw Self.consume(error, context: path)
        }
    }

    /// Loads a description held in a string (tests, tiny generated pieces).
    public init(string: String) throws {
        builder = GObjectRef(adopting: UnsafeMutableRawPointer(gtk_builder_new()!))
        var error: UnsafeMutablePointer<GError>?
        if gtk_builder_add_from_string(OpaquePointer(builder.raw), string, -1, &error) == 0 {
            throw Self.consume(error, context: "interface")
        }
    }

    /// Loads `fileName` from the located UI directory (see `UIFileLocator`).
    public convenience init(uiFile fileName: String, locator: UIFileLocator = .guichet) throws {
        try self.init(path: locator.path(of: fileName))
    }

    /// The raw object with this id, nil when absent.
    public func rawObject(_ id: String) -> UnsafeMutableRawPointer? {
        gtk_builder_get_object(OpaquePointer(builder.raw), id).map { UnsafeMutableRawPointer($0) }
    }

    /// The object with this id wrapped as `T`; throws when absent or of another GType.
    public func get<T: GObjectRef>(_ id: String, as type: T.Type = T.self) throws -> T {
        guard let raw = rawObject(id) else {
            throw GtkKitError("Objet « \(id) » absent de la description d’interface.")
        }
        guard guichet_is_a(raw, T.expectedType) != 0 else {
            let actual = String(cString: g_type_name(guichet_object_type(raw)))
            throw GtkKitError("L’objet « \(id) » est un \(actual), pas un \(String(cString: g_type_name(T.expectedType))).")
        }
        return T(borrowing: raw)
    }

    private static func consume(_ error: UnsafeMutablePointer<GError>?, context: String) -> GtkKitError {
        defer { if let error { g_error_free(error) } }
        let detail = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "erreur inconnue"
        return GtkKitError("Impossible de charger l’interface \(context) : \(detail)")
    }
}
