import CGtk
import CGtkShim

/// A GtkMenuButton: a button that opens its popover (a filter's choices).
@MainActor
public final class MenuButton: Widget {
    override public class var expectedType: GType { gtk_menu_button_get_type() }

    public var label: String {
        get { gtk_menu_button_get_label(guichet_menu_button(raw)).map { String(cString: $0) } ?? "" }
        set { gtk_menu_button_set_label(guichet_menu_button(raw), newValue) }
    }

    public func popup() { gtk_menu_button_popup(guichet_menu_button(raw)) }
    public func popdown() { gtk_menu_button_popdown(guichet_menu_button(raw)) }
}
