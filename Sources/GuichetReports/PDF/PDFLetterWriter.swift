import Foundation
import GuichetCore

/// Sets a `ReportLetter` on A4 pages the way French administrations lay letters out: logo and
/// letterhead top left, recipient in the window of a DL envelope on the right (NF Z 10-011:
/// about 11 cm from the left edge, 5 cm from the top), place and date, references and the
/// officer following the dossier, object in bold, body, signature block on the right, legal
/// mentions in small print; a footer with the service's address and "page n / N" on every page.
/// Text is ragged right (no justification gaps) and never hyphenated.
///
/// The same code draws a PDF file, a print job's page and a preview image (`LetterRenderer`).
final class LetterComposer {
    let canvas: PDFCanvas
    let letter: ReportLetter
    let totalPages: Int?
    /// When set, only this page (1-based) is painted; the others are measured.
    let onlyPage: Int?
    let page = PDFPage.a4Portrait
    private(set) var pageNumber = 0
    private var y = 0.0

    let left = 56.7
    var right: Double { page.width - 51.0 }
    var width: Double { right - left }
    var bottom: Double { page.height - 62.0 }

    static let body = TextStyle(size: 10, color: PDFTheme.ink, lineSpacing: 2)
    static let small = TextStyle(size: 7.5, color: PDFTheme.ink, lineSpacing: 0.5)

    init(canvas: PDFCanvas, letter: ReportLetter, totalPages: Int?, onlyPage: Int? = nil) {
        self.canvas = canvas; self.letter = letter; self.totalPages = totalPages; self.onlyPage = onlyPage
    }

    /// Lays the whole letter out; returns its number of pages.
    func compose() -> Int {
        beginPage()
        head()
        let body = LetterComposer.body
        block(height: canvas.measure(letter.salutation, body, width: width).height + 10) {
            y += canvas.text(letter.salutation, body, x: left, y: y, width: width) + 10
        }
        for b in letter.body { self.block(b, style: body) }
        signatureBlock()
        for (i, b) in letter.mentions.enumerated() { self.block(b, style: LetterComposer.small, ruleAbove: i == 0) }
        endPage()
        return pageNumber
    }

    // MARK: Pages

    private func beginPage() {
        pageNumber += 1
        if let onlyPage { canvas.drawing = pageNumber == onlyPage }
        footer()
        if pageNumber == 1 {
            y = 36
        } else {
            // Continuation pages recall what they continue.
            let first = letter.references.first.map { " — \($0.label) \($0.value)" } ?? ""
            y = 40
            y += canvas.text("\(letter.kind)\(first) (suite)", PDFTheme.frame, x: left, y: y, width: width) + 18
        }
    }

    private func endPage() {
        canvas.showPage()
    }

    /// Runs `draw` on this page if `height` fits, else on a new page.
    private func block(height: Double, _ draw: () -> Void) {
        if y + height > bottom && y > 120 {
            endPage()
            beginPage()
        }
        draw()
    }

    private func footer() {
        let lh = letter.letterhead
        canvas.line(from: (left, bottom + 16), to: (right, bottom + 16), PDFTheme.rule, width: 0.5)
        let footer = PDFTheme.frame.with { $0.maxLines = 1 }
        canvas.text("\(lh.authority) — \(lh.service)", footer, x: left, y: bottom + 20, width: width * 0.85)
        canvas.text(lh.address.joined(separator: " — "), footer, x: left, y: bottom + 30, width: width * 0.85)
        canvas.text("page \(pageNumber) / \(totalPages.map(String.init) ?? "?")", PDFTheme.frame.with { $0.alignment = .trailing },
                    x: left, y: bottom + 20, width: width)
    }

    // MARK: First page

    private func head() {
        let lh = letter.letterhead
        let columnWidth = 230.0
        var ly = y
        if let svg = lh.logoSVG {
            let size = canvas.svg(svg, x: left, y: ly, maxWidth: 140, maxHeight: 44)
            if size.height > 0 { ly += size.height + 8 }
        }
        ly += canvas.text(lh.authority, PDFTheme.frameBold.with { $0.size = 9.5 }, x: left, y: ly, width: columnWidth)
        canvas.fill(x: left, y: ly + 3, width: 36, height: 2.2, PDFTheme.accent)
        ly += 9
        ly += canvas.text(lh.service, TextStyle(size: 9, bold: true, color: PDFTheme.ink), x: left, y: ly, width: columnWidth) + 1
        let contact = TextStyle(size: 8, color: PDFTheme.grey)
        for l in lh.address + lh.contact { ly += canvas.text(l, contact, x: left, y: ly, width: columnWidth) }

        // The recipient, in the window of the envelope.
        let ax = 311.8
        var ay = 150.0
        for (i, line) in letter.recipient.enumerated() {
            ay += canvas.text(line, TextStyle(size: 10.5, bold: i == 0, color: PDFTheme.ink), x: ax, y: ay, width: right - ax)
        }
        y = max(ly + 12, ay + 20, 235)

        y += canvas.text(letter.dateLine, TextStyle(size: 10, color: PDFTheme.ink, alignment: .trailing), x: left, y: y, width: width) + 8

        // References: label in grey, value after it.
        let label = TextStyle(size: 8, color: PDFTheme.grey)
        let value = TextStyle(size: 8, color: PDFTheme.ink)
        let labelWidth = letter.references.map { canvas.measure($0.label + " :", label).width }.max() ?? 0
        for r in letter.references {
            canvas.text(r.label + " :", label, x: left, y: y, width: labelWidth + 2)
            y += max(canvas.text(r.value, value, x: left + labelWidth + 6, y: y, width: width - labelWidth - 6), 10)
        }
        y += 9
        let object = TextStyle(size: 10.5, bold: true, color: PDFTheme.navy)
        y += canvas.text("Objet : " + letter.object, object, x: left, y: y, width: width) + 12
    }

    // MARK: Body

    /// One block of the body or of the mentions; the mentions start under a rule kept with them.
    private func block(_ b: ReportLetter.Block, style: TextStyle, ruleAbove: Bool = false) {
        let gap = style.size > 9 ? 8.0 : 5.0
        if ruleAbove {
            let first: Double
            switch b {
            case .paragraph(let t): first = canvas.measure(t, style, width: width).height
            case let .notice(title, lines): first = noticeHeight(title, lines, style)
            default: first = 30
            }
            block(height: first + 8) {
                canvas.line(from: (left, y), to: (right, y), PDFTheme.rule, width: 0.5)
                y += 7
            }
        }
        switch b {
        case .paragraph(let text):
            block(height: canvas.measure(text, style, width: width).height) {
                y += canvas.text(text, style, x: left, y: y, width: width) + gap
            }
        case let .list(title, items):
            let bold = style.with { $0.bold = true }
            let first = items.first.map { canvas.measure($0, style, width: width - 22).height } ?? 0
            block(height: canvas.measure(title, bold, width: width).height + 3 + first) {
                y += canvas.text(title, bold, x: left, y: y, width: width) + 3
            }
            for item in items {
                block(height: canvas.measure(item, style, width: width - 22).height) {
                    canvas.text("•", style, x: left + 10, y: y)
                    y += canvas.text(item, style, x: left + 22, y: y, width: width - 22) + 2
                }
            }
            y += gap - 1
        case .figures(let figures):
            let boxLeft = left + 20, boxWidth = width - 40
            for f in figures {
                let s = style.with { $0.bold = f.bold }
                let h = max(canvas.measure(f.label, s, width: boxWidth * 0.6).height, canvas.measure(f.value, s, width: boxWidth * 0.4).height)
                block(height: h) {
                    if f.bold { canvas.line(from: (boxLeft, y - 1), to: (boxLeft + boxWidth, y - 1), PDFTheme.rule, width: 0.6) }
                    canvas.text(f.label, s, x: boxLeft, y: y, width: boxWidth * 0.6)
                    canvas.text(f.value, s.with { $0.alignment = .trailing }, x: boxLeft + boxWidth * 0.6, y: y, width: boxWidth * 0.4)
                    y += h + 3
                }
            }
            y += gap - 1
        case let .notice(title, lines):
            let inner = width - 20
            let bold = style.with { $0.bold = true; $0.color = PDFTheme.navy }
            let height = noticeHeight(title, lines, style)
            block(height: height) {
                let top = y
                canvas.fill(x: left, y: top, width: 2.5, height: height - 6, PDFTheme.navy)
                var ny = top + 4
                ny += canvas.text(title, bold, x: left + 12, y: ny, width: inner) + 4
                for l in lines { ny += canvas.text(l, style, x: left + 12, y: ny, width: inner) + 2 }
                y = top + height + gap - 6
            }
        }
    }

    private func noticeHeight(_ title: String, _ lines: [String], _ style: TextStyle) -> Double {
        let inner = width - 20
        return canvas.measure(title, style.with { $0.bold = true }, width: inner).height + 4
            + lines.map { canvas.measure($0, style, width: inner).height + 2 }.reduce(0, +) + 6
    }

    private func signatureBlock() {
        let body = LetterComposer.body
        let sx = left + width * 0.5, sw = width * 0.5
        let closing = canvas.measure(letter.closing, body, width: width).height + 22
        let lines = letter.signature.map { canvas.measure($0, body, width: sw).height }.reduce(0, +)
        // The closing formula stays with the signature.
        block(height: closing + lines + 30) {
            y += canvas.text(letter.closing, body, x: left, y: y, width: width) + 18
            for (i, line) in letter.signature.enumerated() {
                let last = i == letter.signature.count - 1
                y += canvas.text(line, body.with { $0.bold = last; $0.alignment = .center }, x: sx, y: y, width: sw)
                if i == letter.signature.count - 2 { y += 24 }  // room for the hand signature
            }
            y += 6
        }
    }
}

/// Writes letters as PDF, draws their pages on a lent cairo context (printing, previews).
public enum LetterRenderer {
    /// A4 portrait, in points: what a print job's page setup and a preview's scale use.
    public static let pageWidth = PDFPage.a4Portrait.width
    public static let pageHeight = PDFPage.a4Portrait.height

    /// Number of pages the letter takes.
    public static func pageCount(_ letter: ReportLetter) -> Int {
        guard let canvas = try? PDFCanvas(path: nil, width: pageWidth, height: pageHeight) else { return 1 }
        return LetterComposer(canvas: canvas, letter: letter, totalPages: nil).compose()
    }

    /// Draws page `page` (1-based) of the letter on `context`, a cairo context in points whose
    /// origin is the page's top-left corner (a GtkPrintContext's, or an image surface's scaled).
    public static func draw(_ letter: ReportLetter, page: Int, pages: Int, on context: OpaquePointer) {
        let canvas = PDFCanvas(context: context)
        _ = LetterComposer(canvas: canvas, letter: letter, totalPages: pages, onlyPage: page).compose()
    }

    static func write(_ letter: ReportLetter, to url: URL) throws {
        let pages = pageCount(letter)
        let canvas = try PDFCanvas(path: url.path, width: pageWidth, height: pageHeight)
        canvas.setMetadata(title: letter.kind + " — " + letter.object, subject: letter.letterhead.authority)
        _ = LetterComposer(canvas: canvas, letter: letter, totalPages: pages).compose()
        try canvas.finish()
    }
}

extension ReportWriter {
    /// Writes a letter as PDF, atomically.
    public static func write(_ letter: ReportLetter, to url: URL) throws(ReportError) {
        try AtomicOutput.write(to: url) { try LetterRenderer.write(letter, to: $0) }
    }
}
