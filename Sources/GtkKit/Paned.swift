import CGtk
import CGtkShim

/// A GtkPaned: two panes side by side (or stacked) with a handle between them. A pane that is
/// not visible gives the other all the room, handle included.
@MainActor
public final class Paned: Widget {
    override public class var expectedType: GType { gtk_paned_get_type() }

    private var paned: OpaquePointer { guichet_paned(raw) }

    /// Width (or height) of the start pane, in pixels.
    public var position: Int {
        get { Int(gtk_paned_get_position(paned)) }
        set { gtk_paned_set_position(paned, Int32(newValue)) }
    }

    /// Called when the user (or code) moves the handle.
    @discardableResult
    public func onPositionChanged(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        onNotify("position", handler)
    }
}
