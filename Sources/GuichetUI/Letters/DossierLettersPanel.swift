import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The fiche's "Courriers" (`ui/dossier-form.ui`): a button for each letter the dossier's state
/// allows ("Accusé de réception", "Notification d'attribution", "Ordre de paiement"), each opening
/// its preview, then print or PDF; below, the letters produced before, each reprinted identically.
@MainActor
final class DossierLettersPanel {
    private let guichet: Guichet
    private weak var window: Window?
    private let heading: Widget
    private let buttons: FlowBox
    private let issued: Box
    private let message: Label
    private var dossier: AidDossier?
    /// The buttons shown, by label (tests).
    private(set) var letterButtons: [String: Button] = [:]
    /// A letter was recorded in the dossier: the fiche reads the dossier again (history).
    var onRecorded: (@MainActor (DossierNumber) -> Void)?

    init(builder: Builder, guichet: Guichet, window: Window?) throws {
        self.guichet = guichet
        self.window = window
        heading = try builder.get("heading-courriers")
        buttons = try builder.get("letters")
        issued = try builder.get("issued-letters")
        message = try builder.get("letters-message")
        show(nil)
    }

    /// The letters of a stored dossier; nothing for a new one, not saved yet.
    func show(_ sheet: DossierSheet?) {
        buttons.removeAll()
        issued.removeAll()
        letterButtons = [:]
        message.show(nil)
        dossier = sheet?.dossier
        guard let sheet else { heading.isVisible = false; return }
        let kinds = guichet.availableLetters(for: sheet.dossier)
        heading.isVisible = !kinds.isEmpty || !sheet.letters.isEmpty
        for kind in kinds {
            let button = Button(label: kind.label)
            button.tooltip = "Aperçu, puis impression ou PDF ; le courrier est enregistré dans le dossier"
            button.onClicked { [weak self] in self?.preview(kind) }
            buttons.append(button)
            letterButtons[kind.label] = button
        }
        for letter in sheet.letters.reversed() {
            let row = Box(vertical: false, spacing: 8)
            let label = Label("N° \(letter.sequence) · \(letter.title) du \(FrenchFormat.date(letter.date)) (\(guichet.agentName(letter.agent)))")
            label.xAlign = 0
            label.setExpand(horizontal: true, vertical: false)
            let reprint = Button(label: "Réimprimer")
            reprint.setAccessibleLabel("Réimprimer le courrier n° \(letter.sequence)")
            reprint.onClicked { [weak self] in self?.reprint(letter) }
            row.append(label)
            row.append(reprint)
            issued.append(row)
        }
    }

    /// Letters are made from the dossier as stored: while the agent has unsaved changes, the
    /// buttons wait for the save.
    func setPending(_ pending: Bool) {
        for button in letterButtons.values {
            button.isSensitive = !pending
            button.tooltip = pending ? "Enregistrez d’abord le dossier : le courrier reprend le dossier enregistré"
                                     : "Aperçu, puis impression ou PDF ; le courrier est enregistré dans le dossier"
        }
    }

    private func preview(_ kind: Guichet.LetterKind) {
        guard let number = dossier?.number else { return }
        message.show("\(kind.label) : préparation…")
        let guichet = guichet
        Task { [weak self] in
            do {
                let letter = try await guichet.letterPreview(kind, for: number)
                guard let self else { return }
                self.message.show(nil)
                try LetterPreview.present(parent: self.window, guichet: guichet, letter: letter, origin: .new(kind: kind, number: number)) { [weak self] _ in
                    self?.onRecorded?(number)
                }
            } catch {
                self?.message.show("\(kind.label) impossible : \(error)")
            }
        }
    }

    private func reprint(_ letter: IssuedLetter) {
        let guichet = guichet
        Task { [weak self] in
            do {
                let kept = try await guichet.reprintLetter(letter.dossier, sequence: letter.sequence)
                guard let self else { return }
                try LetterPreview.present(parent: self.window, guichet: guichet, letter: kept.letter, origin: .reprint(kept.record))
            } catch {
                self?.message.show("Réimpression impossible : \(error)")
            }
        }
    }
}
