import GtkKit
import GuichetCore

/// The live score of the request in the form: total, the household figures the grid uses,
/// and one line per criterion of the grid (points, applied / supported, French explanation).
/// Rows are made once per criterion and only their texts change as the agent types. Criteria
/// that apply (scored, or declared without their document) are listed; the others wait in a
/// collapsed "Critères sans points" (not measured nor drawn while collapsed).
@MainActor
final class ScorePanel {
    let root = Box(vertical: true, spacing: 4)
    let total = Label("—")
    let priority = Label()
    let figures = Label()
    let history = Label()
    private var lines: [(box: Box, title: Label, points: Label, explanation: Label)] = []
    private let applying = Box(vertical: true, spacing: 0)
    private let notApplying = Box(vertical: true, spacing: 0)
    private let others: Expander
    /// Whether each line sits in `applying` (in grid order within each box).
    private var placedApplying: [Bool] = []

    init(grid: CotationGrid) {
        // `total` goes in the screen's header, always in view while the form scrolls.
        total.xAlign = 0
        total.addCSSClass("title-3")
        total.setAccessibleLabel("Score total")
        priority.setEdgeMargins(top: 8)
        for label in [priority, figures] {
            label.xAlign = 0
            label.wraps = true
            root.append(label)
        }
        figures.addCSSClass("dim-label")
        let version = Label("Grille révisée au \(FrenchFormat.longDate(grid.revisedOn))")
        version.xAlign = 0
        version.addCSSClass("dim-label")
        root.append(version)
        history.xAlign = 0
        history.wraps = true
        history.addCSSClass("dim-label")
        root.append(history)
        root.append(formHeading("Détail par critère"))
        others = Expander(label: "", child: notApplying)
        root.append(applying)
        root.append(others)
        for criterion in grid.criteria {
            let box = Box(vertical: true, spacing: 0)
            let head = Box(vertical: false, spacing: 6)
            let title = Label(criterion.label)
            title.xAlign = 0
            title.wraps = true
            title.setExpand(horizontal: true, vertical: false)
            let points = Label()
            points.xAlign = 1
            points.setAccessibleLabel("Points : \(criterion.label)")
            head.append(title)
            head.append(points)
            let explanation = Label()
            explanation.xAlign = 0
            explanation.wraps = true
            explanation.addCSSClass("dim-label")
            explanation.addCSSClass("caption")
            box.append(head)
            box.append(explanation)
            box.setEdgeMargins(top: 6)
            notApplying.append(box)
            lines.append((box, title, points, explanation))
        }
        placedApplying = Array(repeating: false, count: lines.count)
        place(applying: placedApplying)
    }

    /// Titles of the criteria listed (the others are collapsed), in grid order.
    var listedCriteria: [String] { zip(lines, placedApplying).filter(\.1).map(\.0.title.text) }
    var othersLabel: String { others.label }

    /// Puts each line in the list or in the collapsed others, keeping the grid's order.
    private func place(applying flags: [Bool]) {
        let count = flags.filter { !$0 }.count
        others.label = flags.contains(true) ? "Critères sans points (\(count))" : "Critères de la grille (\(count))"
        guard flags != placedApplying else { return }
        for (line, wasApplying) in zip(lines, placedApplying) {
            (wasApplying ? applying : notApplying).remove(line.box)
        }
        for (line, applies) in zip(lines, flags) { (applies ? applying : notApplying).append(line.box) }
        placedApplying = flags
    }

    /// Shows `result`, or says why there is none (a field cannot be read yet).
    func show(_ result: CotationResult?, unavailable reason: String = "Score indisponible : complétez la saisie.") {
        guard let result else {
            total.text = "Score : —"
            priority.text = reason
            figures.text = ""
            for line in lines {
                line.points.text = ""
                line.explanation.text = ""
            }
            place(applying: Array(repeating: false, count: lines.count))
            return
        }
        total.text = "Score : \(FrenchFormat.integer(result.total)) points"
        priority.text = Self.priorityText(result.priority)
        figures.text = Self.figuresText(result)
        for (line, scored) in zip(lines, result.lines) {
            // – not declared, ✓ counted, ⚠ document missing, ✗ condition or exclusive situation.
            let mark = !scored.applied ? "–" : scored.points > 0 ? "✓" : !scored.supported ? "⚠" : Self.setAside(scored) ? "✗" : "✓"
            line.points.text = "\(mark) \(scored.points) pts"
            let source = scored.source.map { $0.contains("à confirmer") ? "\nSource : \($0)." : "" } ?? ""
            line.explanation.text = scored.explanation + source
            if scored.points > 0 { line.title.addCSSClass("heading") } else { line.title.removeCSSClass("heading") }
        }
        place(applying: result.lines.map(\.applied))
    }

    /// A declared, supported line scoring nothing: its condition fails or a higher exclusive
    /// situation is kept.
    /// "grille révisée au 1er juillet 2024" for a stored grid version written as a date.
    static func gridName(_ version: String) -> String {
        CalendarDate(parsing: version).map { "grille révisée au \(FrenchFormat.longDate($0))" } ?? "grille \(version)"
    }

    static func setAside(_ line: CotationLine) -> Bool {
        line.applied && line.supported && line.points == 0
            && (line.explanation.contains("condition non remplie") || line.explanation.contains("incompatible avec"))
    }

    /// "Ménage prioritaire : DALO (critère « DALO » établi : …)", each category with why.
    static func priorityText(_ findings: [PriorityFinding]) -> String {
        let established = findings.filter(\.established)
        var rows = [established.isEmpty ? "Ménage non prioritaire" : "Ménage prioritaire (§ L.441-1 et local) :"]
        rows += established.map { "• \($0.label) — \($0.basis == .derived ? "établi" : "déclaré") : \($0.reason)" }
        rows += findings.filter { !$0.established }.map { "• \($0.label) — \($0.reason)" }
        return rows.joined(separator: "\n")
    }

    /// The scores stored for the request, latest first (empty for a new request).
    func showHistory(_ scores: [StoredScore]) {
        history.isVisible = !scores.isEmpty
        history.text = "Scores enregistrés : " + scores.reversed().prefix(5).map {
            "\(FrenchFormat.integer($0.total)) pts le \(FrenchFormat.date($0.computedOn)) (\(Self.gridName($0.gridVersion)))"
        }.joined(separator: " ; ")
    }

    /// UC, income per UC against the threshold and its year, RAV, taux d'effort.
    static func figuresText(_ result: CotationResult) -> String {
        var rows = ["Unités de consommation : \(result.ucTenths / 10),\(result.ucTenths % 10) UC"]
        if let perUc = result.incomePerUc {
            var text = "Revenu par UC : \(FrenchFormat.money(perUc))"
            if let threshold = result.quartileThreshold {
                text += " (seuil \(threshold.year) du 1er quartile : \(FrenchFormat.money(threshold.perUc)))"
            }
            rows.append(text)
        }
        rows.append("Reste à vivre : " + (result.ravPerPersonPerDay.map { "\(FrenchFormat.money($0)) par personne et par jour" }
            ?? "sans objet (aucun logement à payer)"))
        rows.append("Taux d’effort : " + (result.tauxEffort.map { FrenchFormat.percent($0) } ?? "sans objet"))
        rows.append("Calculé le \(FrenchFormat.date(result.computedOn))")
        return rows.joined(separator: "\n")
    }
}
