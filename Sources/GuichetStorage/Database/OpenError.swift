/// Why a database file could not be opened; the file is left untouched in every case.
public enum OpenError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case isFolder(path: String)
    /// A file is at the path and nothing was asked to replace it.
    case exists(path: String)
    /// Asked to replace a file that is not a Guichet database: refused.
    case notReplaceable(path: String)
    /// Another program is reading the file and it cannot be replaced now.
    case inUse(path: String)
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
        case .isFolder(let p):
            return "\(p) est un dossier, pas une base : indiquez un fichier (par exemple \(p)/guichet.sqlite). Dossier laissé intact."
        case .exists(let p):
            return "\(p) existe déjà : ajoutez --replace pour la remplacer par une base de démonstration."
        case .notReplaceable(let p):
            return "\(p) n'est pas une base Guichet Habitat : elle n'est pas remplacée (choisissez un autre chemin). Fichier laissé intact."
        case .inUse(let p):
            return "\(p) est en cours d'utilisation par un autre programme : fermez-le puis recommencez. Fichier laissé intact."
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
