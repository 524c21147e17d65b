import Foundation
import GuichetCore

/// Consistency of landlords, programmes and conventions. A figure of the source that does not
/// add up (total ≠ PLUS + PLAI + PLS, stock ≠ sum of its parts) is kept as given and only counted;
/// a reference to a landlord the database does not hold is a problem.
public enum ProgrammeInvariants {
    public static func problems(in s: any StoreSession) throws -> [String] {
        let ids = Set(try s.landlords().map(\.id))
        var out: [String] = []
        func check<P: ProgrammeListFields>(_ rows: [ProgrammeRow<P>], _ label: String) {
            for r in rows {
                if let id = r.record.programme.landlordId, !ids.contains(id) {
                    out.append("Programme de \(label) « \(r.record.key) » : bailleur « \(id) » absent de la base")
                }
                if r.record.version < 1 { out.append("Programme de \(label) « \(r.record.key) » : version \(r.record.version) invalide") }
            }
        }
        check(try s.constructionPage(ProgrammeQuery(kind: .construction), rules: nil).rows, "construction")
        check(try s.rehabilitationPage(ProgrammeQuery(kind: .rehabilitation)).rows, "réhabilitation")
        for c in try s.conventions() where !ids.contains(c.landlordId) {
            out.append("Convention du bailleur « \(c.landlordId) » absent de la base")
        }
        return out
    }

    public static func counts(in s: any StoreSession) throws -> [String: Int] {
        let construction = try s.allConstruction(), rehabilitation = try s.allRehabilitation()
        let landlords = try s.landlords()
        let sourceInconsistencies = construction.filter(\.totalDisagreesWithParts).count
            + ConventionReview.inconsistencies(try s.conventions(), landlords: landlords).count
        return [
            "bailleurs": landlords.count,
            "programmes de construction": construction.count,
            "programmes de réhabilitation": rehabilitation.count,
            "programmes sans bailleur reconnu": (construction.map(\.landlordId) + rehabilitation.map(\.landlordId)).filter { $0 == nil }.count,
            "communes renseignées": try s.communeFacts().count,
            "conventions": try s.conventions().count,
            "incohérences de source signalées (non bloquantes)": sourceInconsistencies,
        ]
    }
}
