import CGtk
import CGtkShim

/// A GtkSpinner: turns while work is on its way.
@MainActor
public final class Spinner: Widget {
    override public class var expectedType: GType { gtk_spinner_get_type() }

    public convenience init() {
        self.init(borrowing: gtk_spinner_new())
    }

    public var isSpinning: Bool {
        get { gtk_spinner_get_spinning(OpaquePointer(raw)) != 0 }
        set { gtk_spinner_set_spinning(OpaquePointer(raw), newValue ? 1 : 0) }
    }
}
