import Foundation

/// Decodes a JSON file given from outside (a dossier, a request, published results, a profile
/// part). Every problem is one French sentence naming where: the line and column of a syntax
/// error, the key path of a wrong value, what the root should be. Dates and amounts are checked
/// against `InputLimits`, and so are the file's size and the length of its texts.
public enum InputJSON {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ValidationError) -> T {
        let tree = try check(data)
        if let long = longText(in: tree, path: "") {
            throw ValidationError(field: long.path, "texte trop long (\(FrenchFormat.integer(long.count)) caractères ; \(FrenchFormat.integer(InputLimits.maximumTextLength)) au plus)")
        }
        let decoder = JSONDecoder()
        decoder.userInfo[.checksInputLimits] = true
        do { return try decoder.decode(T.self, from: data) } catch let e as DecodingError {
            throw DecodingProblem.validationError(e)
        } catch {
            throw ValidationError(field: "", "JSON illisible")
        }
    }

    /// The parsed tree, or the file's size or syntax error with its line and column.
    @discardableResult
    public static func check(_ data: Data) throws(ValidationError) -> Any {
        guard data.count <= InputLimits.maximumFileBytes else {
            throw ValidationError(field: "", "fichier trop volumineux (\(FrenchFormat.integer(data.count)) octets ; \(FrenchFormat.integer(InputLimits.maximumFileBytes)) au plus)")
        }
        do { return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw syntaxError(error, in: data)
        }
    }

    /// "ligne 3, colonne 9 : valeur invalide" from JSONSerialization's "around character 27".
    static func syntaxError(_ error: any Error, in data: Data) -> ValidationError {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        let what: String
        var offset = data.count
        if let r = text.range(of: "character "), let n = Int(text[r.upperBound...].prefix { $0.isNumber }) {
            offset = n
            what = "valeur ou caractère inattendu"
        } else if text.contains("end of file") || text.contains("Unexpected end") {
            what = "fin de fichier inattendue (accolade, crochet ou guillemet non fermé ?)"
        } else if text.contains("not representable") {
            what = "nombre trop grand"
            offset = -1
        } else {
            what = "JSON invalide"
            offset = -1
        }
        guard offset >= 0 else { return ValidationError(field: "", what) }
        let (line, column) = position(of: offset, in: data)
        return ValidationError(field: "ligne \(line), colonne \(column)", "JSON invalide : \(what)")
    }

    /// Line and column (from 1) of a character offset; columns count characters, not bytes.
    static func position(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (line, column)
    }

    /// The first text longer than the limit, with its key path.
    static func longText(in value: Any, path: String) -> (path: String, count: Int)? {
        switch value {
        case let s as String:
            return s.utf8.count > InputLimits.maximumTextLength && s.count > InputLimits.maximumTextLength ? (path, s.count) : nil
        case let a as [Any]:
            for (i, v) in a.enumerated() { if let found = longText(in: v, path: "\(path)[\(i)]") { return found } }
        case let d as [String: Any]:
            for (k, v) in d {
                if k.count > InputLimits.maximumTextLength { return (path.isEmpty ? "clé" : path, k.count) }
                if let found = longText(in: v, path: path.isEmpty ? k : "\(path).\(k)") { return found }
            }
        default: break
        }
        return nil
    }
}
