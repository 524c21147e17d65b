import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files written beside their target (exports, a demo database being built) so that
/// the final rename stays on one file system. They may hold personal data: each is created 0600,
/// named after its target and the process writing it (`.bilan.pdf.guichet-tmp-4242-1A2B3C`), removed
/// when its writer fails, and swept at the next start when the process that wrote it is gone
/// (killed, power cut).
public enum TemporaryFiles {
    static let marker = ".guichet-tmp-"

    /// A new, unused name beside `target` for this process.
    public static func url(beside target: URL) -> URL {
        let random = UUID().uuidString.prefix(8)
        return target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent)\(marker)\(getpid())-\(random)")
    }

    /// Creates the file empty, readable by its owner only; fails if the name exists.
    public static func create(_ url: URL) -> Bool {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// The process that wrote a temporary file, from its name (nil for any other file).
    static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix("."), let range = name.range(of: marker) else { return nil }
        let rest = name[range.upperBound...]
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }

    /// Removes the temporary files in `folder` whose writer is no longer running, with the -wal
    /// and -shm companions of a database being built; returns how many files were removed.
    @discardableResult
    public static func sweep(folder: URL) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names {
            let base = name.hasSuffix("-wal") || name.hasSuffix("-shm") ? String(name.dropLast(4)) : name
            guard let pid = writer(of: base), !isRunning(pid) else { continue }
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
