import CGtk
import CGtkShim

/// A column of a `LazyTable`.
public struct TableColumn: Sendable, Equatable {
    public enum Alignment: Sendable { case leading, trailing }
    /// Stable identifier handed back to the sort callback (e.g. an SQL column key).
    public var id: String
    /// French header text.
    public var title: String
    /// Whether clicking the header asks the data source to sort by this column.
    public var sortable: Bool
    /// Whether the column takes the spare width.
    public var expands: Bool
    /// `.trailing` for figures (amounts, counts).
    public var alignment: Alignment

    public init(id: String, title: String, sortable: Bool = true, expands: Bool = false,
                alignment: Alignment = .leading) {
        self.id = id
        self.title = title
        self.sortable = sortable
        self.expands = expands
        self.alignment = alignment
    }
}

/// Supplies a table's rows at once, from memory: the current result of a query. The table asks
/// how many rows there are and the text of the visible ones, page by page.
@MainActor
public protocol LazyTableDataSource: AnyObject {
    func rowCount() -> Int
    /// One array of cell texts per row of `rows`, one text per column, in column order.
    func cells(forRows rows: Range<Int>) -> [[String]]
}

/// Supplies a table's rows from I/O (a database): nothing here blocks the main thread. The owner
/// reads a result's count and first page itself and hands them to `LazyTable.show(total:firstRows:)`;
/// the table asks for the other pages as they come into view and shows their cells blank until
/// `LazyTable.provide(_:forRows:generation:)` brings them.
@MainActor
public protocol LazyTablePageSource: AnyObject {
    /// Starts reading `rows` of the result numbered `generation`; answer with `provide` (later,
    /// on the main actor; an answer for an older generation is ignored).
    func requestCells(forRows rows: Range<Int>, generation: Int)
}

/// A GtkColumnView over `GuichetRowModel` showing a window of a long result: the model holds
/// only the rows that fit on screen (`RowWindow`), cells are fetched from the data source by
/// absolute row through a small page cache, and a scrollbar beside the view spans the whole
/// result. Scrolling (wheel, scrollbar, keyboard) moves the window and rewrites the text of
/// the cells GTK keeps bound, so a list of 100 000 rows costs as much as the rows on screen
/// (GTK's own list views keep ~200 rows of widgets alive whatever their height).
@MainActor
public final class LazyTable {
    public let columns: [TableColumn]
    /// The widget to put in a layout: the column view with its scrollbar.
    public let view: Widget
    /// The GtkColumnView itself.
    public let columnView: Widget
    public weak var dataSource: (any LazyTableDataSource)?
    /// Set instead of `dataSource` for rows read from I/O.
    public weak var pageSource: (any LazyTablePageSource)?
    /// Which result is shown: increased by `show(total:firstRows:)` and `reload()`.
    public private(set) var generation = 0

    /// Header clicked: (column id, descending), or nil when the sort was removed. The owner
    /// re-queries the data source in that order and calls `reload()`.
    public var onSortChanged: (@MainActor (_ column: String?, _ descending: Bool) -> Void)?
    /// The user selected a row (click, keyboard): its absolute index, nil when unselected.
    /// Changes made through `selectedRow` or `reload()` are not reported.
    public var onSelectionChanged: (@MainActor (Int?) -> Void)?
    /// Row activated (double-click or Enter): its absolute index.
    public var onRowActivated: (@MainActor (Int) -> Void)?

    /// Which rows are on screen.
    public internal(set) var window = RowWindow(total: 0, visible: LazyTable.initialVisibleRows)

    static let initialVisibleRows = 30
    /// Natural width of a cell without a fixed column width, in characters.
    static let naturalCellChars: UInt32 = 14
    /// Rows moved by one wheel notch.
    static let rowsPerWheelStep = 3.0

    let model: GObjectRef      // GuichetRowModel: one item per row of the window
    let selection: GObjectRef  // GtkSingleSelection over the model
    let scrolled: Widget       // GtkScrolledWindow around the column view
    let scrollbar: GObjectRef  // GtkAdjustment of the scrollbar: rows of the whole result
    let scrollbarWidget: Widget
    private let pageSize: Int
    private let maxCachedPages: Int
    private var pages: [Int: [[String]]] = [:]
    private var pageUse: [Int] = []    // least recently used first
    /// Pages asked of `pageSource` and not provided yet.
    private var pendingPages: Set<Int> = []
    /// Cells GTK has bound (list item → column index), rewritten in place when the window moves.
    private var boundCells: [UnsafeMutableRawPointer: Int] = [:]
    private var selected: Int?
    /// True while the table itself changes GTK's selection or adjustments.
    var applying = false
    /// Height of the viewport (column view area), from the size probe.
    var viewportHeight = 0
    var rowHeight = 24
    var wheelRemainder = 0.0
    var visibleRowsUpdateQueued = false

    public init(columns: [TableColumn], dataSource: (any LazyTableDataSource)?, pageSize: Int = 200,
                maxCachedPages: Int = 8) {
        self.columns = columns
        self.dataSource = dataSource
        self.pageSize = max(1, pageSize)
        self.maxCachedPages = max(1, maxCachedPages)
        model = GObjectRef(adopting: UnsafeMutableRawPointer(guichet_row_model_new()!))
        // The selection takes its own reference on the model.
        g_object_ref(model.raw)
        let single = gtk_single_selection_new(guichet_list_model(model.raw))!
        selection = GObjectRef(adopting: UnsafeMutableRawPointer(single))
        gtk_single_selection_set_autoselect(single, 0)
        gtk_single_selection_set_can_unselect(single, 1)
        g_object_ref(selection.raw) // the column view takes one too
        let columnViewWidget = gtk_column_view_new(guichet_selection_model(selection.raw))!
        columnView = Widget(borrowing: UnsafeMutableRawPointer(columnViewWidget))
        let adjustment = gtk_adjustment_new(0, 0, 0, 1, 1, 1)!
        scrollbar = GObjectRef(adopting: g_object_ref_sink(UnsafeMutableRawPointer(adjustment)))
        let parts = Self.makeView(columnView: columnViewWidget, adjustment: adjustment)
        view = parts.view
        scrolled = parts.scrolled
        scrollbarWidget = parts.bar
        let columnViewPointer = guichet_column_view(columnView.raw)!
        gtk_column_view_set_show_column_separators(columnViewPointer, 1)
        columnView.addCSSClass("data-table")
        for (index, column) in columns.enumerated() { addColumn(column, index: index, to: columnViewPointer) }
        connectSignals(columnViewPointer)
        connectScrolling(sizeProbe: parts.sizeProbe)
        reload()
    }

    /// Number of rows of the whole result.
    public var rowCount: Int { window.total }

    /// Re-reads the row count and forgets cached cells: call after the query changed
    /// (new sort, new filter, edited data). Back to the top, the selection cleared.
    public func reload() {
        startResult(total: dataSource?.rowCount() ?? 0)
        applyWindow()
    }

    /// Shows a new result read by the owner (a page source's count and first rows): until this
    /// call the previous result stays on screen. Back to the top, the selection cleared.
    public func show(total: Int, firstRows: [[String]]) {
        startResult(total: total)
        if total > 0, firstRows.count >= min(pageSize, total) {
            pages[0] = Array(firstRows.prefix(pageSize))
            pageUse = [0]
        }
        applyWindow()
    }

    /// The cells a page source read for `rows` of result `generation`; ignored when another
    /// result is shown by now.
    public func provide(_ cells: [[String]], forRows rows: Range<Int>, generation: Int) {
        guard generation == self.generation else { return }
        let page = rows.lowerBound / pageSize
        pendingPages.remove(page)
        store(cells, page: page)
        applyWindow()
    }

    /// Whether a page source still owes pages of the result shown.
    public var isWaitingForRows: Bool { !pendingPages.isEmpty }

    private func startResult(total: Int) {
        generation += 1
        pages.removeAll()
        pageUse.removeAll()
        pendingPages.removeAll()
        window.setTotal(total)
        window.scroll(to: 0)
        selected = nil
    }

    /// Text of one cell, through the page cache (what a bound row shows).
    public func text(row: Int, column: Int) -> String {
        guard row >= 0, row < rowCount, column >= 0, column < columns.count else { return "" }
        let page = row / pageSize
        let cells = cachedPage(page)
        let offset = row - page * pageSize
        guard offset < cells.count, column < cells[offset].count else { return "" }
        return cells[offset][column]
    }

    /// Absolute index of the selected row, nil when none. Setting it scrolls the row into view
    /// and does not call `onSelectionChanged`.
    public var selectedRow: Int? {
        get { selected }
        set {
            selected = newValue.flatMap { $0 >= 0 && $0 < rowCount ? $0 : nil }
            if let selected { window.reveal(selected) }
            applyWindow()
        }
    }

    /// Selects a row as a click does: scrolls it into view and reports it through
    /// `onSelectionChanged` (links from elsewhere, tests).
    public func select(row: Int?) {
        selectedRow = row
        onSelectionChanged?(selected)
    }

    /// Shows rows from `row` on (as the scrollbar does).
    public func scroll(toRow row: Int) {
        window.scroll(to: row)
        applyWindow()
    }

    /// Pushes the window to GTK: model size, scrollbar, selection, text of the bound cells.
    func applyWindow() {
        applying = true
        defer { applying = false }
        guichet_row_model_resize(OpaquePointer(model.raw), UInt32(clamping: window.capacity))
        if let inner = gtk_scrolled_window_get_vadjustment(guichet_scrolled_window(scrolled.raw)) {
            gtk_adjustment_set_value(inner, 0) // the window moves, not the view
        }
        gtk_adjustment_configure(scrollbar.raw.assumingMemoryBound(to: GtkAdjustment.self), Double(window.offset), 0, Double(window.total), 1,
                                 Double(max(1, window.visible - 1)), Double(min(window.visible, window.total)))
        scrollbarWidget.isVisible = window.total > window.visible // a short list needs none
        let position = selected.flatMap(window.position(of:)).map { UInt32($0) } ?? GTK_INVALID_LIST_POSITION
        if gtk_single_selection_get_selected(OpaquePointer(selection.raw)) != position {
            gtk_single_selection_set_selected(OpaquePointer(selection.raw), position)
        }
        for (listItem, column) in boundCells { bind(listItem, column: column) }
    }

    /// The user moved GTK's selection (click, keyboard inside the window).
    private func selectionChangedByUser() {
        guard !applying else { return }
        let position = gtk_single_selection_get_selected(OpaquePointer(selection.raw))
        selected = position == GTK_INVALID_LIST_POSITION ? nil : window.row(at: Int(position))
        if let selected, !window.isFullyVisible(selected) {
            window.reveal(selected) // a click on the partly shown last row
            applyWindow()
        }
        onSelectionChanged?(selected)
    }

    /// Moves the cursor as a navigation key does: selects, scrolls, focuses the row.
    func moveCursor(_ key: RowWindow.NavigationKey) {
        guard let target = window.target(of: key, from: selected) else { return }
        selected = target
        window.reveal(target)
        applyWindow()
        if let position = window.position(of: target) { focusRow(at: position) }
        onSelectionChanged?(target)
    }

    /// Column currently sorted by header (id, descending), nil when unsorted.
    public var sortState: (column: String, descending: Bool)? {
        var descending: gboolean = 0
        let index = guichet_column_view_sort_column(guichet_column_view(columnView.raw), &descending)
        guard index >= 0, Int(index) < columns.count else { return nil }
        return (columns[Int(index)].id, descending != 0)
    }

    /// Sorts by a column as a header click does (nil removes the sort).
    public func sort(by columnID: String?, descending: Bool = false) {
        let view = guichet_column_view(columnView.raw)!
        guard let columnID, let index = columns.firstIndex(where: { $0.id == columnID }) else {
            gtk_column_view_sort_by_column(view, nil, GTK_SORT_ASCENDING)
            return
        }
        let list = gtk_column_view_get_columns(view)!
        guard let item = g_list_model_get_item(list, UInt32(index)) else { return }
        gtk_column_view_sort_by_column(view, OpaquePointer(item), descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING)
        g_object_unref(item)
    }

    /// Sets a bound cell's label to its row's text.
    private func bind(_ listItem: UnsafeMutableRawPointer, column: Int) {
        let item = guichet_list_item(listItem)
        guard let child = gtk_list_item_get_child(item) else { return }
        let position = guichet_row_get_index(gtk_list_item_get_item(item))
        let row = position < 0 ? -1 : window.row(at: Int(position))
        gtk_inscription_set_text(guichet_inscription(UnsafeMutableRawPointer(child)), text(row: row, column: column))
    }

    private func cachedPage(_ page: Int) -> [[String]] {
        if let cells = pages[page] {
            if let used = pageUse.firstIndex(of: page) { pageUse.remove(at: used) }
            pageUse.append(page)
            return cells
        }
        let start = page * pageSize
        let end = min(rowCount, start + pageSize)
        guard start < end else { return [] }
        if let pageSource {
            // Blank until provided; asked once per result.
            if pendingPages.insert(page).inserted { pageSource.requestCells(forRows: start..<end, generation: generation) }
            return pages[page] ?? []
        }
        let cells = dataSource?.cells(forRows: start..<end) ?? []
        store(cells, page: page)
        return cells
    }

    private func store(_ cells: [[String]], page: Int) {
        if pages[page] == nil { pageUse.append(page) }
        pages[page] = cells
        if pageUse.count > maxCachedPages { pages[pageUse.removeFirst()] = nil }
    }

    private func addColumn(_ column: TableColumn, index: Int, to view: OpaquePointer) {
        let factory = gtk_signal_list_item_factory_new()!
        let factoryRaw = UnsafeMutableRawPointer(factory)
        let xAlign: Float = column.alignment == .trailing ? 1 : 0
        // Cells are GtkInscriptions, GTK's widget for list cells: sized from character counts
        // instead of laying out their text, and a new text only redraws (a label's would
        // re-measure its row), which is what scrolling and searching do to every cell.
        Signals.connectPointer(factoryRaw, "setup") { listItem in
            let cell = gtk_inscription_new(nil)!
            let inscription = guichet_inscription(UnsafeMutableRawPointer(cell))
            gtk_inscription_set_xalign(inscription, xAlign)
            gtk_inscription_set_text_overflow(inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END)
            gtk_inscription_set_nat_chars(inscription, Self.naturalCellChars)
            gtk_widget_set_margin_start(cell, 6)
            gtk_widget_set_margin_end(cell, 6)
            gtk_list_item_set_child(guichet_list_item(listItem), cell)
        }
        Signals.connectPointer(factoryRaw, "bind") { [weak self] listItem in
            guard let self, let listItem else { return }
            self.boundCells[listItem] = index
            self.bind(listItem, column: index)
        }
        for signal in ["unbind", "teardown"] {
            Signals.connectPointer(factoryRaw, signal) { [weak self] listItem in
                if let listItem { self?.boundCells[listItem] = nil }
            }
        }
        // The column takes ownership of the factory.
        let viewColumn = gtk_column_view_column_new(column.title, factory)!
        gtk_column_view_column_set_resizable(viewColumn, 1)
        gtk_column_view_column_set_expand(viewColumn, column.expands ? 1 : 0)
        if column.sortable {
            let sorter = guichet_column_probe_sorter_new(UInt32(index))!
            gtk_column_view_column_set_sorter(viewColumn, sorter)
            g_object_unref(sorter)
        }
        gtk_column_view_append_column(view, viewColumn)
        g_object_unref(UnsafeMutableRawPointer(viewColumn))
    }

    private func connectSignals(_ view: OpaquePointer) {
        if let sorter = gtk_column_view_get_sorter(view) {
            Signals.connectPointer(UnsafeMutableRawPointer(sorter), "changed") { [weak self] _ in
                guard let self else { return }
                let state = self.sortState
                self.onSortChanged?(state?.column, state?.descending ?? false)
            }
        }
        selection.onNotify("selected") { [weak self] in self?.selectionChangedByUser() }
        Signals.connectUInt(columnView.raw, "activate") { [weak self] position in
            guard let self else { return }
            self.onRowActivated?(self.window.row(at: Int(position)))
        }
    }
}
