import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// Bailleurs et conventions › "Registre des attributions": what the register holds per year of
/// lease, and the entry of a single allocation (validated by the core, every problem named by
/// its field; nothing is stored until every field reads).
@MainActor
final class AllocationRegisterPage {
    let root: Widget
    private let context: ScreenContext
    let form = AllocationEntryForm()
    private let counts: Label
    private let status: Label
    private let errors: Label
    /// Told after an allocation is stored (the review recomputes).
    var onRegisterChanged: (() -> Void)?

    init(context: ScreenContext) throws {
        self.context = context
        let builder = try Builder(uiFile: "allocation-register-page.ui")
        root = try builder.get("page")
        counts = try builder.get("counts")
        status = try builder.get("status")
        errors = try builder.get("errors")
        try builder.get("formHolder", as: Box.self).append(form.root)
        try builder.get("saveButton", as: Button.self).onClicked { [weak self] in self?.save() }
        try builder.get("importButton", as: Button.self).onClicked { [weak self] in self?.chooseImportFile() }
        try builder.get("clearButton", as: Button.self).onClicked { [weak self] in
            self?.form.clear()
            self?.errors.show(nil)
        }
        root.setAccessibleLabel("Registre des attributions")
    }

    /// True while the register's counts are being read.
    private(set) var isLoading = false

    /// Reads the register's counts and the form's choices (landlords, categories) again, off the
    /// main thread.
    func reload() {
        guard let guichet = context.guichet else {
            counts.text = "Aucune base de données ouverte."
            return
        }
        isLoading = true
        Task { [weak self] in
            do {
                let (stored, landlords) = try await guichet.allocationRegister()
                self?.form.configure(landlords: landlords, categories: guichet.profile.cotation?.priorityCategories ?? [])
                self?.counts.text = Self.countsText(stored)
            } catch {
                self?.counts.text = "Lecture du registre impossible : \(error)"
            }
            self?.isLoading = false
        }
    }

    /// "9 596 attributions avec bail signé : 2020 : 2 267 · 2021 : 2 469 … ; 12 en attente de bail."
    static func countsText(_ c: AllocationCounts) -> String {
        guard c.total > 0 else { return "Le registre est vide." }
        let signed = c.byYear.values.reduce(0, +)
        let years = c.byYear.keys.sorted().map { "\($0) : \(FrenchFormat.integer(c.byYear[$0]!))" }.joined(separator: " · ")
        return "\(FrenchFormat.integer(signed)) attribution(s) avec bail signé (\(years))"
            + (c.awaitingLease > 0 ? " ; \(FrenchFormat.integer(c.awaitingLease)) décision(s) de CAL en attente de bail." : ".")
    }

    /// Validates the form and, when every field reads, stores the allocation.
    func save() {
        guard let guichet = context.guichet else { return }
        switch form.entry.allocation(landlords: form.landlords, categories: form.categories) {
        case .failure(let problems):
            errors.show("À corriger avant d'enregistrer :\n" + problems.errors.map { "• \($0.description)" }.joined(separator: "\n"))
        case .success(let allocation):
            Task { [weak self] in await self?.store(allocation, through: guichet) }
        }
    }

    private func store(_ allocation: Allocation, through guichet: Guichet) async {
            do {
                let record = try await guichet.addAllocation(allocation)
                errors.show(nil)
                form.clear()
                let when = allocation.leaseDate.map { "comptée en \($0.year)" } ?? "en attente de bail, comptée dans aucune année"
                showStatus("Attribution enregistrée (\(allocation.landlordName), \(allocation.commune), \(when)). "
                           + (record.allocation.sneNumber == nil ? "Sans numéro unique : un même extrait importé plus tard la compterait une seconde fois." : ""))
                reload()
                onRegisterChanged?()
            } catch {
                errors.show("Attribution non enregistrée : \(error)")
            }
    }

    // MARK: Import of an extract

    private func chooseImportFile() {
        if let path = ProcessInfo.processInfo.environment[ProgrammesScreen.importFileVariable], !path.isEmpty {
            previewImport(path)
            return
        }
        FileChooser.open(parent: context.window, title: "Importer un extrait d'attributions (bailleur, SNE ou SYPLO)",
                         filters: [FileChooser.Filter(name: "Tableaux CSV", pattern: "*.csv"),
                                   FileChooser.Filter(name: "Tous les fichiers", pattern: "*")]) { [weak self] path in
            if let path { self?.previewImport(path) }
        }
    }

    /// Reads the file and counts what importing it would do (a dry run, off the main thread),
    /// then asks before writing anything.
    func previewImport(_ path: String) {
        guard let guichet = context.guichet else { return }
        let name = URL(fileURLWithPath: path).lastPathComponent
        showStatus("Lecture de « \(name) »…")
        Task { @MainActor [weak self] in
            let preview = await Result { () async throws -> (Data, AllocationImportRun.Result) in
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return (data, try await guichet.importAllocations(data, sourceName: name, dryRun: true))
            }
            guard let self else { return }
            switch preview {
            case .failure(let error):
                self.showStatus(nil)
                MessageDialog.inform(parent: self.context.window, kind: .error, title: "Import impossible : « \(name) »", detail: "\(error)")
            case .success(let (_, run)) where run.report.failed:
                self.showStatus(nil)
                MessageDialog.inform(parent: self.context.window, kind: .error, title: "Import impossible : « \(name) »",
                                     detail: AllocationImportText.detail(run))
            case .success(let (data, run)):
                self.showStatus(nil)
                MessageDialog.show(parent: self.context.window, kind: .question, title: "Importer « \(name) » dans le registre ?",
                                   detail: AllocationImportText.detail(run),
                                   choices: [MessageDialog.Choice("Annuler"), MessageDialog.Choice("Importer", style: .suggested)]) { [weak self] choice in
                    guard choice == 1 else { return }
                    self?.applyImport(data, name: name)
                }
            }
        }
    }

    /// Applies the extract in one write transaction (off the main thread), then counts again.
    func applyImport(_ data: Data, name: String) {
        guard let guichet = context.guichet else { return }
        showStatus("Import de « \(name) »…")
        Task { @MainActor [weak self] in
            let result = await Result { try await guichet.importAllocations(data, sourceName: name, dryRun: false) }
            guard let self else { return }
            switch result {
            case .success(let run):
                self.showStatus("Import de « \(name) » enregistré. " + AllocationImportText.counts(run))
                self.reload()
                self.onRegisterChanged?()
            case .failure(let error):
                self.showStatus("Import de « \(name) » refusé, rien n'a été enregistré : \(error)", error: true)
            }
        }
    }

    func showStatus(_ text: String?, error: Bool = false) {
        status.show(text)
        status.removeCSSClass("error")
        if error { status.addCSSClass("error") }
    }
}
