import GtkKit

/// The one list of the window's sections, in sidebar order. A section gets its own controller
/// (e.g. `DossiersScreen.swift` + `ui/dossiers-screen.ui`) by replacing its factory here.
@MainActor
public enum GuichetScreens {
    public static var standard: [ScreenFactory] {
        [
            DossiersScreen.factory,
            RequestsScreen.factory,
            LandlordsScreen.factory,
            ProgrammesScreen.factory,
            BudgetScreen.factory,
            PLHReviewScreen.factory,
            ExportsScreen.factory,
        ]
    }
}
