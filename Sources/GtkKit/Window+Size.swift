import CGtk
import CGtkShim

extension Window {
    /// Size of the first monitor of the display (where a window without a window manager
    /// opens), nil when GDK knows none.
    public static var monitorSize: (width: Int, height: Int)? {
        guard let display = gdk_display_get_default(), let monitors = gdk_display_get_monitors(display),
              g_list_model_get_n_items(monitors) > 0, let item = g_list_model_get_item(monitors, 0) else { return nil }
        defer { g_object_unref(item) }
        var rect = GdkRectangle()
        gdk_monitor_get_geometry(OpaquePointer(item), &rect)
        return (Int(rect.width), Int(rect.height))
    }

    /// The size the window would open at again: GTK keeps it up to date as the user resizes
    /// (not while maximized), which makes it the size to remember.
    public var defaultSize: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        gtk_window_get_default_size(window, &width, &height)
        return (Int(width), Int(height))
    }

    public var isMaximized: Bool { gtk_window_is_maximized(window) != 0 }
    public func maximize() { gtk_window_maximize(window) }

    /// Called when the window's size changes (its default size follows the user's resizing,
    /// and maximizing).
    public func onResized(_ handler: @escaping @MainActor () -> Void) {
        onNotify("default-width", handler)
        onNotify("maximized", handler)
    }
}
