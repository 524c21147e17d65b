import Foundation
import GuichetCore

/// What the dossier form sends with a save or an action: the scheme and kind of applicant chosen,
/// the text of every field it shows, and the checklist of supporting documents as shown (nil: not
/// received). The use cases apply it in their write transaction over the dossier as stored
/// (`DossierFormModel`), so only what the agent changed is written.
public struct DossierFormInput: Sendable, Equatable {
    public var schemeCode: String
    public var applicantKind: ApplicantKind
    public var texts: [DossierField: String]
    public var documents: [String: SupportingDocument?]

    public init(schemeCode: String, applicantKind: ApplicantKind, texts: [DossierField: String],
                documents: [String: SupportingDocument?] = [:]) {
        self.schemeCode = schemeCode
        self.applicantKind = applicantKind
        self.texts = texts
        self.documents = documents
    }

    /// The form's input unchanged for a dossier (what "open, save without change" sends).
    public static func showing(_ d: AidDossier, scheme: AidScheme) -> DossierFormInput {
        var documents: [String: SupportingDocument?] = [:]
        for requirement in scheme.documents { documents[requirement.id] = .some(d.document(requirement.id)) }
        let fields = DossierField.fields(for: scheme, applicant: d.applicant.kind)
        let all = DossierFormModel.texts(of: d)
        return DossierFormInput(schemeCode: d.schemeCode, applicantKind: d.applicant.kind,
                                texts: all.filter { fields.contains($0.key) }, documents: documents)
    }

    /// Applies the input over `base` (see `DossierFormModel.build`).
    public func result(over base: AidDossier, scheme: AidScheme) -> DossierFormModel.Result {
        DossierFormModel(scheme: scheme, applicantKind: applicantKind).build(texts: texts, documents: documents, over: base)
    }
}

extension DossierFormModel {
    /// The empty dossier a new form starts from: the scheme's first kind of applicant (a named
    /// applicant for a household), its first PLH action, a number to be given at the save.
    public static func blank(scheme: AidScheme, kind: ApplicantKind? = nil, year: Int, createdAt: Date) -> AidDossier {
        let kind = kind ?? scheme.applicants.first ?? .household
        let applicant = kind.isOrganisation
            ? Applicant(kind: kind, organisation: Organisation(name: ""))
            : Applicant(kind: kind, household: Household(members: [HouseholdMember(lastName: "", firstName: "", role: .applicant)]))
        return AidDossier(number: DossierNumber(year: year, scheme: scheme.code, sequence: 1), plhAction: scheme.primaryAction,
                          applicant: applicant, property: Property(address: "", postcode: "", commune: "", inseeCode: ""),
                          createdAt: createdAt)
    }
}

/// A form that cannot be saved: one French message per field, and those of no field.
public struct InvalidForm: Error, CustomStringConvertible, Sendable, Equatable {
    public var errors: [DossierField: String]
    public var otherErrors: [String]

    public init(_ result: DossierFormModel.Result) { errors = result.errors; otherErrors = result.otherErrors }

    public var description: String {
        "Le dossier comporte des erreurs :\n"
            + (errors.sorted { $0.key.label < $1.key.label }.map { "  \($0.key.label) : \($0.value)" } + otherErrors.map { "  \($0)" })
                .joined(separator: "\n")
    }
}
