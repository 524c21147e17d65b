import CGtk
import CGtkShim

extension Widget {
    /// Calls `handler` once, after the next frame painted while the widget is mapped (now if it
    /// is mapped, otherwise once it is).
    public func onAfterNextPaint(_ handler: @escaping @MainActor () -> Void) {
        let widget = self.widget
        let hook: @MainActor () -> Void = {
            guard let clock = gtk_widget_get_frame_clock(widget) else { handler(); return }
            let clockRaw = UnsafeMutableRawPointer(clock)
            var id: SignalHandlerID?
            id = Signals.connect(clockRaw, "after-paint") {
                guard let handlerID = id else { return }
                id = nil
                Signals.disconnect(clockRaw, handlerID)
                handler()
            }
            gdk_frame_clock_request_phase(clock, GDK_FRAME_CLOCK_PHASE_PAINT)
        }
        if gtk_widget_get_mapped(widget) != 0 {
            hook()
        } else {
            var mapID: SignalHandlerID?
            mapID = connect("map") { [weak self] in
                guard let self, let id = mapID else { return }
                mapID = nil
                self.disconnect(id)
                hook()
            }
        }
    }
}
