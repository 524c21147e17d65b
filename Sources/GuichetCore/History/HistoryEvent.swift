import Foundation

/// One append-only line of history: who changed what, when, from what to what.
public struct HistoryEvent: Codable, Sendable, Equatable {
    public var id: Int64?
    public var at: Date
    public var agent: String
    /// Entity kind ("dossier", "programme", "request", …) and its key (number, id).
    public var entity: String
    public var entityKey: String
    /// What happened: "création", "modification", "transition", "import", …
    public var action: String
    public var changes: [FieldChange]
    public var comment: String?

    public init(id: Int64? = nil, at: Date, agent: String, entity: String, entityKey: String,
                action: String, changes: [FieldChange], comment: String? = nil) {
        self.id = id; self.at = at; self.agent = agent; self.entity = entity; self.entityKey = entityKey
        self.action = action; self.changes = changes; self.comment = comment
    }
}

/// A field that changed, with its old and new values as displayed text (nil: absent).
public struct FieldChange: Codable, Sendable, Equatable {
    public var field: String
    public var old: String?
    public var new: String?
    public init(field: String, old: String?, new: String?) { self.field = field; self.old = old; self.new = new }

    /// Field-by-field differences of two versions of a record, through their JSON encoding,
    /// so every entity gets complete history without listing its fields by hand.
    public static func diff<T: Encodable>(old: T?, new: T?) -> [FieldChange] {
        let a = flatten(old), b = flatten(new)
        return Set(a.keys).union(b.keys).sorted().compactMap { key in
            a[key] == b[key] ? nil : FieldChange(field: key, old: a[key], new: b[key])
        }
    }

    static func flatten<T: Encodable>(_ value: T?) -> [String: String] {
        guard let value else { return [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [:] }
        var out: [String: String] = [:]
        func walk(_ v: Any, _ path: String) {
            switch v {
            case let d as [String: Any]: for (k, x) in d { walk(x, path.isEmpty ? k : "\(path).\(k)") }
            case let arr as [Any]: for (i, x) in arr.enumerated() { walk(x, "\(path)[\(i)]") }
            case is NSNull: break
            default:
                if let n = v as? NSNumber, String(cString: n.objCType) == "c" { out[path] = n.boolValue ? "oui" : "non" }
                else { out[path] = "\(v)" }
            }
        }
        walk(object, "")
        return out
    }
}

/// Reading and appending history; nothing in it can be edited or deleted.
public protocol HistoryStore {
    func append(_ event: HistoryEvent) throws
    func history(entity: String, key: String) throws -> [HistoryEvent]
}

extension StoreSession {
    /// Records a change of a record in history, attributed to the session's agent, stamped by its
    /// clock unless `at` is given.
    /// Does nothing when nothing changed.
    public func recordChange<T: Encodable>(entity: String, key: String, action: String,
                                           old: T?, new: T?, comment: String? = nil, at: Date? = nil) throws {
        let changes = FieldChange.diff(old: old, new: new)
        guard !changes.isEmpty || comment != nil else { return }
        try append(HistoryEvent(at: at ?? clock.now(), agent: agent, entity: entity, entityKey: key, action: action,
                                changes: changes, comment: comment))
    }
}
