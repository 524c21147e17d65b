import GtkKit
import GuichetCore
import GuichetApp

/// A territorialised production target: a commune (name or INSEE code) or a group of the
/// profile, a product and a number of dwellings for the year.
@MainActor
enum PLHTargetForm {
    static func present(parent: Window?, guichet: Guichet, year: Int, editing: TerritorialTarget? = nil,
                        saved: @escaping @MainActor () -> Void) throws {
        let groups = guichet.profile.communeGroups?.groups.map { "groupe:\($0.id) (\($0.name))" } ?? []
        let dialog = try PLHReviewDialog(
            parent: parent, heading: "Objectif territorialisé — \(year)",
            intro: "Action 7 : « Territorialisation des objectifs de production dans le cadre du PLH ». L'atteinte se calcule sur les "
                + "programmes financés (PLUS, PLAI, PLS) et les ménages aidés en accession dans la commune ou le groupe."
                + (groups.isEmpty ? " Le profil ne définit pas de groupe de communes." : " Groupes du profil : \(groups.joined(separator: ", ")).")
                + (guichet.profile.communeGroups?.source.isDefaultToConfirm == true ? " (Regroupement à confirmer.)" : ""),
            accessibleName: "Objectif territorialisé")
        let territory = dialog.field("Commune ou groupe", value: editing.map { $0.scope.kind == .group ? "groupe:\($0.scope.id)" : $0.scope.name } ?? "",
                                     placeholder: "Nom ou code INSEE de la commune, ou groupe:identifiant")
        let product = DropDown(items: HousingProduct.allCases.map(\.label))
        product.selectedIndex = editing.flatMap { HousingProduct.allCases.firstIndex(of: $0.product) } ?? 0
        product.alignAtStart()
        dialog.field("Produit", widget: product)
        let dwellings = dialog.field("Logements", value: editing.map { String($0.dwellings) } ?? "")
        let comment = dialog.field("Commentaire", value: editing?.comment ?? "")
        if let editing {
            dialog.showHistory(guichet, entity: PLHReviewEntity.target, key: editing.key)
        }
        let submit: @MainActor () -> Void = { [weak dialog] in
            guard let dialog else { return }
            let (t, p, n, c) = (territory.text, HousingProduct.allCases[product.selectedIndex ?? 0].rawValue, dwellings.text, comment.text)
            dialog.submit({ try await guichet.setTarget(territory: t, year: year, product: p, dwellings: n, comment: c) }, saved: saved)
        }
        dialog.onSave(submit)
        for e in [territory, dwellings, comment] { e.onActivate { submit() } }
        dialog.present()
    }
}
