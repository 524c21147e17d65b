import Foundation
import GtkKit
import GuichetCLI
import GuichetStorage

/// Opens the main window on the requested database: `guichet` with no subcommand.
@MainActor
public enum GuichetWindowLauncher {
    public static func run(_ request: WindowRequest) -> Int32 {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(request.databaseURL)
        } catch {
            FileHandle.standardError.write(Data("guichet : \(error)\n".utf8))
            return 2
        }
        let profile = workspace.profile
        let title = profile.manifest.demonstration ? "\(profile.name)" : profile.name
        let environment = ProcessInfo.processInfo.environment
        let configuration = WindowConfiguration(territoryName: title, databasePath: request.databaseURL.path,
                                                initialSection: environment["GUICHET_UI_SECTION"], workspace: workspace)
        return runGuichetApplication(configuration)
    }
}
