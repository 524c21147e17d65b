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
        try InputJSON.decode(DossierDraft.self, from: data)
    }
}
