import CGtk
import CGtkShim
import Foundation
@testable import GtkKit
import XCTest

@MainActor
private final class CountingSource: LazyTableDataSource {
    var count: Int
    var requests: [Range<Int>] = []
    var prefix = ""
    init(count: Int) { self.count = count }
    func rowCount() -> Int { count }
    func cells(forRows rows: Range<Int>) -> [[String]] {
        requests.append(rows)
        return rows.map { ["\(prefix)n°\($0)", "\($0 * 2)"] }
    }
}

/// Texts of the cells and labels under `widget` (what the table shows).
@MainActor private func labelTexts(_ widget: UnsafeMutablePointer<GtkWidget>) -> [String] {
    var texts: [String] = []
    let instance = UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self)
    if g_type_check_instance_is_a(instance, gtk_inscription_get_type()) != 0 {
        texts.append(gtk_inscription_get_text(OpaquePointer(widget)).map { String(cString: $0) } ?? "")
    } else if g_type_check_instance_is_a(instance, gtk_label_get_type()) != 0 {
        texts.append(String(cString: gtk_label_get_text(OpaquePointer(widget))))
    }
    var child = gtk_widget_get_first_child(widget)
    while let current = child {
        texts += labelTexts(current)
        child = gtk_widget_get_next_sibling(current)
    }
    return texts
}

@MainActor private func makeTable(_ source: CountingSource) -> LazyTable {
    LazyTable(columns: [TableColumn(id: "numero", title: "Numéro", expands: true),
                        TableColumn(id: "double", title: "Double", alignment: .trailing)],
              dataSource: source, pageSize: 100)
}

/// A table shown in a 400×300 window, its first frame painted.
@MainActor private func shownTable(_ source: CountingSource) -> (LazyTable, Window) {
    let table = makeTable(source)
    let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
    window.setDefaultSize(width: 400, height: 300)
    gtk_window_set_child(window.window, table.view.widget)
    window.present()
    XCTAssertTrue(MainLoop.iterate(timeout: 5) { labelTexts(table.columnView.widget).contains("n°0") })
    // The row height is measured once rows are allocated; let the window settle.
    for _ in 0..<3 {
        var painted = false
        table.columnView.onAfterNextPaint { painted = true }
        _ = MainLoop.iterate(timeout: 2) { painted }
    }
    return (table, window)
}

/// Row texts of the first column on screen (cells of the "n°…" column).
@MainActor private func shownNumbers(_ table: LazyTable) -> [String] {
    labelTexts(table.columnView.widget).filter { $0.contains("n°") }
}

final class LazyTableTests: GtkTestCase {
    func testCountsAndFetchesOnlyTheRequestedPage() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 100_000)
            let table = makeTable(source)
            XCTAssertEqual(table.rowCount, 100_000)
            XCTAssertTrue(source.requests.isEmpty, "nothing is fetched before a row is shown")
            XCTAssertEqual(table.text(row: 54_321, column: 1), "108642")
            XCTAssertEqual(table.text(row: 54_399, column: 0), "n°54399")
            XCTAssertEqual(source.requests, [54_300..<54_400], "one page, then served from the cache")
            source.count = 3
            table.reload()
            XCTAssertEqual(table.rowCount, 3)
            XCTAssertEqual(table.text(row: 2, column: 0), "n°2")
            XCTAssertEqual(table.text(row: 3, column: 0), "", "beyond the end")
        }
    }

    func testShownTableBindsTheRowsThatFitOnly() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let source = CountingSource(count: 100_000)
            let (table, window) = shownTable(source)
            defer { window.destroy() }
            let visible = table.window.visible
            XCTAssertGreaterThan(visible, 3)
            XCTAssertLessThan(visible, 20, "a 300-pixel window shows a dozen rows")
            XCTAssertEqual(shownNumbers(table), (0...visible).map { "n°\($0)" },
                           "the model holds the visible rows and the partly shown one, not GTK's 200")
            XCTAssertEqual(source.requests, [0..<100], "one page read")
            // A picture of the table to look at: GUICHET_SCREENSHOTS_DIR keeps it.
            let directory = ProcessInfo.processInfo.environment["GUICHET_SCREENSHOTS_DIR"] ?? NSTemporaryDirectory()
            let path = (directory as NSString).appendingPathComponent("lazy-table.png")
            try window.savePNG(to: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            XCTAssertGreaterThan(size ?? 0, 4000, "rows are painted (a blank 400×300 picture compresses to ~1.5 KB)")
        }
    }

    func testScrollbarWheelAndKeysMoveTheWindowOverTheWholeResult() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 100_000)
            let (table, window) = shownTable(source)
            defer { window.destroy() }
            let visible = table.window.visible
            let adjustment = table.scrollbar.raw.assumingMemoryBound(to: GtkAdjustment.self)
            XCTAssertEqual(gtk_adjustment_get_upper(adjustment), 100_000, "the scrollbar spans every row")
            XCTAssertEqual(Int(gtk_adjustment_get_page_size(adjustment)), visible)

            gtk_adjustment_set_value(adjustment, 54_321) // dragging the scrollbar
            XCTAssertEqual(table.window.offset, 54_321)
            XCTAssertEqual(shownNumbers(table).first, "n°54321", "bound cells are rewritten in place")
            XCTAssertEqual(shownNumbers(table).count, visible + 1)

            XCTAssertTrue(table.wheelScrolled(1))
            XCTAssertEqual(table.window.offset, 54_324, "one wheel notch = 3 rows")
            XCTAssertTrue(table.wheelScrolled(-0.2))
            XCTAssertTrue(table.wheelScrolled(-0.2))
            XCTAssertEqual(table.window.offset, 54_323, "touchpad fractions add up")
            XCTAssertEqual(Int(gtk_adjustment_get_value(adjustment)), 54_323, "the scrollbar follows")

            var reported: [Int?] = []
            table.onSelectionChanged = { reported.append($0) }
            table.moveCursor(.down)
            XCTAssertEqual(table.selectedRow, 54_323, "the first key selects the first visible row")
            for _ in 0..<visible { table.moveCursor(.down) }
            XCTAssertEqual(table.selectedRow, 54_323 + visible)
            XCTAssertEqual(table.window.offset, 54_324, "Down on the last visible line scrolls one row")
            XCTAssertEqual(reported.count, visible + 1, "each key reports the new row")
            table.moveCursor(.end)
            XCTAssertEqual(table.selectedRow, 99_999)
            XCTAssertEqual(shownNumbers(table).last, "n°99999", "the last row is on screen")
            table.moveCursor(.home)
            XCTAssertEqual(table.window.offset, 0)
            XCTAssertEqual(reported.last, 0)
        }
    }

    func testReloadRefreshesTheRowsGTKKeeps() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 1_000)
            let (table, window) = shownTable(source)
            defer { window.destroy() }
            table.scroll(toRow: 500)
            XCTAssertTrue(table.scrollbarWidget.isVisible)
            source.count = 3
            source.prefix = "neuf "
            table.reload()
            MainLoop.drainPending()
            XCTAssertEqual(table.window.offset, 0, "a new result starts at the top")
            XCTAssertEqual(Set(shownNumbers(table)), ["neuf n°0", "neuf n°1", "neuf n°2"], "no stale text after a reload")
            XCTAssertFalse(table.scrollbarWidget.isVisible, "three rows fit: no scrollbar")
        }
    }

    func testSelectionIsReportedForTheUserOnlyAndFollowsScrolling() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 1_000)
            let (table, window) = shownTable(source)
            defer { window.destroy() }
            var selections: [Int?] = []
            table.onSelectionChanged = { selections.append($0) }
            var sorts: [String] = []
            table.onSortChanged = { column, descending in sorts.append("\(column ?? "-") \(descending)") }
            XCTAssertNil(table.sortState?.column)
            table.sort(by: "double", descending: true)
            XCTAssertEqual(table.sortState?.column, "double")
            XCTAssertEqual(table.sortState?.descending, true)
            table.sort(by: "numero")
            table.sort(by: nil)
            XCTAssertEqual(sorts, ["double true", "numero false", "- false"])

            table.selectedRow = 700
            XCTAssertEqual(table.selectedRow, 700)
            XCTAssertTrue(table.window.isFullyVisible(700), "a row selected by the program is scrolled into view")
            XCTAssertEqual(selections, [], "changes made by the program are not reported")
            let gtkSelection = OpaquePointer(table.selection.raw)
            XCTAssertEqual(Int(gtk_single_selection_get_selected(gtkSelection)), 700 - table.window.offset)
            table.scroll(toRow: 0)
            XCTAssertEqual(gtk_single_selection_get_selected(gtkSelection), GTK_INVALID_LIST_POSITION,
                           "scrolled away, no row of the window is highlighted")
            XCTAssertEqual(table.selectedRow, 700, "but the selection is kept")
            gtk_single_selection_set_selected(gtkSelection, 2) // as a click on the third row does
            XCTAssertEqual(selections, [2])
            table.scroll(toRow: 10)
            XCTAssertEqual(table.selectedRow, 2)
            XCTAssertEqual(selections, [2], "scrolling reports nothing")
            table.reload()
            XCTAssertNil(table.selectedRow)
            XCTAssertEqual(selections, [2])
        }
    }

    func testBuilderChecksTypes() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let builder = try Builder(string: """
                <interface><object class="GtkBox" id="box"><child>
                <object class="GtkLabel" id="title"><property name="label">Programmes</property></object>
                </child></object></interface>
                """)
            XCTAssertEqual(try builder.get("title", as: Label.self).text, "Programmes")
            XCTAssertThrowsError(try builder.get("title", as: Button.self))
            XCTAssertThrowsError(try builder.get("absent", as: Label.self))
            XCTAssertThrowsError(try Builder(string: "<interface><object class=\"Nope\"/></interface>"))
        }
    }
}
