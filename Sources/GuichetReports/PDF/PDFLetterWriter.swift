import Foundation
import GuichetCore

/// Sets a `ReportLetter` on an A4 page the way French administrations lay letters out: sender top
/// left, addressee in the window position on the right, date, references, object in bold,
/// body, signature block on the right, service footer.
enum PDFLetterWriter {
    static func write(_ letter: ReportLetter, to url: URL) throws {
        let page = PDFPage.a4Portrait
        let canvas = try PDFCanvas(path: url.path, width: page.width, height: page.height)
        canvas.setMetadata(title: letter.kind + " — " + letter.object, subject: letter.territory)
        let left = 56.7, right = page.width - 56.7, width = right - left
        var y = 42.5

        // Sender block and accent rule.
        y += canvas.text(letter.territory, PDFTheme.frameBold.with { $0.size = 11 }, x: left, y: y, width: width * 0.5)
        canvas.fill(x: left, y: y + 3, width: 40, height: 2.5, PDFTheme.accent)
        y += 8
        for line in letter.sender { y += canvas.text(line, PDFTheme.frame.with { $0.size = 9 }, x: left, y: y, width: width * 0.5) }

        // Addressee, in the window of a DL envelope (about 11 cm from the left, 5 cm from the top).
        var ay = 141.7
        let ax = 311.8
        for (i, line) in letter.addressee.enumerated() {
            ay += canvas.text(line, TextStyle(size: 10.5, bold: i == 0, color: PDFTheme.ink), x: ax, y: ay, width: right - ax)
        }
        y = max(y, ay) + 28

        let dateLine = (letter.place.map { "\($0), le " } ?? "Le ") + FrenchFormat.date(letter.producedOn)
        y += canvas.text(dateLine, TextStyle(size: 10, color: PDFTheme.ink, alignment: .trailing), x: left, y: y, width: width) + 14

        let small = TextStyle(size: 9, color: PDFTheme.grey)
        for r in letter.references { y += canvas.text(r, small, x: left, y: y, width: width) }
        y += 6
        y += canvas.text("Objet : " + letter.object, TextStyle(size: 10.5, bold: true, color: PDFTheme.navy), x: left, y: y, width: width) + 16

        let body = PDFTheme.paragraph.with { $0.size = 10.5; $0.lineSpacing = 2.5 }
        y += canvas.text(letter.salutation, body, x: left, y: y, width: width) + 10
        for block in letter.body {
            switch block {
            case .paragraph(let text):
                y += canvas.text(text, body, x: left, y: y, width: width) + 9
            case let .list(title, items):
                y += canvas.text(title, body.with { $0.bold = true; $0.justify = false }, x: left, y: y, width: width) + 3
                for item in items {
                    canvas.text("•", body, x: left + 10, y: y)
                    y += canvas.text(item, body.with { $0.justify = false }, x: left + 22, y: y, width: width - 22) + 2
                }
                y += 8
            case .figures(let figures):
                let boxLeft = left + 20, boxWidth = width - 40
                for f in figures {
                    let style = body.with { $0.bold = f.bold; $0.justify = false }
                    if f.bold { canvas.line(from: (boxLeft, y - 1), to: (boxLeft + boxWidth, y - 1), PDFTheme.rule, width: 0.6) }
                    let hl = canvas.text(f.label, style, x: boxLeft, y: y, width: boxWidth * 0.55)
                    let hv = canvas.text(f.value, style.with { $0.alignment = .trailing }, x: boxLeft + boxWidth * 0.55, y: y, width: boxWidth * 0.45)
                    y += max(hl, hv) + 3
                }
                y += 8
            }
        }
        y += canvas.text(letter.closing, body, x: left, y: y, width: width) + 26

        // Signature block, right half.
        let sx = left + width * 0.5
        for (i, line) in letter.signature.enumerated() {
            y += canvas.text(line, TextStyle(size: 10.5, bold: i == letter.signature.count - 1, color: PDFTheme.ink, alignment: .center),
                             x: sx, y: y, width: width * 0.5)
        }

        // Footer.
        let bottom = page.height - 42.5
        canvas.line(from: (left, bottom - 14), to: (right, bottom - 14), PDFTheme.rule, width: 0.5)
        canvas.text("\(letter.territory) — \(letter.kind)", PDFTheme.frame, x: left, y: bottom - 10, width: width * 0.8)
        canvas.text("page 1 / 1", PDFTheme.frame.with { $0.alignment = .trailing }, x: left, y: bottom - 10, width: width)
        if y > bottom - 20 {
            throw ReportError.cannotWrite(path: url.path, reason: "la lettre dépasse une page")
        }
        canvas.showPage()
        try canvas.finish()
    }
}

extension ReportWriter {
    /// Writes a one-page letter as PDF, atomically.
    public static func write(_ letter: ReportLetter, to url: URL) throws(ReportError) {
        try AtomicOutput.write(to: url) { try PDFLetterWriter.write(letter, to: $0) }
    }
}
