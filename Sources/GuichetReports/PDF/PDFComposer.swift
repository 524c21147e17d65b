import GuichetCore

/// Lays a document out on pages. The same code runs twice: first measuring only (to know
/// the number of pages N), then drawing with "page n / N" in every footer.
final class PDFComposer {
    let canvas: PDFCanvas
    let page: PDFPage
    let document: ReportDocument
    /// Known in the drawing pass; nil while counting.
    let totalPages: Int?
    private(set) var pageNumber = 0
    var y = 0.0

    init(canvas: PDFCanvas, page: PDFPage, document: ReportDocument, totalPages: Int?) {
        self.canvas = canvas
        self.page = page
        self.document = document
        self.totalPages = totalPages
    }

    /// Lays out the whole document; returns the number of pages.
    func compose() throws -> Int {
        beginPage()
        titleBlock()
        for section in document.sections {
            try self.section(section)
        }
        canvas.showPage()
        return pageNumber
    }

    // MARK: Pages

    func beginPage() {
        pageNumber += 1
        drawFrame()
        y = page.contentTop
    }

    func newPage() {
        canvas.showPage()
        beginPage()
    }

    /// Starts a new page unless `height` still fits below the cursor.
    func ensureSpace(_ height: Double) {
        if y + height > page.contentBottom && y > page.contentTop { newPage() }
    }

    var spaceLeft: Double { page.contentBottom - y }

    /// Header (territory, title) and footer (edition date, page n / N) of every page.
    private func drawFrame() {
        guard canvas.drawing else { return }
        let left = page.contentLeft, width = page.contentWidth
        let top = page.margin
        canvas.text(document.territory, PDFTheme.frameBold, x: left, y: top, width: width * 0.5)
        canvas.text(document.title, PDFTheme.frame.with { $0.alignment = .trailing; $0.maxLines = 1 },
                    x: left + width * 0.5, y: top, width: width * 0.5)
        canvas.line(from: (left, top + 14), to: (left + width, top + 14), PDFTheme.navy, width: 0.8)

        let bottom = page.height - page.margin
        canvas.line(from: (left, bottom - 14), to: (left + width, bottom - 14), PDFTheme.rule, width: 0.5)
        canvas.text("Édité le \(FrenchFormat.date(document.producedOn))", PDFTheme.frame, x: left, y: bottom - 10)
        if let status = document.status {
            // Said on every page: a working document must not pass for the final version.
            let style = PDFTheme.frameBold.with { $0.alignment = .center; $0.color = status == .draft ? PDFTheme.accent : PDFTheme.navy }
            canvas.text(status.mention, style, x: left, y: bottom - 10, width: width)
        }
        let total = totalPages.map(String.init) ?? "?"
        canvas.text("page \(pageNumber) / \(total)", PDFTheme.frame.with { $0.alignment = .trailing },
                    x: left, y: bottom - 10, width: width)
    }

    // MARK: Flow

    private func titleBlock() {
        let width = page.contentWidth
        if let letterhead = document.letterhead { self.letterhead(letterhead) }
        y += 6
        y += canvas.text(document.title, PDFTheme.title, x: page.contentLeft, y: y, width: width)
        if let subtitle = document.subtitle, !subtitle.isEmpty {
            y += 4
            y += canvas.text(subtitle, PDFTheme.subtitle, x: page.contentLeft, y: y, width: width)
        }
        y += 8
        canvas.fill(x: page.contentLeft, y: y, width: 60, height: 3, PDFTheme.accent)
        y += 18
    }

    /// The service's identity above the title of the first page: logo, authority, service and
    /// how to reach it, as on its letters.
    private func letterhead(_ lh: Letterhead) {
        let left = page.contentLeft
        var x = left
        if let svg = lh.logoSVG {
            let size = canvas.svg(svg, x: left, y: y + 2, maxWidth: 110, maxHeight: 34)
            if size.width > 0 { x += size.width + 12 }
        }
        let width = page.contentWidth - (x - left)
        var ty = y + 2
        ty += canvas.text(lh.authority, PDFTheme.frameBold.with { $0.size = 9 }, x: x, y: ty, width: width)
        ty += canvas.text(lh.service, TextStyle(size: 8.5, bold: true, color: PDFTheme.ink), x: x, y: ty, width: width)
        let contact = (lh.address + lh.contact.prefix(2)).joined(separator: " — ")
        if !contact.isEmpty { ty += canvas.text(contact, PDFTheme.frame.with { $0.maxLines = 2 }, x: x, y: ty, width: width) }
        y = max(ty, y + 38) + 6
        canvas.line(from: (left, y), to: (left + page.contentWidth, y), PDFTheme.rule, width: 0.5)
        y += 4
    }

    private func section(_ section: ReportSection) throws {
        let headingHeight = canvas.measure(section.heading, PDFTheme.heading, width: page.contentWidth).height
        // Keep a heading with its text and the start of its first table or chart,
        // so no heading or lone paragraph is stranded at a page foot.
        let text = section.paragraphs.map { canvas.measure($0, PDFTheme.paragraph, width: page.contentWidth).height + 7 }.reduce(0, +)
        let firstBlock = section.tables.isEmpty ? (section.chart == nil ? 0 : PDFComposer.chartHeight) : 110
        let lead = headingHeight + 17 + text + firstBlock
        ensureSpace(min(lead, (page.contentBottom - page.contentTop) * 0.8))
        y += 6
        y += canvas.text(section.heading, PDFTheme.heading, x: page.contentLeft, y: y, width: page.contentWidth)
        y += 3
        canvas.line(from: (page.contentLeft, y), to: (page.contentLeft + page.contentWidth, y), PDFTheme.rule, width: 0.6)
        y += 8
        for paragraph in section.paragraphs {
            let h = canvas.measure(paragraph, PDFTheme.paragraph, width: page.contentWidth).height
            ensureSpace(h)
            y += canvas.text(paragraph, PDFTheme.paragraph, x: page.contentLeft, y: y, width: page.contentWidth)
            y += 7
        }
        for table in section.tables {
            try self.table(table)
            y += 14
        }
        if let chart = section.chart {
            self.chart(chart)
            y += 14
        }
        y += 4
    }
}
