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

    /// The columns' widths now (the user may have dragged them), by column id; columns left to
    /// GTK's natural width are absent.
    public var columnWidths: [String: Int] {
        let view = guichet_column_view(columnView.raw)!
        let list = gtk_column_view_get_columns(view)!
        var out: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            guard let item = g_list_model_get_item(list, UInt32(index)) else { continue }
            let width = gtk_column_view_column_get_fixed_width(OpaquePointer(item))
            g_object_unref(item)
            if width > 0 { out[column.id] = Int(width) }
        }
        return out
    }

    /// Widths that fit each column's header and the widest of `samples` (texts of its cells),
    /// within `limits` (by column id) — the cell margins and the sort arrow included. The column
    /// that expands is left out: it takes what remains.
    public func fittedWidths(samples: [[String]], limits: [String: ClosedRange<Int>] = [:]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (index, column) in columns.enumerated() where !column.expands {
            let header = Int(guichet_text_width(columnView.widget, column.title)) + (column.sortable ? 44 : 28)
            let cells = samples.map { row in index < row.count ? Int(guichet_text_width(columnView.widget, row[index])) + 30 : 0 }
            var width = max(header, cells.max() ?? 0)
            if let range = limits[column.id] { width = min(max(width, range.lowerBound), range.upperBound) }
            out[column.id] = width
        }
        return out
    }
}

extension LazyTable {
    /// Shows or hides a column (a narrow list keeps its first columns).
    public func setColumnVisible(_ id: String, _ visible: Bool) {
        guard let index = columns.firstIndex(where: { $0.id == id }) else { return }
        let list = gtk_column_view_get_columns(guichet_column_view(columnView.raw)!)!
        guard let item = g_list_model_get_item(list, UInt32(index)) else { return }
        gtk_column_view_column_set_visible(OpaquePointer(item), visible ? 1 : 0)
        g_object_unref(item)
    }
}
