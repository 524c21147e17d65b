import GtkKit
import GuichetApp
import GuichetCore

/// "Verser sur un engagement du PLH" (`ui/commitment-payment-dialog.ui`): records a payment on a
/// commitment of the PLH's other budget lines (never more than what remains), or cancels the
/// commitment with a reason (what was not paid goes back to the line). Both ask first, in words
/// that state the amount and the consequence; `guichet budget pay|cancel` call the same use cases.
@MainActor
final class CommitmentPaymentDialog {
    let window: Window
    private let guichet: Guichet
    private let builder: Builder
    private let choice: DropDown
    private let details: Label
    let amount: Entry
    let reference: Entry
    let reason: Entry
    let message: Label
    private let payButton: Button
    private let cancelButton: Button
    /// Commitments that can still be paid or cancelled, in the drop-down's order.
    private var open: [BudgetCommitment] = []
    private var busy = false { didSet { refreshButtons() } }
    /// Called with the commitment once paid or cancelled.
    private let done: @MainActor (BudgetCommitment, String) -> Void

    @discardableResult
    static func present(parent: Window?, guichet: Guichet,
                        done: @escaping @MainActor (BudgetCommitment, String) -> Void) throws -> CommitmentPaymentDialog {
        let dialog = try CommitmentPaymentDialog(parent: parent, guichet: guichet, done: done)
        dialog.window.present()
        dialog.load()
        return dialog
    }

    private init(parent: Window?, guichet: Guichet, done: @escaping @MainActor (BudgetCommitment, String) -> Void) throws {
        self.guichet = guichet
        self.done = done
        builder = try Builder(uiFile: "commitment-payment-dialog.ui")
        window = try builder.get("dialog")
        window.setTransientFor(parent)
        choice = try builder.get("commitment")
        details = try builder.get("details")
        amount = try builder.get("amount")
        reference = try builder.get("reference")
        reason = try builder.get("reason")
        message = try builder.get("message")
        payButton = try builder.get("pay")
        cancelButton = try builder.get("cancel-commitment")
        choice.onSelectionChanged { [weak self] in self?.showCommitment() }
        payButton.onClicked { [weak self] in self?.askToPay() }
        cancelButton.onClicked { [weak self] in self?.askToCancel() }
        try builder.get("close", as: Button.self).onClicked { [weak self] in self?.window.destroy() }
        window.keepAlive(self)
    }

    /// Reads the commitments off the main thread.
    private func load() {
        busy = true
        details.text = "Lecture des engagements…"
        let guichet = guichet
        Task { [weak self] in
            do {
                let all = try await guichet.commitments()
                self?.show(all.filter { !$0.isCancelled && $0.remainingToPay.cents > 0 })
            } catch {
                self?.details.text = ""
                self?.message.show(CommitDialog.text(error))
            }
            self?.busy = false
        }
    }

    private func show(_ commitments: [BudgetCommitment]) {
        open = commitments
        choice.items = commitments.map { "\($0.number.formatted) — \(Self.short($0.beneficiary)) — reste \(FrenchFormat.money($0.remainingToPay, alwaysCents: false))" }
        choice.selectedIndex = commitments.isEmpty ? nil : 0
        showCommitment()
    }

    private static func short(_ text: String) -> String { text.count > 30 ? String(text.prefix(29)) + "…" : text }

    private var selected: BudgetCommitment? {
        choice.selectedIndex.flatMap { $0 < open.count ? open[$0] : nil }
    }

    private func showCommitment() {
        message.show(nil)
        refreshButtons()
        guard let c = selected else {
            details.text = "Aucun engagement à verser : engagez d’abord une dépense sur une ligne du PLH."
            return
        }
        let line = (try? guichet.plh().budgetLine(id: c.lineID)?.label) ?? c.lineID
        var text = "\(line) — \(c.beneficiary)\(c.purpose.map { " — \($0)" } ?? "")\n\(c.decision.label)\n"
            + "Engagé : \(FrenchFormat.money(c.amount)) · versé : \(FrenchFormat.money(c.paid)) · reste à verser : \(FrenchFormat.money(c.remainingToPay))"
        for p in c.payments {
            text += "\n  \(FrenchFormat.date(p.date)) : \(FrenchFormat.money(p.amount))\(p.reference.map { " (\($0))" } ?? "")"
        }
        details.text = text
    }

    private func refreshButtons() {
        payButton.isSensitive = !busy && selected != nil
        cancelButton.isSensitive = !busy && selected != nil
    }

    private func askToPay() {
        guard let c = selected, !busy else { return }
        let question: Confirmation, money: Money
        do {
            money = try DossierAction.positiveAmount(amount.trimmedText, field: "Montant du versement")
            question = try guichet.paymentConfirmation(of: money, on: c, reference: reference.typedText)
        } catch {
            message.show(CommitDialog.text(error))
            return
        }
        let ref = reference.typedText
        ask(question) { guichet in try await guichet.payCommitment(c.number, amount: money, reference: ref, expectedVersion: c.version) }
    }

    private func askToCancel() {
        guard let c = selected, !busy else { return }
        let question: Confirmation
        let why = reason.trimmedText
        do { question = try guichet.cancellationConfirmation(of: c, reason: why) } catch {
            message.show(CommitDialog.text(error) + " Indiquez-le dans « Motif de l’annulation ».")
            _ = reason.grabFocus()
            return
        }
        ask(question) { guichet in try await guichet.cancelCommitment(c.number, reason: why, expectedVersion: c.version) }
    }

    /// Asks the question, then runs the write off the main thread and closes on success.
    private func ask(_ q: Confirmation, write: @escaping @Sendable (Guichet) async throws -> BudgetCommitment) {
        MessageDialog.show(parent: window, kind: .question, title: q.question, detail: q.consequence,
                           choices: [.init("Revenir à la saisie"), .init(q.action, style: q.destructive ? .destructive : .suggested)]) { [weak self] answer in
            guard answer == 1, let self else { return }
            self.busy = true
            let guichet = self.guichet
            Task { [weak self] in
                do {
                    let c = try await write(guichet)
                    guard let self else { return }
                    let done = self.done
                    self.window.destroy()
                    done(c, c.isCancelled ? "Engagement \(c.number.formatted) annulé : \(FrenchFormat.money(c.released)) libérés."
                                          : "Versement enregistré sur l’engagement \(c.number.formatted) : reste \(FrenchFormat.money(c.remainingToPay)).")
                } catch {
                    self?.busy = false
                    self?.message.show(CommitDialog.text(error))
                }
            }
        }
    }
}
