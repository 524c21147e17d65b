/// A value that failed its own rules. `field` names where (a form field, a key path,
/// a file line and column); `message` is a French sentence an agent can read.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field) : \(message)" }

    /// The same error, located deeper (`schemes[3]` + `envelope` → `schemes[3].envelope`).
    public func prefixed(_ prefix: String) -> ValidationError {
        guard !prefix.isEmpty else { return self }
        if field.isEmpty { return ValidationError(field: prefix, message) }
        let separator = field.hasPrefix("[") ? "" : "."
        return ValidationError(field: prefix + separator + field, message)
    }
}

/// Several validation errors at once, so a form or an import can show all of them.
public struct ValidationErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ValidationError]
    public init(_ errors: [ValidationError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
