import CGtk
import Foundation
import GtkKit
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

/// Texts of the labels under `widget` (what the table shows).
@MainActor private func labelTexts(_ widget: UnsafeMutablePointer<GtkWidget>) -> [String] {
    var texts: [String] = []
    if let label = g_type_check_instance_is_a(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self),
                                              gtk_label_get_type()) != 0 ? widget : nil {
        texts.append(String(cString: gtk_label_get_text(OpaquePointer(label))))
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

    func testShownTableBindsVisibleRowsOnly() throws {
        try skipWithoutDisplay()
        try MainActor.assumeIsolated {
            let source = CountingSource(count: 100_000)
            let table = makeTable(source)
            let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
            window.setDefaultSize(width: 400, height: 300)
            gtk_window_set_child(window.window, table.view.widget)
            window.present()
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { source.requests.contains { $0.contains(0) } },
                          "binding the first visible row fetches its page")
            MainLoop.drainPending()
            XCTAssertLessThanOrEqual(source.requests.reduce(0) { $0 + $1.count }, 300,
                                     "only pages around the visible rows are fetched")
            // A picture of the table to look at: GUICHET_SCREENSHOTS_DIR keeps it.
            let directory = ProcessInfo.processInfo.environment["GUICHET_SCREENSHOTS_DIR"] ?? NSTemporaryDirectory()
            let path = (directory as NSString).appendingPathComponent("lazy-table.png")
            try window.savePNG(to: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            XCTAssertGreaterThan(size ?? 0, 1000)
            window.destroy()
        }
    }

    func testReloadRefreshesTheRowsGTKKeeps() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 1_000)
            let table = makeTable(source)
            let window = Window(borrowing: UnsafeMutableRawPointer(gtk_window_new()!))
            window.setDefaultSize(width: 400, height: 300)
            gtk_window_set_child(window.window, table.view.widget)
            window.present()
            XCTAssertTrue(MainLoop.iterate(timeout: 5) { labelTexts(table.columnView.widget).contains("n°0") })
            source.count = 3
            source.prefix = "neuf "
            table.reload()
            MainLoop.drainPending()
            let texts = labelTexts(table.columnView.widget).filter { $0.contains("°") }
            XCTAssertEqual(Set(texts), ["neuf n°0", "neuf n°1", "neuf n°2"], "no stale text after a reload")
            window.destroy()
        }
    }

    func testHeaderSortAndSelectionCallbacks() throws {
        try skipWithoutDisplay()
        MainActor.assumeIsolated {
            let source = CountingSource(count: 10)
            let table = makeTable(source)
            var sorts: [String] = []
            table.onSortChanged = { column, descending in sorts.append("\(column ?? "-") \(descending)") }
            var selections: [Int?] = []
            table.onSelectionChanged = { selections.append($0) }
            XCTAssertNil(table.sortState?.column)
            table.sort(by: "double", descending: true)
            XCTAssertEqual(table.sortState?.column, "double")
            XCTAssertEqual(table.sortState?.descending, true)
            table.sort(by: "numero")
            table.sort(by: nil)
            XCTAssertEqual(sorts, ["double true", "numero false", "- false"])
            table.selectedRow = 4
            XCTAssertEqual(table.selectedRow, 4)
            table.selectedRow = nil
            XCTAssertEqual(selections, [4, nil])
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
