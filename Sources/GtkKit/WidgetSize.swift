import CGtk
import CGtkShim

extension Widget {
    /// Centres the widget vertically in a taller cell (e.g. a bar in a table row).
    public func centerVertically() { gtk_widget_set_valign(widget, GTK_ALIGN_CENTER) }

    /// Centres the widget both ways at its natural size (a message alone in a page).
    public func center() {
        gtk_widget_set_halign(widget, GTK_ALIGN_CENTER)
        gtk_widget_set_valign(widget, GTK_ALIGN_CENTER)
    }
}
