import CGtk
import CGtkShim

@MainActor
public final class Label: Widget {
    override public class var expectedType: GType { gtk_label_get_type() }

    public convenience init(_ text: String = "") {
        self.init(borrowing: gtk_label_new(text))
    }

    private var label: OpaquePointer { guichet_label(raw) }

    public var text: String {
        get { String(cString: gtk_label_get_text(label)) }
        set { gtk_label_set_text(label, newValue) }
    }

    /// Horizontal alignment of the text, 0 (start) to 1 (end).
    public var xAlign: Float {
        get { gtk_label_get_xalign(label) }
        set { gtk_label_set_xalign(label, newValue) }
    }

    public var wraps: Bool {
        get { gtk_label_get_wrap(label) != 0 }
        set { gtk_label_set_wrap(label, newValue ? 1 : 0) }
    }
}
