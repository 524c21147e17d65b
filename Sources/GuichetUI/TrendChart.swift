import CGtk
import GtkKit

/// A bar chart of one indicator's result per year against its objective (a dashed line),
/// drawn with cairo in a GtkDrawingArea. Bars under the objective are red, the others blue;
/// a year without result shows "—" and no bar.
@MainActor
final class TrendChart {
    struct Point: Equatable {
        var label: String
        /// Basis points (shares) or units.
        var value: Int?
        var objective: Int?
    }

    let area: DrawingArea
    var points: [Point] = [] { didSet { area.queueDraw() } }
    /// Text of a value above its bar.
    var format: (Int) -> String = { String($0) }

    init(area: DrawingArea) {
        self.area = area
        area.onDraw { [weak self] cr, width, height in self?.draw(cr, width: Double(width), height: Double(height)) }
    }

    private func draw(_ cr: OpaquePointer, width: Double, height: Double) {
        guard !points.isEmpty else {
            text(cr, "Aucun résultat à représenter.", x: 8, y: height / 2, size: 13, gray: 0.45)
            return
        }
        let top = 22.0, bottom = height - 24, left = 8.0, right = width - 8
        let maximum = Double(max(points.compactMap { max($0.value ?? 0, $0.objective ?? 0) }.max() ?? 1, 1)) * 1.15
        let y = { (v: Int) in bottom - (bottom - top) * Double(v) / maximum }
        let slot = (right - left) / Double(points.count)
        let barWidth = min(64, slot * 0.55)
        // Baseline.
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
        cairo_set_line_width(cr, 1)
        cairo_move_to(cr, left, bottom + 0.5)
        cairo_line_to(cr, right, bottom + 0.5)
        cairo_stroke(cr)
        for (i, p) in points.enumerated() {
            let center = left + slot * (Double(i) + 0.5)
            if let v = p.value {
                let missed = p.objective.map { v < $0 } ?? false
                if missed { cairo_set_source_rgb(cr, 0.75, 0.11, 0.16) } else { cairo_set_source_rgb(cr, 0.21, 0.52, 0.89) }
                cairo_rectangle(cr, center - barWidth / 2, y(v), barWidth, bottom - y(v))
                cairo_fill(cr)
                text(cr, format(v), x: center, y: y(v) - 5, size: 11, gray: 0.15, centered: true)
            } else {
                text(cr, "—", x: center, y: bottom - 5, size: 11, gray: 0.45, centered: true)
            }
            if let o = p.objective {
                // The objective of the year, dashed across the year's slot.
                cairo_set_source_rgb(cr, 0.15, 0.15, 0.15)
                cairo_set_line_width(cr, 1.5)
                var dash: [Double] = [5, 3]
                cairo_set_dash(cr, &dash, 2, 0)
                cairo_move_to(cr, center - slot * 0.45, y(o))
                cairo_line_to(cr, center + slot * 0.45, y(o))
                cairo_stroke(cr)
                cairo_set_dash(cr, nil, 0, 0)
            }
            text(cr, p.label, x: center, y: height - 7, size: 11, gray: 0.3, centered: true)
        }
    }

    private func text(_ cr: OpaquePointer, _ s: String, x: Double, y: Double, size: Double, gray: Double, centered: Bool = false) {
        cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        cairo_set_source_rgb(cr, gray, gray, gray)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, s, &extents)
        cairo_move_to(cr, centered ? x - extents.x_advance / 2 : x, y)
        cairo_show_text(cr, s)
    }
}
