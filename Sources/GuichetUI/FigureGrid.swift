import GtkKit

/// Fills a GtkGrid as a small table of figures: a header row, rows of cells (text or a widget),
/// separators. Figures are right-aligned in tabular digits. For tables of tens of rows; long
/// lists use `LazyTable`. A class: rows may be added later (`ProgressiveFill`).
@MainActor
final class FigureGrid {
    struct Column {
        var title: String
        var trailing: Bool
        /// Width in characters before a text cell wraps (texts only).
        var maxWidthChars: Int32 = -1
        init(_ title: String, trailing: Bool = true, maxWidthChars: Int32 = -1) {
            self.title = title
            self.trailing = trailing
            self.maxWidthChars = maxWidthChars
        }
    }

    enum Cell {
        case text(String, classes: [String] = [], tooltip: String? = nil)
        /// A figure above a smaller, dimmed one (e.g. six-year amount above the yearly one).
        case stacked(String, String, classes: [String] = [], tooltip: String? = nil)
        case widget(Widget)

        static func plain(_ text: String) -> Cell { .text(text) }
    }

    let grid: Grid
    let columns: [Column]
    private(set) var rowCount = 0

    /// Empties the grid and writes the header row.
    init(grid: Grid, columns: [Column]) {
        self.grid = grid
        self.columns = columns
        grid.removeAll()
        _ = addRow(columns.map { .text($0.title, classes: ["heading", "dim-label"]) })
        addSeparator()
    }

    /// Adds a row; returns the labels of each cell, in column order (none for widget cells).
    @discardableResult
    func addRow(_ cells: [Cell], classes: [String] = []) -> [[Label]] {
        var labels: [[Label]] = []
        for (index, cell) in cells.enumerated() where index < columns.count {
            let column = columns[index]
            switch cell {
            case .text(let text, let cellClasses, let tooltip):
                let label = makeLabel(text, column: column, classes: classes + cellClasses)
                label.tooltip = tooltip
                grid.attach(label, column: index, row: rowCount)
                labels.append([label])
            case .stacked(let main, let second, let cellClasses, let tooltip):
                let box = Box(vertical: true, spacing: 0)
                box.centerVertically()
                let top = makeLabel(main, column: column, classes: classes + cellClasses)
                let bottom = makeLabel(second, column: column, classes: classes + cellClasses + ["dim-label", "caption"])
                box.append(top)
                box.append(bottom)
                box.tooltip = tooltip
                grid.attach(box, column: index, row: rowCount)
                labels.append([top, bottom])
            case .widget(let widget):
                grid.attach(widget, column: index, row: rowCount)
                labels.append([])
            }
        }
        rowCount += 1
        return labels
    }

    private func makeLabel(_ text: String, column: Column, classes: [String]) -> Label {
        let label = Label(text)
        label.xAlign = column.trailing ? 1 : 0
        if column.trailing {
            label.addCSSClass("numeric")
            label.justifyRight()
        }
        if column.maxWidthChars > 0 {
            label.maxWidthChars = column.maxWidthChars
            label.wraps = true
        }
        for c in classes { label.addCSSClass(c) }
        return label
    }

    func addSeparator() {
        grid.attach(Separator(), column: 0, row: rowCount, width: columns.count)
        rowCount += 1
    }
}
