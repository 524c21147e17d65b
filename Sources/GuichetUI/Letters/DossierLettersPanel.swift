import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The fiche's letters. Beside the fiche's title (`DossierForm.headerActions`), a « Courriers »
/// button whose popover offers each letter the dossier's state allows ("Accusé de réception",
/// "Notification d'attribution", "Ordre de paiement": one narrow button, as two or three letter
/// buttons would not fit beside the title at 1024 px), each opening its preview, then print or
/// PDF; in the section « Courriers »
/// (`FicheSectionID.courriers`, hidden until the dossier has one), the letters produced before,
/// each reprinted identically. What happened is said in the fiche's action bar (`report`).
@MainActor
final class DossierLettersPanel {
    /// The section's content: the letters produced before.
    let root: Box
    private let guichet: Guichet
    private weak var window: Window?
    private let section: Widget
    /// « Courriers », in the fiche's header; its popover lists the letters on offer.
    let menu: MenuButton
    private let buttons: Box
    private var dossier: AidDossier?
    /// The buttons shown, by label (tests).
    private(set) var letterButtons: [String: Button] = [:]
    /// A letter was recorded in the dossier: the fiche reads the dossier again (history).
    var onRecorded: (@MainActor (DossierNumber) -> Void)?
    /// Tells the agent what became of a letter (nil clears the message).
    var report: (@MainActor (String?) -> Void)?

    init(header: Box, section: Widget, guichet: Guichet, window: Window?) {
        self.guichet = guichet
        self.window = window
        self.section = section
        buttons = Box(vertical: true, spacing: 4)
        buttons.setMargins(4)
        menu = MenuButton.make(label: "Courriers", content: buttons)
        menu.setAccessibleLabel("Courriers")
        header.append(menu)
        root = Box(vertical: true, spacing: 4)
        root.setAccessibleLabel("Courriers édités")
        show(nil)
    }

    /// The letters of a stored dossier; nothing for a new one, not saved yet.
    func show(_ sheet: DossierSheet?) {
        buttons.removeAll()
        root.removeAll()
        letterButtons = [:]
        dossier = sheet?.dossier
        section.isVisible = !(sheet?.letters.isEmpty ?? true)
        let kinds = sheet.map { guichet.availableLetters(for: $0.dossier) } ?? []
        menu.isVisible = !kinds.isEmpty
        guard let sheet else { return }
        for kind in kinds {
            let button = Button(label: kind.label)
            button.tooltip = Self.readyTip
            button.addCSSClass("flat")
            button.onClicked { [weak self] in
                self?.menu.popdown()
                self?.preview(kind)
            }
            buttons.append(button)
            letterButtons[kind.label] = button
        }
        for letter in sheet.letters.reversed() {
            let row = Box(vertical: false, spacing: 8)
            let label = Label("N° \(letter.sequence) · \(letter.title) du \(FrenchFormat.date(letter.date)) (\(guichet.agentName(letter.agent)))")
            label.xAlign = 0
            label.wraps = true
            label.setExpand(horizontal: true, vertical: false)
            let reprint = Button(label: "Réimprimer")
            reprint.setAccessibleLabel("Réimprimer le courrier n° \(letter.sequence)")
            reprint.setAlignment(vertical: .center)
            reprint.onClicked { [weak self] in self?.reprint(letter) }
            row.append(label)
            row.append(reprint)
            root.append(row)
        }
    }

    private static let readyTip = "Aperçu, puis impression ou PDF ; le courrier est enregistré dans le dossier"

    /// Letters are made from the dossier as stored: while the agent has unsaved changes, the
    /// buttons wait for the save.
    func setPending(_ pending: Bool) {
        for button in letterButtons.values {
            button.isSensitive = !pending
            button.tooltip = pending ? "Enregistrez d’abord le dossier : le courrier reprend le dossier enregistré"
                                     : Self.readyTip
        }
        menu.tooltip = pending ? "Enregistrez d’abord le dossier : le courrier reprend le dossier enregistré"
                               : "Accusé de réception, notification, ordre de paiement : aperçu, impression ou PDF"
    }

    private func preview(_ kind: Guichet.LetterKind) {
        guard let number = dossier?.number else { return }
        report?("\(kind.label) : préparation…")
        let guichet = guichet
        Task { [weak self] in
            do {
                let letter = try await guichet.letterPreview(kind, for: number)
                guard let self else { return }
                self.report?(nil)
                try LetterPreview.present(parent: self.window, guichet: guichet, letter: letter, origin: .new(kind: kind, number: number)) { [weak self] _ in
                    self?.onRecorded?(number)
                }
            } catch {
                self?.report?("\(kind.label) impossible : \(error)")
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
                self?.report?("Réimpression impossible : \(error)")
            }
        }
    }
}
