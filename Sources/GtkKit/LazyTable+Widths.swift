import CGtk
import CGtkShim

extension LazyTable {
    /// Gives columns a starting width in pixels (still resizable by the user); a width of
    /// nil keeps GTK's natural width. Index-aligned with `columns`.
    public func setColumnWidths(_ widths: [Int?]) {
        let view = guichet_column_view(columnView.raw)!
        let list = gtk_column_view_get_columns(view)!
        for (index, width) in widths.enumerated() {
            guard let width, let item = g_list_model_get_item(list, UInt32(index)) else { continue }
            gtk_column_view_column_set_fixed_width(OpaquePointer(item), Int32(width))
            g_object_unref(item)
        }
    }
}
