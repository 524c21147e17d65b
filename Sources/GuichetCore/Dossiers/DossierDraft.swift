import Foundation

/// What an agent (or a script) gives to open a dossier: applicant, property, facts, requested
/// amount. The number, status and timeline are the product's. JSON keys are the field names,
/// amounts in integer cents, dates ISO (`2026-03-01`), as `guichet dossiers new --file` documents.
public struct DossierDraft: Codable, Sendable, Equatable {
    /// PLH action of the dossier; defaults to the scheme's first action.
    public var plhAction: Int?
    public var applicant: Applicant
    public var property: Property
    public var facts: DossierFacts?
    public var requestedAmount: Money?

    public init(plhAction: Int? = nil, applicant: Applicant, property: Property, facts: DossierFacts? = nil,
                requestedAmount: Money? = nil) {
        self.plhAction = plhAction; self.applicant = applicant; self.property = property
        self.facts = facts; self.requestedAmount = requestedAmount
    }

    /// The new draft dossier, or every problem named by key path (`applicant.household.members[0].lastName`).
    public func makeDossier(number: DossierNumber, scheme: AidScheme, on date: CalendarDate, agent: String,
                            createdAt: Date) throws(ValidationErrors) -> AidDossier {
        var d = AidDossier(number: number, plhAction: plhAction ?? scheme.primaryAction, applicant: applicant,
                           property: property, facts: facts ?? DossierFacts(), requestedAmount: requestedAmount, createdAt: createdAt)
        d.timeline.append(StatusChange(from: nil, to: .draft, date: date, agent: agent))
        var errors = d.validate()
        if !scheme.actions.contains(d.plhAction) {
            errors.append(ValidationError(field: "plhAction",
                "l'action \(d.plhAction) ne relève pas du dispositif \(scheme.code) (actions \(scheme.actions.map(String.init).joined(separator: ", ")))"))
        }
        if !scheme.applicants.contains(applicant.kind) {
            errors.append(ValidationError(field: "applicant.kind",
                "le dispositif \(scheme.code) est réservé aux demandeurs : \(scheme.applicants.map(\.label).joined(separator: ", "))"))
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        d.computedAmount = scheme.computeAmount(for: d).total
        return d
    }

    /// Decodes a draft from JSON; a decoding failure becomes an error naming the key path.
    public static func decode(_ data: Data) throws(ValidationError) -> DossierDraft {
        do { return try JSONDecoder().decode(DossierDraft.self, from: data) } catch let e as DecodingError {
            throw DecodingProblem.validationError(e)
        } catch {
            throw ValidationError(field: "", "JSON illisible : \(error)")
        }
    }
}

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
            return ValidationError(field: path(ctx.codingPath), "type inattendu (attendu : \(expected(type)))")
        case let .dataCorrupted(ctx):
            if ctx.codingPath.isEmpty { return ValidationError(field: "", "JSON invalide : \(ctx.underlyingError.map { "\($0.localizedDescription)" } ?? ctx.debugDescription)") }
            let message = ctx.debugDescription.hasPrefix("Cannot initialize") ? "valeur non reconnue" : ctx.debugDescription
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
        case is [Any].Type: return "liste"
        default: return type == [String: Any].self ? "objet" : "\(type)"
        }
    }
}
