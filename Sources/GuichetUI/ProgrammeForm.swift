import GtkKit
import GuichetApp
import GuichetCore

/// The detail and edit form of one programme: every field with its value or "inconnu" and the
/// source's text, the rules' findings as sentences, and "Enregistrer" with optimistic locking.
/// Built in code from `ProgrammeFormFields` (the same form serves both kinds). Only the fields
/// the agent changed are written onto the record; an unchanged record is not saved at all.
@MainActor
final class ProgrammeForm<P: Hashable & Sendable & Codable> {
    let root: Box
    private let title = Label("")
    private let source = Label("")
    private let grid = Grid.make(rowSpacing: 6, columnSpacing: 10)
    private let findingsBox = Box(vertical: true, spacing: 4)
    private let message = Label("")
    private let saveButton = Button(label: "Enregistrer")
    private let revertButton = Button(label: "Annuler les modifications")
    private var shown: (findings: [RuleFinding], heading: String) = ([], "")
    private let fields: [ProgrammeFormField<P>]
    private var entries: [Entry] = []
    private var hints: [Label] = []
    private var initialTexts: [String] = []
    private(set) var record: ProgrammeRecord<P>?
    /// Saves the record read at its version through the use cases; returns it as stored.
    var store: (@Sendable (ProgrammeRecord<P>) async throws -> Saved<ProgrammeRecord<P>>)?
    private var saving: Task<Void, Never>?
    /// Called after a successful save with the new record.
    var onSaved: ((ProgrammeRecord<P>) -> Void)?

    init(fields: [ProgrammeFormField<P>], accessibleName: String) {
        self.fields = fields
        root = Box(vertical: true, spacing: 8)
        root.setMargins(12)
        root.setAccessibleLabel(accessibleName)
        title.addCSSClass("title-4")
        title.wraps = true
        title.xAlign = 0
        source.addCSSClass("dim-label")
        source.wraps = true
        source.xAlign = 0
        root.append(title)
        root.append(source)
        for (row, field) in fields.enumerated() {
            let label = Label(field.label)
            label.xAlign = 1
            label.addCSSClass("dim-label")
            let entry = Entry(placeholder: "inconnu")
            entry.setAccessibleLabel(field.label)
            entry.setExpand(horizontal: true, vertical: false)
            entry.onChanged { [weak self] in self?.updateDirtyState() }
            let hint = Label("")
            hint.xAlign = 0
            hint.wraps = true
            hint.addCSSClass("caption")
            hint.addCSSClass("warning")
            // Two columns of fields: label, entry, and the hint under the entry.
            let column = (row % 2) * 2, line = (row / 2) * 2
            grid.attach(label, column: column, row: line)
            grid.attach(entry, column: column + 1, row: line)
            grid.attach(hint, column: column + 1, row: line + 1)
            entries.append(entry)
            hints.append(hint)
        }
        root.append(grid)
        let findingsTitle = Label("Contrôle des règles")
        findingsTitle.xAlign = 0
        findingsTitle.addCSSClass("heading")
        root.append(findingsTitle)
        root.append(findingsBox)
        message.wraps = true
        message.xAlign = 0
        message.isVisible = false
        root.append(message)
        saveButton.addCSSClass("suggested-action")
        saveButton.onClicked { [weak self] in self?.save() }
        revertButton.onClicked { [weak self] in
            guard let self else { return }
            self.show(self.record, findings: self.shown.findings, heading: self.shown.heading)
        }
        let buttons = Box(vertical: false, spacing: 8)
        buttons.append(revertButton)
        buttons.append(saveButton)
        root.append(buttons)
        show(nil, findings: [], heading: "")
    }

    /// The entry of a field, by its French label (tests).
    func entry(labeled label: String) -> Entry? { fields.firstIndex { $0.label == label }.map { entries[$0] } }
    /// The hint shown under a field (tests).
    func hint(labeled label: String) -> String? { fields.firstIndex { $0.label == label }.map { hints[$0].text } }
    /// The message under the form (saved, refused), "" when none.
    var messageText: String { message.isVisible ? message.text : "" }

    /// Text typed and not saved.
    var isDirty: Bool { record != nil && zip(entries, initialTexts).contains { $0.text != $1 } }

    /// Shows a programme (nil: nothing selected) and its findings; `keepsMessage`: the message
    /// under the form stays (the programme shown again after its save).
    func show(_ record: ProgrammeRecord<P>?, findings: [RuleFinding], heading: String, keepsMessage: Bool = false) {
        self.record = record
        shown = (findings, heading)
        title.text = record == nil ? "Aucun programme sélectionné" : heading
        if let record {
            var where_ = record.sourceName.map { "Source : \($0)" + (record.sourceLine.map { ", ligne \($0)" } ?? "") } ?? "Saisi à la main"
            where_ += " — version \(record.version)"
            source.text = where_
        } else {
            source.text = "Choisissez un programme dans la liste pour voir et modifier ses données."
        }
        initialTexts = fields.map { f in record.map { f.text($0.programme) } ?? "" }
        for (i, f) in fields.enumerated() {
            entries[i].text = initialTexts[i]
            entries[i].isSensitive = record != nil
            let hint = record.flatMap { f.hint($0.programme) }
            hints[i].show(hint)
        }
        findingsBox.removeAll()
        if record != nil {
            func line(_ text: String) -> Label {
                let l = Label(text)
                l.wraps = true
                l.xAlign = 0
                findingsBox.append(l)
                return l
            }
            let ordered = findings.sorted { RuleFindingText.rank($0.severity) < RuleFindingText.rank($1.severity) }
            if ordered.isEmpty { _ = line("Aucune remarque : les règles vérifiables sont respectées.") }
            for finding in ordered {
                let l = line("\(RuleFindingText.short(finding, rules: nil).prefix(1)) \(finding.message)")
                switch finding.severity {
                case .notMet, .derogationRequired: l.addCSSClass("error")
                case .cannotCheck: l.addCSSClass("warning")
                case .encouraged: l.addCSSClass("success")
                }
            }
        }
        if !keepsMessage { setMessage(nil) }
        updateDirtyState()
    }

    private func updateDirtyState() {
        saveButton.isSensitive = isDirty
        revertButton.isSensitive = isDirty
    }

    private func setMessage(_ text: String?, error: Bool = true) {
        message.text = text ?? ""
        message.isVisible = text != nil
        message.removeCSSClass("error")
        message.removeCSSClass("success")
        message.addCSSClass(error ? "error" : "success")
    }

    /// True while a save is on its way.
    var isSaving: Bool { saving != nil }

    /// Writes the changed fields onto the record and stores it; on failure the typed text stays.
    func save() {
        guard var record, let store, saving == nil else { return }
        do {
            for (i, f) in fields.enumerated() where entries[i].text != initialTexts[i] {
                try f.apply(&record.programme, entries[i].text)
            }
        } catch {
            setMessage("Enregistrement impossible — \(error)")
            return
        }
        let edited = record
        saveButton.isSensitive = false
        saving = Task { [weak self] in
            do {
                let saved = try await store(edited)
                guard let self else { return }
                self.saving = nil
                if saved.changed { self.onSaved?(saved.value) }
                self.setMessage(saved.changed ? "Programme enregistré (version \(saved.value.version))." : "Aucune modification à enregistrer.",
                                error: false)
            } catch let error as StoreError {
                self?.saving = nil
                if case .conflict = error {
                    self?.setMessage("Enregistrement refusé : un autre agent a modifié ce programme depuis son ouverture. "
                                     + "Vos saisies sont conservées ; rechargez le programme pour voir sa version actuelle. (\(error))")
                } else {
                    self?.setMessage("Enregistrement impossible : \(error)")
                }
            } catch {
                self?.saving = nil
                self?.setMessage("Enregistrement impossible — \(error)")
            }
            self?.updateDirtyState()
        }
    }
}
