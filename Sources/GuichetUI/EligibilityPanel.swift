import GtkKit
import GuichetCore

/// The eligibility panel of the dossier form: the computed amount line by line, each with its
/// source, then every rule of the scheme — met, unmet, not applicable, or left to the agent —
/// with where it comes from (the PLH's action, a local decision, a default to confirm). A rule the
/// agent checks (no binding figure) gets "Remplie" / "Non remplie" buttons and a note; the form
/// records the finding through `onRecord` (the use case `recordCheck`). A self-contained widget:
/// the dossier form places `root` where its layout wants it.
@MainActor
final class EligibilityPanel {
    /// Whether the agent can record findings now.
    enum Checks: Equatable {
        /// A stored dossier still under instruction: buttons and notes.
        case open
        /// A new dossier: findings are recorded once it has a number.
        case afterSave
        /// Granted, closed or anonymised: the findings recorded are shown, no buttons.
        case closed
    }

    let root: Box
    /// Called with the condition, the finding and the note when the agent records a check.
    var onRecord: (@MainActor (_ condition: String, _ met: Bool, _ note: String?) -> Void)?

    /// The text shown, for tests: amount, then rules (one entry per line).
    private(set) var lines: [String] = []
    /// The buttons of the agent's checks, by accessible name (tests).
    private(set) var checkButtons: [String: Button] = [:]
    /// Notes typed and not recorded yet, by condition: the panel is rebuilt as the form changes.
    private var drafts: [String: String] = [:]
    private var shown: (EligibilityResult, Checks)?
    /// The widgets of the rows: their handlers reach them weakly, this keeps them.
    private var rows: [AnyObject] = []

    init() {
        root = Box(vertical: true, spacing: 4)
    }

    /// Forgets the notes typed for another dossier.
    func reset() {
        drafts = [:]
        shown = nil
    }

    /// Shows the result; rebuilt only when what it shows changed, so typing elsewhere in the
    /// form neither moves the focus out of a note nor drops it.
    func show(_ result: EligibilityResult, checks: Checks) {
        if let shown, shown.0 == result, shown.1 == checks { return }
        shown = (result, checks)
        root.removeAll()
        rows = []
        lines = []
        checkButtons = [:]
        addText(Self.amountLines(result.breakdown), classes: [])
        addText([result.isEligible ? "Conditions du dispositif :" : "Conditions du dispositif (au moins une n’est pas remplie) :"],
                classes: ["caption-heading"])
        for rule in result.rules { add(rule, checks: checks) }
        if checks == .afterSave, result.rules.contains(where: \.checkedByAgent) {
            addText(["Les vérifications de l’agent se consignent une fois le dossier enregistré."], classes: ["dim-label"])
        }
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

    private func add(_ rule: RuleOutcome, checks: Checks) {
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
        guard rule.checkedByAgent, checks == .open else { return }
        let id = rule.id
        let row = Box(vertical: false, spacing: 6)
        let note = Entry(placeholder: "Note (pièce vue, constat)")
        note.text = drafts[id] ?? rule.recorded?.note ?? ""
        note.setAccessibleLabel("Note de vérification : \(rule.label)")
        note.setExpand(horizontal: true, vertical: false)
        note.onChanged { [weak self, weak note] in self?.drafts[id] = note?.text }
        let met = Button(label: "Remplie")
        met.setAccessibleLabel("Condition remplie : \(rule.label)")
        met.tooltip = "Consigner que la condition est remplie, avec la note"
        let unmet = Button(label: "Non remplie")
        unmet.setAccessibleLabel("Condition non remplie : \(rule.label)")
        unmet.tooltip = "Consigner que la condition n’est pas remplie : l’aide ne pourra pas être accordée"
        met.onClicked { [weak self, weak note] in self?.onRecord?(id, true, note?.typedText) }
        unmet.onClicked { [weak self, weak note] in self?.onRecord?(id, false, note?.typedText) }
        row.append(note)
        row.append(met)
        row.append(unmet)
        root.append(row)
        rows += [note, met, unmet]
        checkButtons["Condition remplie : \(rule.label)"] = met
        checkButtons["Condition non remplie : \(rule.label)"] = unmet
    }

}
