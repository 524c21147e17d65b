import Foundation
import GuichetCore

/// Finds `data/territories` and reads profiles from it: `$GUICHET_DATA_DIR`, else the nearest
/// `data/territories` above the executable or the current directory (build tree, tests), else the
/// install paths `/usr/local/share/guichet` and `/usr/share/guichet`.
public enum ProfileDirectory {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        func hasTerritories(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("territories").path) }
        if let d = environment["GUICHET_DATA_DIR"], !d.isEmpty { return URL(fileURLWithPath: d) }
        let starts = [URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: fm.currentDirectoryPath)]
        for start in starts {
            var dir = start.standardizedFileURL
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("data")
                if hasTerritories(candidate) && fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        for p in ["/usr/local/share/guichet", "/usr/share/guichet"] where hasTerritories(URL(fileURLWithPath: p)) {
            return URL(fileURLWithPath: p)
        }
        return nil
    }

    /// Loads a territory profile from `<data>/territories/<id>/`.
    public static func load(territory: String, from data: URL? = locate()) throws -> TerritoryProfile {
        guard let data else {
            throw ProfileErrors(errors: [ProfileError(file: "data/territories", problems: [
                ValidationError(field: "", "dossier des territoires introuvable (définissez GUICHET_DATA_DIR)")])])
        }
        let root = data.appendingPathComponent("territories")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(territory).path) else {
            let known = available(in: data).joined(separator: ", ")
            throw ProfileErrors(errors: [ProfileError(file: "territories/\(territory)", problems: [
                ValidationError(field: "", "territoire inconnu (disponibles : \(known))")])])
        }
        return try ProfileLoader { rel in try Data(contentsOf: root.appendingPathComponent(rel)) }.load(territory: territory)
    }

    public static func available(in data: URL? = locate()) -> [String] {
        guard let data, let items = try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("territories").path)
        else { return [] }
        return items.filter { !$0.hasPrefix(".") }.sorted()
    }
}
