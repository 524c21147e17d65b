import CGtk
import CGtkShim

/// A GtkApplication. `run()` blocks in the GLib main loop until the last window closes or
/// `quit()`; the dispatch bridge is installed first so the main actor keeps running.
@MainActor
public final class Application: GObjectRef {
    override public class var expectedType: GType { gtk_application_get_type() }

    /// `nonUnique`: every process is its own instance (one window per database file) instead of
    /// forwarding its activation to an instance already running on the session bus.
    public convenience init(id: String, nonUnique: Bool = true) {
        let flags = nonUnique ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS
        self.init(adopting: UnsafeMutableRawPointer(gtk_application_new(id, flags)!))
    }

    public var application: UnsafeMutablePointer<GtkApplication> { guichet_application(raw) }

    /// Sets the program name: the name AT-SPI and window managers show for the process
    /// (whatever the executable is called). Call before creating windows.
    public static func setProgramName(_ name: String) { g_set_prgname(name) }

    /// `activate`: build and present the main window here.
    @discardableResult
    public func onActivate(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        connect("activate", handler)
    }

    /// Runs the main loop. Command-line arguments are not passed to GTK: the executable parses
    /// its own.
    public func run() -> Int32 {
        MainLoop.installDispatchBridge()
        return g_application_run(guichet_g_application(raw), 0, nil)
    }

    public func quit() { g_application_quit(guichet_g_application(raw)) }

    /// Adds an `app.<name>` action.
    @discardableResult
    public func addAction(_ name: String, _ handler: @escaping @MainActor () -> Void) -> SimpleAction {
        SimpleAction.add(to: raw, name: name, handler)
    }

    /// Attaches a window to the application (it then keeps the application running and gets
    /// `app.` actions and shortcuts).
    public func addWindow(_ window: Window) {
        gtk_application_add_window(application, window.window)
    }

    /// Sets the shortcut of a detailed action, e.g. `("win.save", "<Control>s")`.
    public func setAccelerator(_ accelerator: String, for detailedAction: String) {
        guichet_set_accels(application, detailedAction, accelerator)
    }

    /// Shortcut currently set for an action (first one), e.g. "<Control>s".
    public func accelerator(for detailedAction: String) -> String? {
        guard let accels = gtk_application_get_accels_for_action(application, detailedAction) else { return nil }
        defer { g_strfreev(accels) }
        return accels[0].map { String(cString: $0) }
    }
}
