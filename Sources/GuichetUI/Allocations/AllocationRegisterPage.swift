import Foundation
import GtkKit
import GuichetCore
import GuichetReports
import GuichetStorage

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
        try builder.get("clearButton", as: Button.self).onClicked { [weak self] in
            self?.form.clear()
            self?.errors.show(nil)
        }
        root.setAccessibleLabel("Registre des attributions")
    }

    /// Reads the register's counts and the form's choices (landlords, categories) again.
    func reload() {
        guard let ws = context.workspace else {
            counts.text = "Aucune base de données ouverte."
            return
        }
        do {
            let (stored, landlords) = try ws.store.read { s in (try s.allocationCounts(), try s.landlords()) }
            form.configure(landlords: landlords, categories: ws.profile.cotation?.priorityCategories ?? [])
            counts.text = Self.countsText(stored)
        } catch {
            counts.text = "Lecture du registre impossible : \(error)"
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
        guard let ws = context.workspace else { return }
        switch form.entry.allocation(landlords: form.landlords, categories: form.categories) {
        case .failure(let problems):
            errors.show("À corriger avant d'enregistrer :\n" + problems.errors.map { "• \($0.description)" }.joined(separator: "\n"))
        case .success(let allocation):
            do {
                let record = try WorkspaceAllocations.add(ws, allocation)
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
    }

    func showStatus(_ text: String?, error: Bool = false) {
        status.show(text)
        status.removeCSSClass("error")
        if error { status.addCSSClass("error") }
    }
}
