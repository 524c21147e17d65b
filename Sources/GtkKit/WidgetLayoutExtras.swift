import CGtk
import CGtkShim

extension Widget {
    /// Sets the margins given (pixels), leaving the others as they are.
    public func setEdgeMargins(top: Int32? = nil, bottom: Int32? = nil, start: Int32? = nil, end: Int32? = nil) {
        if let top { gtk_widget_set_margin_top(widget, top) }
        if let bottom { gtk_widget_set_margin_bottom(widget, bottom) }
        if let start { gtk_widget_set_margin_start(widget, start) }
        if let end { gtk_widget_set_margin_end(widget, end) }
    }

    /// Keeps the widget at its natural width at the start of its slot instead of filling it.
    public func alignAtStart() { gtk_widget_set_halign(widget, GTK_ALIGN_START) }

    /// Vertical alignment at the top of its slot (a check box beside a label that wraps).
    public func alignAtTop() { gtk_widget_set_valign(widget, GTK_ALIGN_START) }
}

extension LazyTable {
    /// Gives columns a fixed starting width in pixels (nil leaves a column to its content), so
    /// that figures are not ellipsized and the table fits its pane.
    public func fixColumnWidths(_ widths: [Int?]) {
        let view = guichet_column_view(columnView.raw)!
        let list = gtk_column_view_get_columns(view)!
        for (index, width) in widths.enumerated() {
            guard let width, let item = g_list_model_get_item(list, UInt32(index)) else { continue }
            gtk_column_view_column_set_fixed_width(OpaquePointer(item), Int32(width))
            g_object_unref(item)
        }
    }
}

extension CheckButton {
    /// A check box without a label of its own (its text is a separate label, e.g. one that wraps).
    public static func unlabelled() -> CheckButton {
        CheckButton(borrowing: UnsafeMutableRawPointer(gtk_check_button_new()!))
    }
}
