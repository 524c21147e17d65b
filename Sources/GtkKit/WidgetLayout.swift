import CGtk
import CGtkShim

extension Grid {
    /// A new empty grid with its row and column spacing.
    public static func make(rowSpacing: UInt32 = 6, columnSpacing: UInt32 = 12) -> Grid {
        let grid = Grid(borrowing: gtk_grid_new())
        let pointer: UnsafeMutablePointer<GtkGrid> = UnsafeMutablePointer(OpaquePointer(grid.raw))
        gtk_grid_set_row_spacing(pointer, rowSpacing)
        gtk_grid_set_column_spacing(pointer, columnSpacing)
        return grid
    }
}

extension Widget {
    /// Minimum size in pixels (-1 leaves a dimension natural).
    public func setSizeRequest(width: Int32, height: Int32) { gtk_widget_set_size_request(widget, width, height) }

    /// Puts `child` in this GtkScrolledWindow (no effect on other widgets).
    public func setScrolledChild(_ child: Widget) {
        guard isA(gtk_scrolled_window_get_type()) else { return }
        gtk_scrolled_window_set_child(guichet_scrolled_window(raw), child.widget)
    }
}
