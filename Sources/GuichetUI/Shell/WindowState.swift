import Foundation

/// What the window remembers from one day to the next: its size, and the columns and panes the
/// agent widened. A small JSON file in the XDG state folder (`$XDG_STATE_HOME/guichet/fenetre.json`,
/// by default `~/.local/state/guichet/`), per user and not per database: it holds no data.
public struct WindowState: Codable, Sendable, Equatable {
    public var width: Int?
    public var height: Int?
    public var maximized: Bool?
    /// Column widths by table ("dossiers") then column id.
    public var columns: [String: [String: Int]]?

    public init(width: Int? = nil, height: Int? = nil, maximized: Bool? = nil, columns: [String: [String: Int]]? = nil) {
        self.width = width; self.height = height; self.maximized = maximized; self.columns = columns
    }

    /// The file, from the environment (tests set XDG_STATE_HOME to a folder of their own).
    public static func fileURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("guichet/fenetre.json")
    }

    /// The remembered state; empty when there is none or it cannot be read (a damaged file is
    /// forgotten, never an error: the window opens at its default size).
    public static func load(from url: URL = fileURL()) -> WindowState {
        guard let data = try? Data(contentsOf: url), data.count < 100_000,
              let state = try? JSONDecoder().decode(WindowState.self, from: data) else { return WindowState() }
        return state
    }

    /// Writes the state atomically (owner only); a failure is ignored: losing the window's size
    /// must never stop the agent from closing it.
    public func save(to url: URL = fileURL()) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? data.write(to: url, options: [.atomic])
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
