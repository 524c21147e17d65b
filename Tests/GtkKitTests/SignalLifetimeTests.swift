import CGtk
import CGtkShim
@testable import GtkKit
import XCTest

final class SignalLifetimeTests: GtkTestCase {
    func testBoxIsReleasedExactlyOnceWhenWidgetIsFreed() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let counter = DeinitCounter()
            var clicks = 0
            do {
                let button = Button(label: "Essai")
                let tracked = Tracked(counter)
                button.onClicked { _ = tracked; clicks += 1 }
                button.onClicked { _ = tracked }
                Signals.emit(button.raw, "clicked")
                XCTAssertEqual(clicks, 1)
                XCTAssertEqual(counter.count, 0, "the handler must stay alive while connected")
            }
            // Our reference was the only one: the button is finalized and both boxes released.
            XCTAssertEqual(counter.count, 1)
        }
    }

    func testDisconnectReleasesTheBoxOnce() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let counter = DeinitCounter()
            var clicks = 0
            do {
                let button = Button(label: "Essai")
                let id = connectTracked(to: button, counter) { clicks += 1 }
                button.disconnect(id)
                XCTAssertEqual(counter.count, 1, "disconnect releases the closure")
                Signals.emit(button.raw, "clicked")
                XCTAssertEqual(clicks, 0)
            }
            XCTAssertEqual(counter.count, 1, "finalizing must not release it a second time")
        }
    }

    func testActivatingAButtonRunsItsHandler() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
            let button = Button(label: "Valider")
            gtk_window_set_child(window.window, button.widget)
            window.present()
            var clicked = false
            button.onClicked { clicked = true }
            button.activate()
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { clicked })
            window.destroy()
        }
    }

    func testKeyPressTrampolineReceivesArguments() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let controller = gtk_event_controller_key_new()!
            var seen: UInt32?
            Signals.connectKey(UnsafeMutableRawPointer(controller), "key-pressed") { keyval, _, _ in
                seen = keyval
                return true
            }
            let handled = guichet_emit_key_pressed(UnsafeMutableRawPointer(controller),
                                                   UInt32(GDK_KEY_Return), 36, GDK_CONTROL_MASK)
            XCTAssertEqual(seen, UInt32(GDK_KEY_Return))
            XCTAssertEqual(handled, 1)
            g_object_unref(UnsafeMutableRawPointer(controller))
        }
    }
}

/// Connects a handler that alone holds a `Tracked`.
@MainActor private func connectTracked(to button: Button, _ counter: DeinitCounter,
                                       _ body: @escaping @MainActor () -> Void) -> SignalHandlerID {
    let tracked = Tracked(counter)
    return button.onClicked { _ = tracked; body() }
}
