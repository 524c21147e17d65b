import CGtk
import GtkKit
import XCTest

@MainActor
private final class SampleController {
    let window: Window
    var closeRequests = 0

    init() {
        window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
        window.onCloseRequest { [weak self] in
            self?.closeRequests += 1
            return false
        }
        window.keepAlive(self)
    }
}

final class LifetimeAndLoopTests: GtkTestCase {
    func testControllerIsFreedWhenItsWindowCloses() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            weak var weakController: SampleController?
            do {
                let controller = SampleController()
                weakController = controller
                controller.window.present()
            }
            MainLoop.drainPending()
            XCTAssertNotNil(weakController, "the window keeps its controller alive")
            weakController?.window.close()
            XCTAssertEqual(weakController?.closeRequests ?? 1, 1, "close asks the controller")
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { weakController == nil },
                          "closing the window frees its controller")
        }
    }

    func testMainActorTaskCompletesWhileGLibLoopIterates() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            XCTAssertTrue(MainLoop.installDispatchBridge())
            let result = ResultBox()
            Task { @MainActor in
                // Hop off the main actor and back: the resumption needs the main queue drained.
                let value = await Task.detached { (1...100).reduce(0, +) }.value
                result.value = value
            }
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { result.value != nil })
            XCTAssertEqual(result.value, 5050)
        }
    }
}

@MainActor
private final class ResultBox {
    var value: Int?
}
