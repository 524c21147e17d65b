import Foundation

/// A4 PDF with cairo and pango, in two passes: the first counts pages, the second draws
/// them with "page n / N". Rows are produced twice and never held in memory.
enum PDFWriter {
    static func write(_ document: ReportDocument, to url: URL) throws {
        let page = pageFormat(for: document)
        let counter = try PDFCanvas(path: nil, width: page.width, height: page.height)
        let pages = try PDFComposer(canvas: counter, page: page, document: document, totalPages: nil).compose()

        let canvas = try PDFCanvas(path: url.path, width: page.width, height: page.height)
        canvas.setMetadata(title: document.title, subject: document.territory)
        let drawn = try PDFComposer(canvas: canvas, page: page, document: document, totalPages: pages).compose()
        try canvas.finish()
        guard drawn == pages else {
            throw ReportError.cannotWrite(path: url.path,
                reason: "les lignes ont changé entre les deux passages de mise en page (\(pages) puis \(drawn) pages)")
        }
    }

    static func pageFormat(for document: ReportDocument) -> PDFPage {
        switch document.orientation {
        case .portrait: return .a4Portrait
        case .landscape: return .a4Landscape
        case .automatic:
            let widest = document.tables.map(PDFColumns.naturalWidth).max() ?? 0
            return widest > PDFPage.a4Portrait.contentWidth * 1.15 ? .a4Landscape : .a4Portrait
        }
    }
}
