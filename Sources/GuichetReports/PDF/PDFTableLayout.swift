import GuichetCore

/// Column widths of a table on a page, in points.
struct PDFColumns {
    let widths: [Double]

    /// Natural width of a table (columns at their width in characters).
    static func naturalWidth(_ table: ReportTable) -> Double {
        table.columns.reduce(0) { $0 + Double($1.effectiveWidth) * PDFTheme.characterWidth + 2 * PDFTheme.cellPaddingX }
    }

    /// Fits the columns to `available`. Spare room goes to text columns. A too-wide table
    /// gives back room in proportion to what each column holds above its floor (`minimum`:
    /// its longest header word, a typical figure or date; text keeps ten characters), so
    /// figures are never cut and text wraps or ends in "…". Below the floors, all shrink.
    init(_ table: ReportTable, available: Double, minimum: [Double] = []) {
        let floors = table.columns.enumerated().map { i, column in
            max(column.kind == .text ? 10 * PDFTheme.characterWidth + 2 * PDFTheme.cellPaddingX : 0,
                i < minimum.count ? minimum[i] : 0)
        }
        let natural = table.columns.enumerated().map { i, column in
            max(Double(column.effectiveWidth) * PDFTheme.characterWidth + 2 * PDFTheme.cellPaddingX, floors[i])
        }
        let isText = table.columns.map { $0.kind == .text }
        let total = natural.reduce(0, +)
        let textTotal = zip(natural, isText).filter(\.1).map(\.0).reduce(0, +)
        guard total > 0 else { widths = []; return }
        if total <= available {
            let spare = available - total
            widths = textTotal > 0
                ? zip(natural, isText).map { $1 ? $0 + spare * $0 / textTotal : $0 }
                : natural.map { $0 * available / total }
            return
        }
        let floorTotal = floors.reduce(0, +)
        if floorTotal <= available {
            let factor = (total - available) / (total - floorTotal)
            widths = zip(natural, floors).map { $0 - ($0 - $1) * factor }
        } else {
            widths = floors.map { $0 * available / floorTotal }
        }
    }
}

extension PDFComposer {
    /// A table that breaks across pages, repeating its caption ("(suite)") and header row.
    func table(_ table: ReportTable) throws {
        let columns = PDFColumns(table, available: page.contentWidth, minimum: minimumWidths(table))
        let headerHeight = headerRowHeight(table, columns)
        let captionHeight = canvas.measure(table.name, PDFTheme.caption).height + 4

        // Caption, header and a few rows must fit together: no lone header at a page foot.
        let lineHeight = canvas.measure("0", PDFTheme.cell).height + 2 * PDFTheme.cellPaddingY
        ensureSpace(captionHeight + headerHeight + 4 * lineHeight)
        caption(table.name, height: captionHeight)
        header(table, columns, height: headerHeight)

        var index = 0
        // One-line rows of long lists: a tighter padding, so more rows fit a page.
        let oneLine = lineHeight - 2
        let place: ([ReportCell], Bool) throws -> Void = { cells, isTotal in
            index += 1
            try table.check(cells, index: index)
            var style = isTotal ? PDFTheme.cell.with { $0.bold = true } : PDFTheme.cell
            if table.oneLinePerRow { style.maxLines = 1 }
            let height = table.oneLinePerRow ? oneLine : self.rowHeight(cells, table, columns, style)
            if self.y + height > self.page.contentBottom {
                self.newPage()
                self.caption("\(table.name) (suite)", height: captionHeight)
                self.header(table, columns, height: headerHeight)
            }
            self.row(cells, table, columns, style, height: height, zebra: !isTotal && index % 2 == 0, total: isTotal,
                     padding: table.oneLinePerRow ? PDFTheme.cellPaddingY - 1 : PDFTheme.cellPaddingY)
        }
        try table.rows.forEach { try place($0, false) }
        for total in table.totals + table.printedTotals { try place(total, true) }
        canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + columns.widths.reduce(0, +), y), PDFTheme.navy, width: 0.6)
    }

    private func caption(_ text: String, height: Double) {
        canvas.text(text, PDFTheme.caption.with { $0.maxLines = 1 }, x: page.contentLeft, y: y, width: page.contentWidth)
        y += height
    }

    /// What each column cannot lose: its longest header word, a whole date, and its totals.
    private func minimumWidths(_ table: ReportTable) -> [Double] {
        let totals = table.totals + table.printedTotals
        return table.columns.enumerated().map { i, column in
            let words = column.title.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "-" })
            var widest = words.map { canvas.measure(String($0), PDFTheme.headerCell).width }.max() ?? 0
            // A typical value of the kind must fit whole.
            let sample: String
            switch column.kind {
            case .text: sample = ""
            case .integer: sample = FrenchFormat.integer(99_999)
            case .money: sample = FrenchFormat.money(Money(cents: 99_999_999))
            case .percent: sample = FrenchFormat.percent(Percentage(basisPoints: 10_000))
            case .date: sample = FrenchFormat.date(CalendarDate(year: 2000, month: 12, day: 30)!)
            }
            widest = max(widest, canvas.measure(sample, PDFTheme.cell.with { $0.bold = true }).width)
            if let sample = column.widest {
                widest = max(widest, canvas.measure(sample, PDFTheme.cell).width + 1)
            }
            for total in totals where i < total.count && total[i].isNumeric {
                widest = max(widest, canvas.measure(total[i].displayText, PDFTheme.cell.with { $0.bold = true }).width)
            }
            return widest + 2 * PDFTheme.cellPaddingX + 1
        }
    }

    private func headerRowHeight(_ table: ReportTable, _ columns: PDFColumns) -> Double {
        var height = 0.0
        for (column, width) in zip(table.columns, columns.widths) {
            height = max(height, canvas.measure(column.title, PDFTheme.headerCell, width: width - 2 * PDFTheme.cellPaddingX).height)
        }
        return height + 2 * PDFTheme.cellPaddingY + 1
    }

    private func header(_ table: ReportTable, _ columns: PDFColumns, height: Double) {
        let total = columns.widths.reduce(0, +)
        canvas.fill(x: page.contentLeft, y: y, width: total, height: height, PDFTheme.navy)
        var x = page.contentLeft
        for (column, width) in zip(table.columns, columns.widths) {
            let inner = width - 2 * PDFTheme.cellPaddingX
            let h = canvas.measure(column.title, PDFTheme.headerCell, width: inner).height
            // Vertically centred in the band.
            canvas.text(column.title, PDFTheme.headerCell, x: x + PDFTheme.cellPaddingX, y: y + (height - h) / 2, width: inner)
            x += width
        }
        y += height
    }

    private func cellStyle(_ base: TextStyle, _ column: ReportColumn, _ cell: ReportCell) -> TextStyle {
        base.with {
            $0.alignment = cell.isNumeric ? .trailing : column.alignment
            // Figures stay on one line; text wraps on two, then ends in "…", unless the column
            // asks for its whole text.
            if cell.isNumeric || column.kind != .text { $0.maxLines = 1 } else if column.wraps { $0.maxLines = nil }
        }
    }

    private func rowHeight(_ cells: [ReportCell], _ table: ReportTable, _ columns: PDFColumns, _ style: TextStyle) -> Double {
        var height = canvas.measure("0", style).height
        for ((cell, column), width) in zip(zip(cells, table.columns), columns.widths) where column.kind == .text {
            height = max(height, canvas.measure(cell.displayText, cellStyle(style, column, cell),
                                                width: width - 2 * PDFTheme.cellPaddingX).height)
        }
        return height + 2 * PDFTheme.cellPaddingY
    }

    private func row(_ cells: [ReportCell], _ table: ReportTable, _ columns: PDFColumns, _ style: TextStyle,
                     height: Double, zebra: Bool, total: Bool, padding: Double) {
        let width = columns.widths.reduce(0, +)
        if total {
            canvas.fill(x: page.contentLeft, y: y, width: width, height: height, PDFTheme.totalFill)
            canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + width, y), PDFTheme.navy, width: 0.8)
        } else if zebra {
            canvas.fill(x: page.contentLeft, y: y, width: width, height: height, PDFTheme.zebra)
        }
        var x = page.contentLeft
        for ((cell, column), w) in zip(zip(cells, table.columns), columns.widths) {
            canvas.text(cell.displayText, cellStyle(style, column, cell),
                        x: x + PDFTheme.cellPaddingX, y: y + padding, width: w - 2 * PDFTheme.cellPaddingX)
            x += w
        }
        y += height
        if !total {
            canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + width, y), PDFTheme.rule, width: 0.3)
        }
    }
}
