import CGtk
import CGtkShim
import Foundation

/// GTK set-up and the bridge between the GLib main loop and the main actor.
///
/// On Linux, `g_application_run` (or any GLib loop) blocks the main thread and libdispatch's
/// main queue, the main actor's executor, is never drained: `Task { @MainActor in }` and
/// resuming on the main actor after `await` would never run. The bridge is a GLib fd source on
/// libdispatch's main-queue eventfd that drains the queue whenever work is enqueued.
@MainActor
public enum MainLoop {
    private static var gtkInitialized: Bool?
    private static var bridgeInstalled = false

    /// `gtk_init_check` once, plus the dispatch bridge. False when there is no display.
    public static func initializeGTK() -> Bool {
        if let gtkInitialized { return gtkInitialized }
        let ok = gtk_init_check() != 0
        gtkInitialized = ok
        if ok { installDispatchBridge() }
        return ok
    }

    /// Installs the libdispatch fd source on the default GLib main context (idempotent).
    @discardableResult
    public static func installDispatchBridge() -> Bool {
        if bridgeInstalled { return true }
        bridgeInstalled = guichet_install_dispatch_bridge() != 0
        return bridgeInstalled
    }

    /// Iterates the default main context until `condition` holds or `timeout` seconds pass.
    /// For tests and for waiting on GTK's deferred work; returns the final `condition()`.
    @discardableResult
    public static func iterate(timeout: TimeInterval = 5, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() >= deadline { return false }
            // Non-blocking iteration plus a short sleep keeps the deadline honest even when no
            // source is ready.
            if g_main_context_iteration(nil, 0) == 0 { usleep(1_000) }
        }
        return true
    }

    /// Runs all pending GLib events without blocking.
    public static func drainPending() {
        while g_main_context_pending(nil) != 0 { g_main_context_iteration(nil, 0) }
    }
}
