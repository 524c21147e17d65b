/// One file of a territory profile (PLH actions, aid schemes, cotation grid, landlords…).
/// Decoding checks the shape; `validate()` checks the rules of the field and returns every
/// problem with its key path relative to the file (`schemes[3].envelope`).
public protocol ProfilePart: Decodable, Sendable {
    func validate() -> [ValidationError]
}

/// Renders a Decodable coding path the way the profile errors name keys: `schemes[3].envelope`.
public func keyPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let i = key.intValue { out += "[\(i)]" } else {
            out += out.isEmpty ? key.stringValue : "." + key.stringValue
        }
    }
    return out
}

/// Collects validation errors of nested values under their key path.
public struct ValidationCollector {
    public private(set) var errors: [ValidationError] = []
    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { errors.append(ValidationError(field: field, message())) }
    }
    public mutating func add(_ nested: [ValidationError], under prefix: String) {
        errors += nested.map { $0.prefixed(prefix) }
    }
    public mutating func add(_ error: ValidationError) { errors.append(error) }

    /// Flags ids used twice in a list (`criteria[7].id: identifiant « dalo » en double`).
    public mutating func checkUnique<S: Sequence>(_ ids: S, list: String) where S.Element == String {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            errors.append(ValidationError(field: "\(list)[\(i)].id", "identifiant « \(id) » en double"))
        }
    }
}
