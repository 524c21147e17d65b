import GtkKit
import GuichetCore

/// The eligibility panel of the dossier form: the computed amount line by line, each with its
/// source, then every rule of the scheme — met, unmet, not applicable, or left to the agent —
/// with where it comes from (the PLH's action, a local decision, a default to confirm). A rule the
/// agent checks (no binding figure) gets "Remplie" / "Non remplie" buttons and a note; the form
/// records the finding through `onRecord`.
@MainActor
final class EligibilityPanel {
    let root: Box
    /// Called with the condition, the finding and the note when the agent records a check.
    var onRecord: (@MainActor (_ condition: String, _ met: Bool, _ note: String?) -> Void)?

    /// The text shown, for tests: amount, then rules (one entry per line).
    private(set) var lines: [String] = []

    init() {
        root = Box(vertical: true, spacing: 4)
    }

    /// Rebuilds the panel; `editable` false shows the findings without the buttons (a closed or
    /// granted dossier, or an anonymised one).
    func show(_ result: EligibilityResult, editable: Bool) {
        root.removeAll()
        lines = []
        addText(Self.amountLines(result.breakdown), classes: [])
        addText([result.isEligible ? "Conditions du dispositif :" : "Conditions du dispositif (au moins une n’est pas remplie) :"],
                classes: ["caption-heading"])
        for rule in result.rules { add(rule, editable: editable) }
    }

    /// The amount and its sources, as the panel and its tests read them.
    static func amountLines(_ b: AmountBreakdown) -> [String] {
        var out = ["Montant calculé : \(FrenchFormat.money(b.total))"]
        for line in b.lines {
            let detail = line.unitAmount.map { " (\(line.quantity) × \(FrenchFormat.money($0)))" } ?? ""
            out.append("  • \(line.label)\(detail) : \(FrenchFormat.money(line.amount))" + (line.source.map { " — \($0.label)" } ?? ""))
        }
        if let max = b.maximum { out.append("Plafond : \(FrenchFormat.money(max))" + (b.capSource.map { " (\($0.label))" } ?? "")) }
        if let target = b.averageTarget {
            out.append("Aide moyenne visée par le PLH : \(FrenchFormat.money(target, alwaysCents: false)) par logement sur l’année (objectif, non plafond)")
        }
        if !b.coFunding.isEmpty {
            out.append("Cofinancements (hors budget de l’agglomération) :")
            for line in b.coFunding {
                out.append("  • \(line.label)\(line.funder.map { " — \($0)" } ?? "") : \(FrenchFormat.money(line.amount))")
            }
        }
        return out
    }

    private func addText(_ text: [String], classes: [String]) {
        let label = Label(text.joined(separator: "\n"))
        label.xAlign = 0
        label.wraps = true
        for c in classes { label.addCSSClass(c) }
        root.append(label)
        lines += text
    }

    private func add(_ rule: RuleOutcome, editable: Bool) {
        let text = rule.textLines
        let label = Label(text.joined(separator: "\n"))
        label.xAlign = 0
        label.wraps = true
        switch rule.state {
        case .unmet: label.addCSSClass(rule.blocking ? "error" : "budget-under-text")
        case .toCheck: label.addCSSClass("budget-under-text")
        case .notApplicable: label.addCSSClass("dim-label")
        case .met: break
        }
        label.setAccessibleLabel("Condition : \(rule.label)")
        root.append(label)
        lines += text
        guard rule.checkedByAgent, editable else { return }
        let row = Box(vertical: false, spacing: 6)
        let note = Entry(placeholder: "Note (pièce vue, constat)")
        note.text = rule.recorded?.note ?? ""
        note.setAccessibleLabel("Note de vérification : \(rule.label)")
        note.setExpand(horizontal: true, vertical: false)
        let met = Button(label: "Remplie")
        met.setAccessibleLabel("Condition remplie : \(rule.label)")
        let unmet = Button(label: "Non remplie")
        unmet.setAccessibleLabel("Condition non remplie : \(rule.label)")
        let id = rule.id
        met.onClicked { [weak self, weak note] in self?.onRecord?(id, true, note?.typedText) }
        unmet.onClicked { [weak self, weak note] in self?.onRecord?(id, false, note?.typedText) }
        row.append(note)
        row.append(met)
        row.append(unmet)
        root.append(row)
    }
}
