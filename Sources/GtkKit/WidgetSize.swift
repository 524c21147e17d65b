import CGtk
import CGtkShim

extension Widget {
    /// Centres the widget vertically in a taller cell (e.g. a bar in a table row).
    public func centerVertically() { gtk_widget_set_valign(widget, GTK_ALIGN_CENTER) }
}
