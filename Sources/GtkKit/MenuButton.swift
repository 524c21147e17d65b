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

extension MenuButton {
    /// A button labelled `label` whose popover holds `content` (e.g. a column of buttons): one
    /// narrow button where several would not fit.
    public static func make(label: String, content: Widget) -> MenuButton {
        let button = MenuButton(borrowing: UnsafeMutableRawPointer(gtk_menu_button_new()!))
        button.label = label
        let popover = gtk_popover_new()!
        gtk_popover_set_child(guichet_popover(UnsafeMutableRawPointer(popover)), content.widget)
        gtk_menu_button_set_popover(guichet_menu_button(button.raw), popover)
        return button
    }
}
