import GtkKit
import Testing

/// The arithmetic of which rows a LazyTable shows (no GTK needed).
struct RowWindowTests {
    @Test func capacityIsTheVisibleRowsPlusOneNeverPastTheEnd() {
        var window = RowWindow(total: 100_000, visible: 25)
        #expect(window.capacity == 26)
        #expect(window.maxOffset == 99_975)
        window.scroll(to: 99_975)
        #expect(window.capacity == 25, "the last row sits on the last visible line, no blank row below")
        #expect(RowWindow(total: 3, visible: 25).capacity == 3)
        #expect(RowWindow(total: 0, visible: 25).capacity == 0)
    }

    @Test func scrollingIsClampedToTheResult() {
        var window = RowWindow(total: 1_000, visible: 20)
        window.scroll(by: -5)
        #expect(window.offset == 0)
        window.scroll(to: 5_000)
        #expect(window.offset == 980)
        window.setTotal(30)
        #expect(window.offset == 10, "a shorter result pulls the window back")
        window.setVisible(40)
        #expect(window.offset == 0)
    }

    @Test func positionsMapToAbsoluteRows() {
        var window = RowWindow(total: 1_000, visible: 20)
        window.scroll(to: 500)
        #expect(window.row(at: 0) == 500)
        #expect(window.position(of: 500) == 0)
        #expect(window.position(of: 520) == 20, "the partly shown row is in the model")
        #expect(window.position(of: 521) == nil)
        #expect(window.position(of: 499) == nil)
        #expect(window.isFullyVisible(519))
        #expect(!window.isFullyVisible(520))
    }

    @Test func revealScrollsTheLeastNeeded() {
        var window = RowWindow(total: 1_000, visible: 20)
        window.reveal(10)
        #expect(window.offset == 0, "already visible")
        window.reveal(20)
        #expect(window.offset == 1, "one row down brings the next row in")
        window.reveal(700)
        #expect(window.offset == 681, "the row lands on the last visible line")
        window.reveal(600)
        #expect(window.offset == 600, "upwards, the row lands on the first line")
        window.reveal(5_000)
        #expect(window.offset == 600, "rows past the end are ignored")
    }

    @Test func navigationKeysMoveTheCursorWithinTheResult() {
        var window = RowWindow(total: 100, visible: 10)
        window.scroll(to: 40)
        #expect(window.target(of: .down, from: nil) == 40, "the first key selects the first visible row")
        #expect(window.target(of: .down, from: 45) == 46)
        #expect(window.target(of: .up, from: 0) == 0)
        #expect(window.target(of: .pageDown, from: 45) == 54, "a page keeps one row of context")
        #expect(window.target(of: .pageUp, from: 5) == 0)
        #expect(window.target(of: .pageDown, from: 95) == 99)
        #expect(window.target(of: .home, from: 45) == 0)
        #expect(window.target(of: .end, from: 45) == 99)
        #expect(RowWindow(total: 0, visible: 10).target(of: .down, from: nil) == nil)
    }
}
