import CGtk

/// A repeating GLib timeout on the main context: `tick` runs every `interval` milliseconds (or
/// as soon after as the main loop is free) until it returns false or the timer is cancelled.
@MainActor
public final class MainLoopTimer {
    private var sourceID: UInt32 = 0

    /// `priority`: GLib's (`G_PRIORITY_HIGH` is -100, the default 0); a high priority is
    /// dispatched before redraws and other sources that are due at the same time.
    public init(interval milliseconds: UInt32, priority: Int32 = 0, _ tick: @escaping @MainActor () -> Bool) {
        let box = Unmanaged.passRetained(TickBox(tick)).toOpaque()
        sourceID = g_timeout_add_full(priority, milliseconds, { data in
            let box = Unmanaged<TickBox>.fromOpaque(data!).takeUnretainedValue()
            return MainActor.assumeIsolated { box.tick() } ? 1 : 0
        }, box, { data in
            Unmanaged<TickBox>.fromOpaque(data!).release()
        })
    }

    /// Stops the timer (the tick is released by GLib).
    public func cancel() {
        guard sourceID != 0 else { return }
        if g_main_context_find_source_by_id(nil, sourceID) != nil { g_source_remove(sourceID) }
        sourceID = 0
    }
}

private final class TickBox {
    let tick: @MainActor () -> Bool
    init(_ tick: @escaping @MainActor () -> Bool) { self.tick = tick }
}
