import Foundation

/// Where the database file lives: `--database PATH`, else `$GUICHET_DATABASE`,
/// else `$XDG_DATA_HOME/guichet/guichet.sqlite` (fallback `~/.local/share/guichet/guichet.sqlite`).
public enum DatabaseLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let p = explicit, !p.isEmpty { return URL(fileURLWithPath: p) }
        if let p = environment["GUICHET_DATABASE"], !p.isEmpty { return URL(fileURLWithPath: p) }
        let dataHome: URL
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") {
            dataHome = URL(fileURLWithPath: x)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return dataHome.appendingPathComponent("guichet/guichet.sqlite")
    }
}
