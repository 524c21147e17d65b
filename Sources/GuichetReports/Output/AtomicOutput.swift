import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name beside its target, then renamed over it:
/// the target never holds half a file, and an existing target survives a failure.
struct AtomicOutput {
    let target: URL
    let temporary: URL

    init(target: URL) throws(ReportError) {
        let target = target.standardizedFileURL
        let folder = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw .cannotCreate(path: target.path, reason: "le dossier « \(folder.path) » n'existe pas")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw .cannotCreate(path: target.path, reason: "le dossier « \(folder.path) » n'est pas accessible en écriture")
        }
        self.target = target
        // Hidden, same folder (so rename stays on one file system), unique.
        self.temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    }

    /// Flushes the temporary file to disk and renames it over the target.
    func commit() throws(ReportError) {
        let fd = open(temporary.path, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = AtomicOutput.reason(errno: errno)
            discard()
            throw .cannotWrite(path: target.path, reason: reason)
        }
    }

    /// The system's reason in French for the usual cases (strerror speaks English here).
    static func reason(errno code: Int32) -> String {
        switch code {
        case EISDIR: return "un dossier porte déjà ce nom"
        case EACCES, EPERM: return "accès refusé"
        case ENOSPC: return "le disque est plein"
        case EROFS: return "le disque est en lecture seule"
        case ENOENT: return "le dossier n'existe plus"
        default: return String(cString: strerror(code))
        }
    }

    func discard() {
        unlink(temporary.path)
    }

    /// Runs `body` on the temporary file, then commits; on any error the temporary file
    /// is removed and the error comes back in French with the target's path.
    static func write<T>(to target: URL, _ body: (URL) throws -> T) throws(ReportError) -> T {
        let output = try AtomicOutput(target: target)
        let result: T
        do {
            result = try body(output.temporary)
        } catch {
            output.discard()
            throw ReportError.wrapping(error, path: output.target.path)
        }
        try output.commit()
        return result
    }
}
