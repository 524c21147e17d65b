import CGtk
import CGtkShim

/// A GtkFrame: a titled, bordered group of widgets (a section of a form).
@MainActor
public final class Frame: Widget {
    override public class var expectedType: GType { gtk_frame_get_type() }

    public convenience init(title: String?, child: Widget) {
        self.init(borrowing: UnsafeMutableRawPointer(gtk_frame_new(title)!))
        gtk_frame_set_child(raw.assumingMemoryBound(to: GtkFrame.self), child.widget)
    }
}
