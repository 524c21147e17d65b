import Foundation

/// Finds the folder holding the `.ui` files.
///
/// Search order (first match wins):
/// 1. the environment variable `environmentVariable` (`GUICHET_UI_DIR`), if set, used as is;
/// 2. walking up from the executable's directory, then from the current directory, the first
///    ancestor holding `ui/<markerFile>` (`ui/main-window.ui`): this finds the source tree's
///    `ui/` for `.build/debug/guichet`, the test bundle and `swift run`;
/// 3. the installed locations `/usr/local/share/guichet/ui`, then `/usr/share/guichet/ui`.
public struct UIFileLocator: Sendable {
    public var environmentVariable: String
    public var markerFile: String
    public var installedDirectories: [String]

    public init(environmentVariable: String, markerFile: String, installedDirectories: [String]) {
        self.environmentVariable = environmentVariable
        self.markerFile = markerFile
        self.installedDirectories = installedDirectories
    }

    public static let guichet = UIFileLocator(
        environmentVariable: "GUICHET_UI_DIR",
        markerFile: "main-window.ui",
        installedDirectories: ["/usr/local/share/guichet/ui", "/usr/share/guichet/ui"])

    /// The UI directory, or nil when none of the places holds the marker file.
    public func directory() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment[environmentVariable], !dir.isEmpty { return dir }
        let fileManager = FileManager.default
        var starts: [URL] = []
        if let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: fileManager.currentDirectoryPath))
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("ui")
                if fileManager.fileExists(atPath: candidate.appendingPathComponent(markerFile).path) {
                    return candidate.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return installedDirectories.first {
            fileManager.fileExists(atPath: ($0 as NSString).appendingPathComponent(markerFile))
        }
    }

    /// Full path of `fileName` in the UI directory; throws a French message when not found.
    public func path(of fileName: String) throws -> String {
        guard let dir = directory() else {
            throw GtkKitError("Dossier des fichiers d’interface introuvable : définissez \(environmentVariable) ou installez-les dans \(installedDirectories.joined(separator: " ou ")).")
        }
        let path = (dir as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw GtkKitError("Fichier d’interface introuvable : \(path)")
        }
        return path
    }
}
