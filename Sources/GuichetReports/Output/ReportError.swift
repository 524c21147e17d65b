import Foundation

/// Why a report could not be written, in French, always naming the file.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The folder of the target does not exist or cannot be written to.
    case cannotCreate(path: String, reason: String)
    /// Writing, finishing or renaming the file failed.
    case cannotWrite(path: String, reason: String)
    /// A row has more or fewer cells than the table has columns.
    case invalidRow(table: String, row: Int, cells: Int, columns: Int)
    /// The row producer failed; nothing was written at the target.
    case interrupted(path: String, reason: String)
    /// The document has nothing to write in this format.
    case nothingToWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "Impossible de créer le fichier « \(path) » : \(reason)"
        case let .cannotWrite(path, reason):
            return "Impossible d'écrire le fichier « \(path) » : \(reason)"
        case let .invalidRow(table, row, cells, columns):
            return "Tableau « \(table) », ligne \(row) : \(cells) cellule(s) pour \(columns) colonne(s)"
        case let .interrupted(path, reason):
            return "Écriture de « \(path) » interrompue, le fichier n'a pas été modifié : \(reason)"
        case let .nothingToWrite(path, reason):
            return "Rien à écrire dans « \(path) » : \(reason)"
        }
    }

    public var errorDescription: String? { description }

    /// Places an error raised while producing `path` in this vocabulary.
    /// Errors about the temporary file are reported against the target: the agent never
    /// sees the hidden name.
    static func wrapping(_ error: any Error, path: String) -> ReportError {
        if let e = error as? ReportError {
            switch e {
            case .invalidRow: return .interrupted(path: path, reason: e.description)
            case .cannotCreate(_, let reason): return .cannotCreate(path: path, reason: reason)
            case .cannotWrite(_, let reason): return .cannotWrite(path: path, reason: reason)
            case .interrupted(_, let reason): return .interrupted(path: path, reason: reason)
            case .nothingToWrite(_, let reason): return .nothingToWrite(path: path, reason: reason)
            }
        }
        if (error as NSError).domain == NSPOSIXErrorDomain || (error as NSError).domain == NSCocoaErrorDomain {
            return .cannotWrite(path: path, reason: AtomicOutput.reason(for: error))
        }
        return .interrupted(path: path, reason: String(describing: error))
    }
}
