import Foundation
import GuichetCore

/// One field of the programme form: its French label, the text it starts with, a hint on the
/// value's quality, and how a changed text is written back (only changed fields are written, so
/// a doubtful or unreadable value the agent did not touch keeps the source's text).
struct ProgrammeFormField<P> {
    let label: String
    let text: (P) -> String
    let hint: (P) -> String?
    let apply: (inout P, String) throws -> Void
}

/// A French message naming the field, for a typed value that cannot be stored.
struct FormFieldError: Error, CustomStringConvertible {
    let field: String
    let message: String
    var description: String { "\(field) : \(message)" }
}

enum ProgrammeFormFields {
    typealias T = SourceValueText

    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }

    /// A text typed for a value the source may leave unknown: blank, a value, or anything else
    /// kept as the unknown's raw text ("?", "voir 2024").
    private static func source<V>(_ text: String, _ parse: (String) -> V?) -> SourceValue<V> {
        let t = trimmed(text)
        if t.isEmpty { return .blank }
        if let v = parse(t) { return .known(v, raw: t) }
        return SourceValue(value: nil, raw: t)
    }

    static func count<P>(_ label: String, _ path: WritableKeyPath<P, SourceValue<Int>>, year: Bool = false) -> ProgrammeFormField<P> {
        let format = year ? T.year : T.count
        return ProgrammeFormField(label: label, text: { T.field($0[keyPath: path], format) }, hint: { T.hint($0[keyPath: path]) }) { p, text in
            let v: SourceValue<Int> = source(text) { FrenchNumber.parseDecimal($0, scale: 0).map { Int($0) } }
            if let n = v.value, n < 0 { throw FormFieldError(field: label, message: "un nombre ne peut pas être négatif") }
            if year, let y = v.value, !(1950...2100).contains(y) {
                throw FormFieldError(field: label, message: "année invraisemblable (\(y))")
            }
            p[keyPath: path] = v
        }
    }

    static func money<P>(_ label: String, _ path: WritableKeyPath<P, SourceValue<Money>>) -> ProgrammeFormField<P> {
        ProgrammeFormField(label: label, text: { T.field($0[keyPath: path], T.money) }, hint: { T.hint($0[keyPath: path]) }) { p, text in
            let v: SourceValue<Money> = source(text) { FrenchNumber.parseMoney($0) }
            if let m = v.value, m.isNegative { throw FormFieldError(field: label, message: "un montant ne peut pas être négatif") }
            p[keyPath: path] = v
        }
    }

    /// An enumerated value typed as its French label (or code); other text stays unknown.
    static func choice<P, V: CaseIterable & Hashable & Sendable & Codable>(
        _ label: String, _ path: WritableKeyPath<P, SourceValue<V>>, _ name: @escaping (V) -> String
    ) -> ProgrammeFormField<P> {
        let choices = V.allCases.map(name).joined(separator: ", ")
        return ProgrammeFormField(label: label, text: { T.field($0[keyPath: path], name) },
                                  hint: { T.hint($0[keyPath: path]).map { "\($0) — valeurs : \(choices)" } }) { p, text in
            p[keyPath: path] = source(text) { t in
                V.allCases.first { ProgrammeQuery.fold(name($0)) == ProgrammeQuery.fold(t) }
            }
        }
    }

    static func text<P>(_ label: String, _ path: WritableKeyPath<P, String>, required: Bool = true) -> ProgrammeFormField<P> {
        ProgrammeFormField(label: label, text: { $0[keyPath: path] }, hint: { _ in nil }) { p, text in
            let t = trimmed(text)
            if required && t.isEmpty { throw FormFieldError(field: label, message: "obligatoire") }
            p[keyPath: path] = t
        }
    }

    static func optionalText<P>(_ label: String, _ path: WritableKeyPath<P, String?>) -> ProgrammeFormField<P> {
        ProgrammeFormField(label: label, text: { $0[keyPath: path] ?? "" }, hint: { _ in nil }) { p, text in
            let t = trimmed(text)
            p[keyPath: path] = t.isEmpty ? nil : t
        }
    }

    /// The landlord as spelled; resolved again through the directory when changed.
    static func landlord<P: ProgrammeLandlordEditable>(_ directory: @escaping () -> LandlordDirectory?) -> ProgrammeFormField<P> {
        ProgrammeFormField(label: "Bailleur", text: { $0.landlordName },
                           hint: { $0.landlordId == nil ? "bailleur inconnu de l'annuaire : ajouter un alias" : nil }) { p, text in
            let t = trimmed(text)
            if t.isEmpty { throw FormFieldError(field: "Bailleur", message: "obligatoire") }
            p.landlordName = t
            p.landlordId = directory()?.match(t)?.id
        }
    }

    static func construction(directory: @escaping () -> LandlordDirectory?) -> [ProgrammeFormField<ConstructionProgramme>] {
        [
            text("Commune", \.commune), text("Programme", \.name), landlord(directory),
            count("Année de financement", \.financingYear, year: true),
            count("PLUS", \.plus), count("PLAI", \.plai), count("dont PLAI adapté", \.plaiAdapte), count("PLS", \.pls),
            count("Total (tel que donné)", \.totalAsGiven),
            money("Subvention État", \.stateSubsidy), money("Subvention EPCI", \.epciSubsidy),
            choice("MOD / VEFA", \.projectManagement, \.label), choice("Neuf / acquisition-amélioration", \.worksKind, \.label),
            count("T1", \.typologies.t1), count("T2", \.typologies.t2), count("T3", \.typologies.t3),
            count("T4", \.typologies.t4), count("T5 et plus", \.typologies.t5Plus),
            optionalText("Statut", \.status),
        ]
    }

    static func rehabilitation(directory: @escaping () -> LandlordDirectory?) -> [ProgrammeFormField<RehabilitationProgramme>] {
        [
            text("Commune", \.commune), text("Programme", \.name), landlord(directory),
            optionalText("Type d'opération", \.operationType),
            count("Année de financement", \.financingYear, year: true), count("Logements", \.dwellings),
            choice("Statut", \.status, \.label),
            money("Subvention État", \.stateSubsidy), money("Subvention EPCI", \.epciSubsidy),
            choice("Étiquette avant travaux", \.labelBefore, \.rawValue), choice("Étiquette après travaux", \.labelAfter, \.rawValue),
        ]
    }
}

/// Programmes whose landlord the form edits.
protocol ProgrammeLandlordEditable {
    var landlordName: String { get set }
    var landlordId: String? { get set }
}
extension ConstructionProgramme: ProgrammeLandlordEditable {}
extension RehabilitationProgramme: ProgrammeLandlordEditable {}
