import Foundation

/// Decodes a territory data file, turning Swift's decoding errors into a French sentence
/// naming the path inside the file.
enum JSONFileDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(ValidationError) -> T {
        do { try InputJSON.check(data) } catch { throw ValidationError(field: file, error.description) }
        do { return try JSONDecoder().decode(type, from: data) } catch let error as DecodingError {
            throw ValidationError(field: file, french(error))
        } catch {
            throw ValidationError(field: file, "fichier illisible (\(error.localizedDescription))")
        }
    }

    static func french(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.hasPrefix(".") ? String(p.dropFirst()) : (p.isEmpty ? "racine" : p)
        }
        switch error {
        case .keyNotFound(let key, let c):
            return "clé « \(key.stringValue) » absente à \(path(c.codingPath))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "valeur de type inattendu à \(path(c.codingPath))"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "JSON invalide" : "valeur invalide à \(path(c.codingPath)) : \(c.debugDescription)"
        @unknown default:
            return "fichier illisible"
        }
    }
}
