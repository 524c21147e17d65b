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

extension CheckButton {
    /// A check box without a label of its own (its text is a separate label, e.g. one that wraps).
    public static func unlabelled() -> CheckButton {
        CheckButton(borrowing: UnsafeMutableRawPointer(gtk_check_button_new()!))
    }
}
