import CGtk
import GtkKit
@testable import GuichetUI
import XCTest

/// Issue 13: what lies below a screen's first view is built a few pieces per frame once the
/// screen is on screen, in order; nothing while it is not shown; `cancel()` drops what is left
/// (newer data replaced it) and `complete()` builds it at once.
final class ProgressiveFillTests: XCTestCase {
    private func skipWithoutDisplay() throws {
        try XCTSkipUnless(MainActor.assumeIsolated { MainLoop.initializeGTK() }, "no display")
    }

    @MainActor
    private static func window(with child: Widget) -> Window {
        let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
        window.setDefaultSize(width: 300, height: 200)
        gtk_window_set_child(window.window, child.widget)
        return window
    }

    func testPiecesAreBuiltAFewPerFrameInOrderOnceShown() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let anchor = Label("ancre")
            let window = Self.window(with: anchor)
            defer { window.destroy() }
            let fill = ProgressiveFill(anchor: anchor, perFrame: 3)
            var built: [Int] = []
            fill.add((0..<7).map { i in { built.append(i) } })
            XCTAssertTrue(fill.isFilling)
            _ = MainLoop.iterate(timeout: 0.3) { false }
            XCTAssertEqual(built, [], "nothing is built while the anchor is not shown")

            window.present()
            var painted = false
            anchor.onAfterNextPaint { painted = true }
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { painted })
            XCTAssertLessThanOrEqual(built.count, 3, "the first frame after showing builds at most three pieces")
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { !fill.isFilling })
            XCTAssertEqual(built, Array(0..<7), "every piece, once, in order")
        }
    }

    func testCancelDropsWhatIsLeftAndCompleteBuildsItNow() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let anchor = Label("ancre")
            let window = Self.window(with: anchor)
            defer { window.destroy() }
            let fill = ProgressiveFill(anchor: anchor, perFrame: 2)
            var built: [String] = []
            fill.add((0..<5).map { i in { built.append("ancien \(i)") } })
            fill.cancel()
            fill.add((0..<5).map { i in { built.append("nouveau \(i)") } })
            fill.complete()
            XCTAssertEqual(built, (0..<5).map { "nouveau \($0)" }, "the old pieces are dropped, the new ones built at once")
            XCTAssertFalse(fill.isFilling)

            window.present()
            var painted = 0
            for _ in 0..<3 {
                anchor.onAfterNextPaint { painted += 1 }
                let target = painted + 1
                XCTAssertTrue(MainLoop.iterate(timeout: 5) { painted >= target })
            }
            XCTAssertEqual(built.count, 5, "a frame scheduled for the dropped pieces builds nothing")
        }
    }
}
