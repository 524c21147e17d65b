/// Which rows of a long result a `LazyTable` shows: GTK's list views keep ~200 row widgets
/// alive whatever their height (GTK_LIST_VIEW_MAX_LIST_ITEMS), which made opening and
/// filtering a 100 000-row list cost 1 400 bound cells. The table's model therefore holds only
/// the rows that fit on screen, and this window says which absolute rows they are.
///
/// Pure arithmetic, no GTK: `offset` is the first absolute row shown, `visible` the rows that
/// fit entirely in the viewport, `capacity` the rows the model holds (visible + one partly
/// shown).
public struct RowWindow: Equatable, Sendable {
    /// Rows of the whole result.
    public private(set) var total: Int
    /// First absolute row shown.
    public private(set) var offset: Int = 0
    /// Rows entirely visible (at least 1).
    public private(set) var visible: Int

    public init(total: Int, visible: Int) {
        self.total = max(0, total)
        self.visible = max(1, visible)
    }

    /// Rows the model holds: the visible ones and one partly shown below, never past the end.
    public var capacity: Int { max(0, min(visible + 1, total - offset)) }
    /// Largest offset: the last row sits on the last visible line.
    public var maxOffset: Int { max(0, total - visible) }

    /// Absolute row shown at model position `position`.
    public func row(at position: Int) -> Int { offset + position }

    /// Model position of absolute row `row`, nil when it is not in the model.
    public func position(of row: Int) -> Int? {
        let position = row - offset
        return position >= 0 && position < capacity ? position : nil
    }

    /// Whether `row` is entirely visible.
    public func isFullyVisible(_ row: Int) -> Bool { row >= offset && row < offset + visible }

    public mutating func setTotal(_ total: Int) {
        self.total = max(0, total)
        offset = min(offset, maxOffset)
    }

    public mutating func setVisible(_ visible: Int) {
        self.visible = max(1, visible)
        offset = min(offset, maxOffset)
    }

    public mutating func scroll(to offset: Int) {
        self.offset = min(max(0, offset), maxOffset)
    }

    public mutating func scroll(by rows: Int) { scroll(to: offset + rows) }

    /// Scrolls the least needed for `row` to be entirely visible.
    public mutating func reveal(_ row: Int) {
        guard row >= 0, row < total else { return }
        if row < offset { scroll(to: row) } else if row >= offset + visible { scroll(to: row - visible + 1) }
    }

    /// Where a navigation key takes the cursor (absolute row), from `row` (nil: no cursor yet).
    public func target(of key: NavigationKey, from row: Int?) -> Int? {
        guard total > 0 else { return nil }
        let step = max(1, visible - 1)
        let target: Int
        switch key {
        case .down: target = row.map { $0 + 1 } ?? offset
        case .up: target = row.map { $0 - 1 } ?? offset
        case .pageDown: target = (row ?? offset) + step
        case .pageUp: target = (row ?? offset) - step
        case .home: target = 0
        case .end: target = total - 1
        }
        return min(max(0, target), total - 1)
    }

    public enum NavigationKey: Sendable { case up, down, pageUp, pageDown, home, end }
}
