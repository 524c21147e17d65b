import GtkKit

/// The one list of the window's sections, in sidebar order. A section gets its own controller
/// (e.g. `DossiersScreen.swift` + `ui/dossiers-screen.ui`) by replacing its factory here.
@MainActor
public enum GuichetScreens {
    public static var standard: [ScreenFactory] {
        [
            DossiersScreen.factory,
            RequestsScreen.factory,
            LandlordsScreen.factory(),
            ProgrammesScreen.factory(),
            ComingSoonScreen.factory(
                id: "budget", title: "Budget du PLH", iconName: "accessories-calculator-symbolic",
                summary: "Cette section suivra le budget du PLH 2023-2028 action par action\u{00A0}: "
                    + "prévu, engagé et payé."),
            ComingSoonScreen.factory(
                id: "exports", title: "Exports", iconName: "document-send-symbolic",
                summary: "Cette section produira les tableaux et bilans à transmettre, en CSV, "
                    + "en classeur OpenDocument et en PDF."),
        ]
    }
}
