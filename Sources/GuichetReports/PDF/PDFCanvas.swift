import CPangoCairo
import CRsvg
import Foundation
import GuichetCore

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

/// A page canvas: cairo draws shapes, pango sets real (selectable) text with fontconfig's
/// "Sans" (DejaVu Sans here), librsvg draws SVG logos as vectors. It writes a PDF file, or draws
/// on a cairo context it is lent (a print job's page, a preview image): the same drawing code
/// serves the file, the printer and the screen. When `drawing` is false nothing is painted: the
/// same layout code then only measures, to count pages before drawing them.
/// Every text is set with French typography (`FrenchTypography`) and never hyphenated.
final class PDFCanvas {
    private let surface: OpaquePointer?
    private let cr: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [String: OpaquePointer] = [:]
    private let ownsContext: Bool
    /// False while measuring (and, when drawing one page of a lent context, on the other pages).
    var drawing: Bool
    private let path: String?

    /// A canvas writing to `path`, or measuring only when `path` is nil.
    init(path: String?, width: Double, height: Double) throws(ReportError) {
        self.path = path
        drawing = path != nil
        let surface = cairo_pdf_surface_create(path, width, height)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = PDFCanvas.reason(status)
            cairo_surface_destroy(surface)
            throw .cannotCreate(path: path ?? "", reason: reason)
        }
        self.surface = surface
        cr = cairo_create(surface)
        ownsContext = true
        layout = pango_cairo_create_layout(cr)
        PDFCanvas.disableHyphens(layout)
    }

    /// A canvas drawing on `context` (in points), which stays its lender's.
    init(context: OpaquePointer) {
        path = nil
        drawing = true
        surface = nil
        cr = context
        ownsContext = false
        layout = pango_cairo_create_layout(cr)
        PDFCanvas.disableHyphens(layout)
    }

    deinit {
        for desc in fonts.values { pango_font_description_free(desc) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        if ownsContext { cairo_destroy(cr) }
        if let surface { cairo_surface_destroy(surface) }
    }

    /// Pango (≥ 1.44) puts a hyphen where it breaks inside a word: never in our documents.
    private static func disableHyphens(_ layout: OpaquePointer) {
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
    }

    /// No hyphen inserted anywhere, and no line break inside an e-mail address, a web address or
    /// a dossier number ("maison.habitat@agglo-demo.example", "2026-ACC-0001").
    private func setAttributes(for text: String) {
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
        var offset = 0
        for token in text.split(separator: " ", omittingEmptySubsequences: false) {
            let bytes = token.utf8.count
            let unbreakable = token.contains("@") || token.hasPrefix("www.") || token.hasPrefix("http")
                || (token.contains("-") && token.contains(where: \.isNumber) && !token.contains(" "))
            if unbreakable, bytes > 0, let attribute = pango_attr_allow_breaks_new(0) {
                attribute.pointee.start_index = guint(offset)
                attribute.pointee.end_index = guint(offset + bytes)
                pango_attr_list_insert(attributes, attribute)
            }
            offset += bytes + 1
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
    }

    func setMetadata(title: String, subject: String) {
        guard let surface else { return }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Guichet Habitat")
    }

    func setPageSize(width: Double, height: Double) {
        guard let surface else { return }
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
        let set = FrenchTypography.apply(text)
        setAttributes(for: set)
        pango_layout_set_text(layout, set, -1)
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

    /// Draws an SVG image inside the box, keeping its proportions, top-left aligned; returns the
    /// size used (zero when the SVG cannot be read: a logo never stops a letter).
    @discardableResult
    func svg(_ text: String, x: Double, y: Double, maxWidth: Double, maxHeight: Double) -> (width: Double, height: Double) {
        let bytes = Array(text.utf8)
        var error: UnsafeMutablePointer<GError>?
        guard let handle = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
            if let error { g_error_free(error) }
            return (0, 0)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var w = 0.0, h = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) != 0, w > 0, h > 0 else { return (0, 0) }
        let scale = min(maxWidth / w, maxHeight / h)
        let size = (width: w * scale, height: h * scale)
        if drawing {
            var viewport = RsvgRectangle(x: x, y: y, width: size.width, height: size.height)
            cairo_save(cr)
            if rsvg_handle_render_document(handle, cr, &viewport, &error) == 0, let error { g_error_free(error) }
            cairo_restore(cr)
        }
        return size
    }

    /// Ends a page of a PDF file; a lent context's pages are its lender's to end.
    func showPage() {
        guard drawing, ownsContext else { return }
        cairo_show_page(cr)
    }

    /// Completes the file; cairo reports write errors (disk full…) only here.
    func finish() throws(ReportError) {
        guard let surface else { return }
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
