/// Page geometry and the house style of PDF reports, in points (1/72 inch).
struct PDFPage {
    let width: Double
    let height: Double
    let margin = 42.5        // 15 mm
    let headerHeight = 28.0  // territory + title band
    let footerHeight = 24.0  // "Édité le" + page number band

    static let a4Portrait = PDFPage(width: 595.276, height: 841.89)
    static let a4Landscape = PDFPage(width: 841.89, height: 595.276)

    var contentLeft: Double { margin }
    var contentWidth: Double { width - 2 * margin }
    var contentTop: Double { margin + headerHeight }
    var contentBottom: Double { height - margin - footerHeight }
}

enum PDFTheme {
    static let navy = RGB(hex: 0x1F3A5F)
    static let ink = RGB(hex: 0x222222)
    static let grey = RGB(hex: 0x5F6B7A)
    static let rule = RGB(hex: 0xC9D1DB)
    static let zebra = RGB(hex: 0xF2F5F8)
    static let totalFill = RGB(hex: 0xDDE6F0)
    static let accent = RGB(hex: 0xC8553D)
    /// Bar colours, distinguishable in print and for common colour blindness.
    static let series: [RGB] = [0x1F3A5F, 0x2A9D8F, 0xE9A03B, 0xC8553D, 0x6D597A, 0x8AA1B1].map(RGB.init(hex:))

    static let title = TextStyle(size: 20, bold: true, color: navy)
    static let subtitle = TextStyle(size: 12, color: grey)
    static let heading = TextStyle(size: 14, bold: true, color: navy)
    static let paragraph = TextStyle(size: 10, color: ink, justify: true, lineSpacing: 2)
    static let caption = TextStyle(size: 9.5, bold: true, color: navy)
    static let cell = TextStyle(size: 8, color: ink, maxLines: 2)
    static let headerCell = TextStyle(size: 8, bold: true, color: RGB(hex: 0xFFFFFF), alignment: .center, maxLines: 3)
    static let frame = TextStyle(size: 8, color: grey)
    static let frameBold = TextStyle(size: 8, bold: true, color: navy)
    static let axis = TextStyle(size: 7.5, color: grey)

    /// Average character width of `cell` text, to turn column widths in characters into points.
    static let characterWidth = 4.9
    static let cellPaddingX = 4.0
    static let cellPaddingY = 3.0
}
