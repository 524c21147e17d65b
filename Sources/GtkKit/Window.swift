import CGtk
import CGtkShim

/// A GtkWindow or GtkApplicationWindow. Toplevels are owned by GTK until destroyed:
/// call `destroy()` (or let the user close it) to free one.
@MainActor
public final class Window: Widget {
    override public class var expectedType: GType { gtk_window_get_type() }

    public var window: UnsafeMutablePointer<GtkWindow> { guichet_window(raw) }

    public var title: String? {
        get { gtk_window_get_title(window).map { String(cString: $0) } }
        set { gtk_window_set_title(window, newValue) }
    }

    public func setDefaultSize(width: Int32, height: Int32) {
        gtk_window_set_default_size(window, width, height)
    }

    public func present() { gtk_window_present(window) }

    /// The GSK renderer drawing the window once it is realised ("GskCairoRenderer",
    /// "GskGLRenderer"…), nil before.
    public var rendererName: String? {
        guard let renderer = gtk_native_get_renderer(OpaquePointer(raw)) else { return nil }
        return String(cString: g_type_name(guichet_object_type(UnsafeMutableRawPointer(renderer))))
    }

    /// Keeps a dialog above `parent` (and centred on it, where the window manager allows).
    public func setTransientFor(_ parent: Window?) { gtk_window_set_transient_for(window, parent?.window) }

    /// Asks to close, as the close button does: `close-request` handlers may refuse.
    public func close() { gtk_window_close(window) }

    /// Destroys the window without asking.
    public func destroy() { gtk_window_destroy(window) }

    /// `close-request`: return false to let the window close, true to keep it open.
    @discardableResult
    public func onCloseRequest(_ handler: @escaping @MainActor () -> Bool) -> SignalHandlerID {
        Signals.connectBool(raw, "close-request", handler)
    }

    /// Adds a `win.<name>` action (only for GtkApplicationWindow, which is a GActionMap).
    @discardableResult
    public func addAction(_ name: String, _ handler: @escaping @MainActor () -> Void) -> SimpleAction {
        SimpleAction.add(to: raw, name: name, handler)
    }

    /// Keeps `owner` (typically the window's controller) alive until the window is destroyed
    /// (closed by the user, `close()`, `destroy()`), then releases it. The controller may hold
    /// this `Window` strongly: `gtk_window_destroy` only drops GTK's toplevel reference, so the
    /// release is triggered by the window leaving GTK's list of toplevels.
    public func keepAlive(_ owner: AnyObject) {
        nonisolated(unsafe) let owner = owner
        let toplevels = UnsafeMutableRawPointer(gtk_window_get_toplevels()!)
        let window = raw
        var id: SignalHandlerID?
        id = Signals.connectItemsChanged(toplevels) { _, removed, _ in
            guard removed > 0, let handler = id, !Self.isToplevel(window) else { return }
            _ = owner
            id = nil
            Signals.disconnect(toplevels, handler) // releases this closure, hence `owner`
        }
    }

    private static func isToplevel(_ window: UnsafeMutableRawPointer) -> Bool {
        let list = gtk_window_get_toplevels()!
        for index in 0..<g_list_model_get_n_items(list) {
            guard let item = g_list_model_get_item(list, index) else { continue }
            g_object_unref(item)
            if item == window { return true }
        }
        return false
    }

    /// The widget that has the keyboard focus in this window.
    public var focusedWidget: UnsafeMutablePointer<GtkWidget>? { gtk_window_get_focus(window) }
}
