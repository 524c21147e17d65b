import Foundation

/// Turns Foundation's decoding errors into French messages naming the JSON key path.
public enum DecodingProblem {
    public static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for k in keys {
            if let i = k.intValue { out += "[\(i)]" } else { out += out.isEmpty ? k.stringValue : "." + k.stringValue }
        }
        return out
    }

    public static func validationError(_ error: DecodingError) -> ValidationError {
        switch error {
        case let .keyNotFound(key, ctx):
            return ValidationError(field: path(ctx.codingPath + [key]), "champ obligatoire absent")
        case let .valueNotFound(_, ctx):
            return ValidationError(field: path(ctx.codingPath), "valeur obligatoire (null reçu)")
        case let .typeMismatch(type, ctx):
            if ctx.codingPath.isEmpty { return ValidationError(field: "racine du fichier", "\(expected(type)) JSON attendu") }
            return ValidationError(field: path(ctx.codingPath), "type inattendu (attendu : \(expected(type)))")
        case let .dataCorrupted(ctx):
            if ctx.codingPath.isEmpty { return ValidationError(field: "", "JSON invalide : \(ctx.underlyingError.map { "\($0.localizedDescription)" } ?? ctx.debugDescription)") }
            let message = ctx.debugDescription.hasPrefix("Cannot initialize") ? "valeur non reconnue"
                : ctx.debugDescription.contains("does not fit") || ctx.debugDescription.contains("not representable") ? "nombre hors de la plage admise"
                : ctx.debugDescription
            return ValidationError(field: path(ctx.codingPath), message)
        @unknown default:
            return ValidationError(field: "", "JSON invalide")
        }
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "texte"
        case is Int.Type, is Int64.Type: return "nombre entier"
        case is Bool.Type: return "booléen"
        case is [Any].Type: return "une liste [ … ]"
        case is Double.Type, is Float.Type: return "nombre"
        default: return type == [String: Any].self ? "un objet { … }" : "\(type)"
        }
    }
}
