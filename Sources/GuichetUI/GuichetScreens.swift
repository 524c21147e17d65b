import GtkKit

/// The one list of the window's sections, in sidebar order. A section gets its own controller
/// (e.g. `DossiersScreen.swift` + `ui/dossiers-screen.ui`) by replacing its factory here.
@MainActor
public enum GuichetScreens {
    public static var standard: [ScreenFactory] {
        [
            DossiersScreen.factory,
            ComingSoonScreen.factory(
                id: "demandes", title: "Demandes de logement social", iconName: "system-users-symbolic",
                summary: "Cette section présentera les demandes de logement social et leur cotation "
                    + "selon la grille intercommunale, critère par critère."),
            ComingSoonScreen.factory(
                id: "bailleurs", title: "Bailleurs et conventions", iconName: "x-office-address-book-symbolic",
                summary: "Cette section réunira les bailleurs sociaux et les conventions signées avec "
                    + "chacun\u{00A0}: objectifs, contingents et échéances."),
            ComingSoonScreen.factory(
                id: "programmes", title: "Programmes", iconName: "go-home-symbolic",
                summary: "Cette section listera les programmes de logement social par commune et "
                    + "bailleur, avec leur financement et le contrôle des règles de production."),
            BudgetScreen.factory,
            ExportsScreen.factory,
        ]
    }
}
