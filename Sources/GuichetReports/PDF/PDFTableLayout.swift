/// Column widths of a table on a page, in points.
struct PDFColumns {
    let widths: [Double]

    /// Natural width of a table (columns at their width in characters).
    static func naturalWidth(_ table: ReportTable) -> Double {
        table.columns.reduce(0) { $0 + Double($1.effectiveWidth) * PDFTheme.characterWidth + 2 * PDFTheme.cellPaddingX }
    }

    /// Fits the columns to `available`: spare room goes to text columns, a too-wide
    /// table shrinks evenly (its text then wraps or ends in "…"). `minimum` widens a
    /// column to its longest header word, so "Consommation" is never cut mid-word.
    init(_ table: ReportTable, available: Double, minimum: [Double] = []) {
        let natural = table.columns.enumerated().map { i, column in
            max(Double(column.effectiveWidth) * PDFTheme.characterWidth + 2 * PDFTheme.cellPaddingX,
                i < minimum.count ? minimum[i] : 0)
        }
        let total = natural.reduce(0, +)
        guard total > 0 else { widths = []; return }
        if total >= available {
            widths = natural.map { $0 * available / total }
            return
        }
        let stretchable = table.columns.map { $0.kind == .text }
        let stretchTotal = zip(natural, stretchable).filter(\.1).map(\.0).reduce(0, +)
        let spare = available - total
        if stretchTotal > 0 {
            widths = zip(natural, stretchable).map { $1 ? $0 + spare * $0 / stretchTotal : $0 }
        } else {
            widths = natural.map { $0 * available / total }
        }
    }
}

extension PDFComposer {
    /// A table that breaks across pages, repeating its caption ("(suite)") and header row.
    func table(_ table: ReportTable) throws {
        let columns = PDFColumns(table, available: page.contentWidth, minimum: headerWordWidths(table))
        let headerHeight = headerRowHeight(table, columns)
        let captionHeight = canvas.measure(table.name, PDFTheme.caption).height + 4

        // Caption, header and a few rows must fit together: no lone header at a page foot.
        let lineHeight = canvas.measure("0", PDFTheme.cell).height + 2 * PDFTheme.cellPaddingY
        ensureSpace(captionHeight + headerHeight + 4 * lineHeight)
        caption(table.name, height: captionHeight)
        header(table, columns, height: headerHeight)

        var index = 0
        let place: ([ReportCell], Bool) throws -> Void = { cells, isTotal in
            index += 1
            try table.check(cells, index: index)
            let style = isTotal ? PDFTheme.cell.with { $0.bold = true } : PDFTheme.cell
            let height = self.rowHeight(cells, table, columns, style)
            if self.y + height > self.page.contentBottom {
                self.newPage()
                self.caption("\(table.name) (suite)", height: captionHeight)
                self.header(table, columns, height: headerHeight)
            }
            self.row(cells, table, columns, style, height: height, zebra: !isTotal && index % 2 == 0, total: isTotal)
        }
        try table.rows.forEach { try place($0, false) }
        for total in table.totals { try place(total, true) }
        canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + columns.widths.reduce(0, +), y), PDFTheme.navy, width: 0.6)
    }

    private func caption(_ text: String, height: Double) {
        canvas.text(text, PDFTheme.caption.with { $0.maxLines = 1 }, x: page.contentLeft, y: y, width: page.contentWidth)
        y += height
    }

    /// Width of each column's longest header word, padding included.
    private func headerWordWidths(_ table: ReportTable) -> [Double] {
        table.columns.map { column in
            let words = column.title.split(whereSeparator: { $0 == " " || $0 == "\n" })
            let widest = words.map { canvas.measure(String($0), PDFTheme.headerCell).width }.max() ?? 0
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
            // Figures stay on one line; text wraps on two, then ends in "…".
            if cell.isNumeric || column.kind != .text { $0.maxLines = 1 }
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
                     height: Double, zebra: Bool, total: Bool) {
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
                        x: x + PDFTheme.cellPaddingX, y: y + PDFTheme.cellPaddingY, width: w - 2 * PDFTheme.cellPaddingX)
            x += w
        }
        y += height
        if !total {
            canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + width, y), PDFTheme.rule, width: 0.3)
        }
    }
}
