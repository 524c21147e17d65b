import CGtk
import CGtkShim

extension Widget {
    /// Minimum size in pixels (-1 keeps the natural size on that axis).
    public func setSizeRequest(width: Int32, height: Int32) { gtk_widget_set_size_request(widget, width, height) }

    /// Centres the widget vertically in a taller cell (e.g. a bar in a table row).
    public func centerVertically() { gtk_widget_set_valign(widget, GTK_ALIGN_CENTER) }
}
