import GtkKit
import GuichetApp
import GuichetCore

/// "Engager une dépense sur une ligne du PLH" (`ui/commit-dialog.ui`): commits money on one of
/// the PLH's budget lines that are not individual aids (a subsidy to ADIL, a study, the
/// operator's contract) by decision. The use case reads the line's envelope first; an overspend
/// asks for its reason; the agent then confirms a question that states the amount, the
/// beneficiary and what the envelope keeps. `guichet budget commit` calls the same use cases.
@MainActor
final class CommitDialog {
    let window: Window
    private let guichet: Guichet
    private let lines: [PLHBudgetLine]
    private let lineChoice: DropDown
    private let lineInfo: Label
    let decision: Entry
    let decisionDate: Entry
    let beneficiary: Entry
    let purpose: Entry
    let amount: Entry
    let overspend: Entry
    private let overspendField: Widget
    let message: Label
    private let commitButton: Button
    private let builder: Builder
    private var busy = false { didSet { commitButton.isSensitive = !busy } }
    /// Called with the commitment once recorded.
    private let done: @MainActor (BudgetCommitment) -> Void

    /// Opens the dialog over `parent`, on `lineID` when given.
    @discardableResult
    static func present(parent: Window?, guichet: Guichet, lineID: String? = nil,
                        done: @escaping @MainActor (BudgetCommitment) -> Void) throws -> CommitDialog {
        let dialog = try CommitDialog(parent: parent, guichet: guichet, done: done)
        if let lineID, let index = dialog.lines.firstIndex(where: { $0.id == lineID }) { dialog.lineChoice.selectedIndex = index }
        dialog.window.present()
        _ = dialog.decision.grabFocus()
        return dialog
    }

    private init(parent: Window?, guichet: Guichet, done: @escaping @MainActor (BudgetCommitment) -> Void) throws {
        self.guichet = guichet
        self.done = done
        lines = try guichet.plh().budgetLines
        builder = try Builder(uiFile: "commit-dialog.ui")
        window = try builder.get("dialog")
        window.setTransientFor(parent)
        lineChoice = try builder.get("line")
        lineInfo = try builder.get("line-info")
        decision = try builder.get("decision")
        decisionDate = try builder.get("decision-date")
        beneficiary = try builder.get("beneficiary")
        purpose = try builder.get("purpose")
        amount = try builder.get("amount")
        overspend = try builder.get("overspend")
        overspendField = try builder.get("field-overspend")
        message = try builder.get("message")
        commitButton = try builder.get("commit")
        lineChoice.items = lines.map(Self.item)
        lineChoice.selectedIndex = 0
        decisionDate.text = FrenchFormat.date(guichet.today)
        showLine()
        lineChoice.onSelectionChanged { [weak self] in self?.showLine() }
        for entry in [amount, decisionDate] { entry.onChanged { [weak self] in self?.overspendField.isVisible = false } }
        commitButton.onClicked { [weak self] in self?.askToCommit() }
        try builder.get("close", as: Button.self).onClicked { [weak self] in self?.window.destroy() }
        window.keepAlive(self)
    }

    /// "18 — Subvention à l’ADIL" (GTK 4.8 drop-downs do not ellipsize: long items widen the dialog).
    private static func item(_ line: PLHBudgetLine) -> String {
        line.label.count > 52 ? String(line.label.prefix(51)) + "…" : line.label
    }

    private var line: PLHBudgetLine? {
        lineChoice.selectedIndex.flatMap { $0 < lines.count ? lines[$0] : nil }
    }

    /// The line's nature, envelope, beneficiary and source under the choice.
    private func showLine() {
        guard let line else { return }
        var parts = ["\(line.kind.label)\(line.isOutsideBudget ? ", hors budget du PLH" : "")", "enveloppe : \(line.envelope.label)"]
        if let b = line.beneficiary { parts.append("bénéficiaire : \(b)") }
        lineInfo.text = line.label + "\n" + parts.joined(separator: " · ") + (line.source.map { "\nSource : \($0.label)" } ?? "")
        // The line's own beneficiary is proposed; an agent's typing is kept.
        if beneficiary.typedText == nil || lines.contains(where: { $0.beneficiary == beneficiary.trimmedText }) {
            beneficiary.text = line.beneficiary ?? ""
        }
        overspendField.isVisible = false
        message.show(nil)
    }

    /// The request as typed, or a French message naming the field.
    private func request() throws(ValidationError) -> CommitmentRequest {
        guard let line else { throw ValidationError(field: "Ligne du PLH", "choisissez une ligne") }
        let decided = try CalendarDate.parse(decisionDate.trimmedText, field: "Date de la décision")
        let money = try DossierAction.positiveAmount(amount.trimmedText, field: "Montant engagé")
        return CommitmentRequest(lineID: line.id, decision: DecisionReference(reference: decision.trimmedText, date: decided),
                                 beneficiary: beneficiary.typedText, purpose: purpose.typedText, amount: money,
                                 overspendReason: overspendField.isVisible ? overspend.typedText : nil)
    }

    /// Reads what committing would do, asks for a reason when it overspends, then asks the question.
    private func askToCommit() {
        guard !busy else { return }
        let request: CommitmentRequest
        do { request = try self.request() } catch {
            message.show(Self.text(error))
            return
        }
        busy = true
        message.show(nil)
        let guichet = guichet
        Task { [weak self] in
            do {
                let outlook = try await guichet.commitmentOutlook(request)
                self?.busy = false
                self?.confirm(request, outlook)
            } catch {
                self?.busy = false
                self?.message.show(Self.text(error))
            }
        }
    }

    private func confirm(_ request: CommitmentRequest, _ outlook: CommitmentOutlook) {
        if let warning = outlook.overspend, !GrantDecision.hasText(request.overspendReason) {
            overspendField.isVisible = true
            message.show(warning.description)
            _ = overspend.grabFocus()
            return
        }
        let q = outlook.confirmation
        MessageDialog.show(parent: window, kind: .question, title: q.question, detail: q.consequence,
                           choices: [.init("Revenir à la saisie"), .init(q.action, style: .suggested)]) { [weak self] choice in
            guard choice == 1 else { return }
            self?.commit(request)
        }
    }

    private func commit(_ request: CommitmentRequest) {
        busy = true
        let guichet = guichet
        Task { [weak self] in
            do {
                let c = try await guichet.commit(request)
                guard let self else { return }
                let done = self.done
                self.window.destroy()
                done(c)
            } catch let overspend as CommitmentOverspend {
                // Another agent committed on the line meanwhile: the reason is now needed.
                self?.busy = false
                self?.overspendField.isVisible = true
                self?.message.show(overspend.description)
            } catch {
                self?.busy = false
                self?.message.show(Self.text(error))
            }
        }
    }

    /// A refusal as the agent reads it: the field's name is in the form already for typed values,
    /// the use case's field keys are not French words.
    static func text(_ error: any Error) -> String {
        if let e = error as? ValidationError {
            let named = e.field.contains(" ") || e.field.first?.isUppercase == true
            return DossierFormModel.sentence(named ? "\(e.field) : \(e.message)" : e.message)
        }
        return DossierFormModel.sentence("\(error)")
    }
}
