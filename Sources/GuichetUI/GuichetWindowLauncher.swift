import Foundation
import GtkKit
import GuichetCLI
import GuichetStorage

/// Opens the main window on the requested database (wired to the GTK application once it lands).
@MainActor
public enum GuichetWindowLauncher {
    public static func run(_ request: WindowRequest) -> Int32 {
        FileHandle.standardError.write(Data("La fenêtre n'est pas encore disponible dans cette version.\n".utf8))
        return 1
    }
}
