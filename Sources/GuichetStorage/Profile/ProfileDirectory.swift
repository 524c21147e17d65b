import Foundation
import GuichetCore

/// Finds the data folder (`data/`: `territories/`, `demo/`, `communes/`) and reads profiles from
/// it: `$GUICHET_DATA_DIR` (the data folder or its `territories` folder, either works), else the
/// nearest `data/territories` above the executable or the current directory (build tree, tests),
/// else the install paths `/usr/local/share/guichet` and `/usr/share/guichet`. When none holds a
/// profile, every error says where it looked.
public enum ProfileDirectory {
    /// What a search found, and every place it looked, in order (for the error message).
    public struct Search: Sendable {
        public var found: URL?
        public var looked: [String]
    }

    public static func search(environment: [String: String] = ProcessInfo.processInfo.environment) -> Search {
        let fm = FileManager.default
        var looked: [String] = []
        if let d = environment["GUICHET_DATA_DIR"], !d.isEmpty {
            let url = URL(fileURLWithPath: d).standardizedFileURL
            looked.append("\(url.path) (GUICHET_DATA_DIR)")
            if holdsProfiles(url.appendingPathComponent("territories")) { return Search(found: url, looked: looked) }
            if holdsProfiles(url) {
                // The territories folder itself: its parent is the data folder when it is that
                // parent's `territories`, else the folder stands for both.
                let parent = url.deletingLastPathComponent()
                return Search(found: url.lastPathComponent == "territories" ? parent : url, looked: looked)
            }
            return Search(found: nil, looked: looked)
        }
        let starts = [URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: fm.currentDirectoryPath)]
        for start in starts {
            var dir = start.standardizedFileURL
            looked.append("data/territories d’un dépôt au-dessus de \(dir.path)")
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("data")
                if holdsProfiles(candidate.appendingPathComponent("territories"))
                    && fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                    return Search(found: candidate, looked: looked)
                }
                dir.deleteLastPathComponent()
            }
        }
        for p in ["/usr/local/share/guichet", "/usr/share/guichet"] {
            looked.append("\(p)/territories")
            if holdsProfiles(URL(fileURLWithPath: p).appendingPathComponent("territories")) {
                return Search(found: URL(fileURLWithPath: p), looked: looked)
            }
        }
        return Search(found: nil, looked: looked)
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        search(environment: environment).found
    }

    /// The folder of the territory profiles in a data folder: `territories/`, or the data folder
    /// itself when it holds the profiles directly.
    public static func territories(in data: URL) -> URL {
        let nested = data.appendingPathComponent("territories")
        return holdsProfiles(nested) || !holdsProfiles(data) ? nested : data
    }

    /// Whether a folder holds at least one profile (`<id>/territory.json`).
    static func holdsProfiles(_ folder: URL) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return items.contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/territory.json").path) }
    }

    /// Why no profile could be read: where the search looked.
    public static func notFound(_ search: Search = search()) -> ProfilesNotFound { ProfilesNotFound(looked: search.looked) }

    /// Loads a territory profile from `<data>/territories/<id>/`.
    public static func load(territory: String, from data: URL? = locate()) throws -> TerritoryProfile {
        guard let data else { throw notFound() }
        let root = territories(in: data)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("\(territory)/territory.json").path) else {
            let known = available(in: data)
            guard !known.isEmpty else { throw notFound() }
            throw ProfileErrors(errors: [ProfileError(file: "territories/\(territory)", problems: [
                ValidationError(field: "", "territoire inconnu dans \(root.path) (disponibles : \(known.joined(separator: ", ")))")])])
        }
        return try ProfileLoader { rel in try Data(contentsOf: root.appendingPathComponent(rel)) }.load(territory: territory)
    }

    public static func available(in data: URL? = locate()) -> [String] {
        guard let data else { return [] }
        let root = territories(in: data)
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return items.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/territory.json").path) }
            .sorted()
    }
}

/// No territory profile anywhere the search looked: said with every place, for the person who
/// installs or configures the product.
public struct ProfilesNotFound: Error, Sendable, CustomStringConvertible {
    public var looked: [String]
    public var description: String {
        "Aucun profil de territoire trouvé. Cherché dans :\n" + looked.map { "  - \($0)" }.joined(separator: "\n")
            + "\nGUICHET_DATA_DIR peut nommer le dossier data (qui contient territories) ou le dossier territories lui-même."
    }
}
