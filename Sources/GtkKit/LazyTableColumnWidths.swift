import CGtk
import CGtkShim

extension LazyTable {
    /// Gives columns a fixed width in pixels (by column id), so that figures are not ellipsized
    /// when the view is narrow; the view then scrolls sideways.
    public func setColumnWidths(_ widths: [String: Int]) {
        let view = guichet_column_view(columnView.raw)!
        let list = gtk_column_view_get_columns(view)!
        for (index, column) in columns.enumerated() {
            guard let width = widths[column.id], let item = g_list_model_get_item(list, UInt32(index)) else { continue }
            gtk_column_view_column_set_fixed_width(OpaquePointer(item), Int32(width))
            g_object_unref(item)
        }
    }
}
