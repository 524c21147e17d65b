import CGtk
import CGtkShim

extension Label {
    /// Width, in characters, the label asks for before wrapping or ellipsizing (-1: natural width).
    public var maxWidthChars: Int32 {
        get { gtk_label_get_max_width_chars(guichet_label(raw)) }
        set { gtk_label_set_max_width_chars(guichet_label(raw), newValue) }
    }

    /// Aligns the lines of a several-line text on their right edge (figure column headers).
    public func justifyRight() { gtk_label_set_justify(guichet_label(raw), GTK_JUSTIFY_RIGHT) }
}

/// A thin horizontal or vertical line between groups of rows.
@MainActor
public final class Separator: Widget {
    override public class var expectedType: GType { gtk_separator_get_type() }

    public convenience init(vertical: Bool = false) {
        self.init(borrowing: UnsafeMutableRawPointer(gtk_separator_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL)!))
    }
}
