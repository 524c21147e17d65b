import Foundation
import GuichetStorage
#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name beside its target, then renamed over it:
/// the target never holds half a file, and an existing target survives a failure. Exports may
/// hold personal data: the temporary file is created 0600 and the target ends 0600 whatever
/// the writer did; a temporary file left by a killed export is swept by the next export into
/// the same folder (see `TemporaryFiles`).
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
        TemporaryFiles.sweep(folder: folder)
        // Hidden, same folder (so rename stays on one file system), unique, owner-only.
        self.temporary = TemporaryFiles.url(beside: target)
        guard TemporaryFiles.create(temporary) else {
            throw .cannotCreate(path: target.path, reason: AtomicOutput.reason(errno: errno))
        }
    }

    /// Flushes the temporary file to disk and renames it over the target.
    func commit() throws(ReportError) {
        let fd = open(temporary.path, O_RDONLY)
        // A writer may have replaced the file (ZIP archives are created anew): owner-only again.
        if fd >= 0 { _ = fchmod(fd, 0o600); _ = fsync(fd); close(fd) }
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
        case EDQUOT: return "le quota de disque est dépassé"
        case EIO: return "erreur d'entrée-sortie sur le disque"
        case EFBIG: return "le fichier dépasse la taille permise"
        case ENAMETOOLONG: return "le nom du fichier est trop long"
        default: return "erreur système \(code)"
        }
    }

    /// The reason in French for an error Foundation threw while writing.
    static func reason(for error: any Error) -> String {
        let e = error as NSError
        if e.domain == NSPOSIXErrorDomain { return reason(errno: Int32(e.code)) }
        if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        switch e.code {
        case NSFileWriteOutOfSpaceError: return reason(errno: ENOSPC)
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return reason(errno: EACCES)
        case NSFileWriteVolumeReadOnlyError: return reason(errno: EROFS)
        default: return "erreur d'écriture (code \(e.code))"
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
