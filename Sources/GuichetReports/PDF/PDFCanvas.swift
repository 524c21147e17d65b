import CPangoCairo
import Foundation

/// An RGB colour, 0…1 per channel.
struct RGB: Sendable {
    var r, g, b: Double
    init(hex: UInt32) {
        r = Double((hex >> 16) & 0xFF) / 255
        g = Double((hex >> 8) & 0xFF) / 255
        b = Double(hex & 0xFF) / 255
    }
}

/// How a piece of text is set.
struct TextStyle {
    var size: Double = 9
    var bold = false
    var italic = false
    var color = RGB(hex: 0x222222)
    var alignment: ReportAlignment = .leading
    /// Wrap within the width, up to this many lines, then ellipsize; nil = no limit.
    var maxLines: Int? = nil
    var justify = false
    /// Extra space between lines, in points.
    var lineSpacing: Double = 0

    func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A PDF page canvas: cairo draws shapes, pango sets real (selectable) text with
/// fontconfig's "Sans" (DejaVu Sans here). When `drawing` is false nothing is painted:
/// the same layout code then only measures, to count pages before drawing them.
final class PDFCanvas {
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [String: OpaquePointer] = [:]
    let drawing: Bool
    private let path: String?

    /// A canvas writing to `path`, or measuring only when `path` is nil.
    init(path: String?, width: Double, height: Double) throws(ReportError) {
        self.path = path
        drawing = path != nil
        surface = cairo_pdf_surface_create(path, width, height)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = PDFCanvas.reason(status)
            cairo_surface_destroy(surface)
            throw .cannotCreate(path: path ?? "", reason: reason)
        }
        cr = cairo_create(surface)
        layout = pango_cairo_create_layout(cr)
    }

    deinit {
        for desc in fonts.values { pango_font_description_free(desc) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    func setMetadata(title: String, subject: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Guichet Habitat")
    }

    func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    private func font(_ style: TextStyle) -> OpaquePointer {
        let key = "\(style.size)|\(style.bold)|\(style.italic)"
        if let f = fonts[key] { return f }
        let desc = pango_font_description_new()!
        pango_font_description_set_family(desc, "Sans")
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        // Absolute size in user units, which are points on a PDF surface.
        pango_font_description_set_absolute_size(desc, style.size * Double(PANGO_SCALE))
        fonts[key] = desc
        return desc
    }

    /// Prepares the shared layout for `text` in `width` points (nil: one unbounded line).
    private func prepare(_ text: String, _ style: TextStyle, width: Double?) {
        pango_layout_set_font_description(layout, font(style))
        pango_layout_set_width(layout, width.map { Int32(max(1, $0) * Double(PANGO_SCALE)) } ?? -1)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if let lines = style.maxLines, width != nil {
            pango_layout_set_height(layout, Int32(-lines))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        } else {
            pango_layout_set_height(layout, -1)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        }
        pango_layout_set_justify(layout, style.justify ? 1 : 0)
        pango_layout_set_spacing(layout, Int32(style.lineSpacing * Double(PANGO_SCALE)))
        let alignment: PangoAlignment
        switch style.alignment {
        case .leading: alignment = PANGO_ALIGN_LEFT
        case .center: alignment = PANGO_ALIGN_CENTER
        case .trailing: alignment = PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, alignment)
        pango_layout_set_text(layout, text, -1)
    }

    /// Size of `text` set in `style` within `width`.
    func measure(_ text: String, _ style: TextStyle, width: Double? = nil) -> (width: Double, height: Double) {
        prepare(text, style, width: width)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (Double(w) / Double(PANGO_SCALE), Double(h) / Double(PANGO_SCALE))
    }

    /// Sets `text` with its top-left corner at (x, y); returns the height used.
    @discardableResult
    func text(_ text: String, _ style: TextStyle, x: Double, y: Double, width: Double? = nil) -> Double {
        let size = measure(text, style, width: width)
        if drawing && !text.isEmpty {
            setColor(style.color)
            cairo_move_to(cr, x, y)
            pango_cairo_show_layout(cr, layout)
        }
        return size.height
    }

    func fill(x: Double, y: Double, width: Double, height: Double, _ color: RGB) {
        guard drawing else { return }
        setColor(color)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    func line(from: (Double, Double), to: (Double, Double), _ color: RGB, width: Double = 0.5) {
        guard drawing else { return }
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, from.0, from.1)
        cairo_line_to(cr, to.0, to.1)
        cairo_stroke(cr)
    }

    private func setColor(_ c: RGB) { cairo_set_source_rgb(cr, c.r, c.g, c.b) }

    func showPage() {
        guard drawing else { return }
        cairo_show_page(cr)
    }

    /// Completes the file; cairo reports write errors (disk full…) only here.
    func finish() throws(ReportError) {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotWrite(path: path ?? "", reason: PDFCanvas.reason(status))
        }
    }
}

extension PDFCanvas {
    /// Cairo's status in French (cairo_status_to_string speaks English).
    static func reason(_ status: cairo_status_t) -> String {
        switch status {
        case CAIRO_STATUS_WRITE_ERROR: return "écriture impossible (disque plein ou retiré ?)"
        case CAIRO_STATUS_NO_MEMORY: return "mémoire insuffisante"
        case CAIRO_STATUS_FILE_NOT_FOUND: return "le dossier n'existe pas"
        case CAIRO_STATUS_READ_ERROR: return "lecture impossible"
        default: return "erreur de cairo (code \(status.rawValue))"
        }
    }
}
