/// Why a database file could not be opened; the file is left untouched in every case.
public enum OpenError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case notADatabase(path: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String)
    case notInitialised(path: String)
    case alreadyInitialised(path: String, territory: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p):
            return "Base introuvable : \(p). Créez-la avec « guichet --database \(p) init --territory ID » ou « guichet demo »."
        case .notADatabase(let p): return "\(p) n'est pas une base SQLite : fichier laissé intact."
        case .foreignDatabase(let p): return "\(p) est une base SQLite qui n'a pas été créée par Guichet Habitat : fichier laissé intact."
        case .newerSchema(let p):
            return "\(p) a été écrite par une version plus récente de Guichet Habitat : mettez le logiciel à jour. Fichier laissé intact."
        case .notInitialised(let p): return "\(p) n'est rattachée à aucun territoire : lancez « guichet init --territory ID »."
        case .alreadyInitialised(let p, let t): return "\(p) est déjà initialisée pour le territoire « \(t) »."
        case .io(let p, let r): return "Impossible d'ouvrir \(p) : \(r)"
        }
    }
}
