import Foundation
import GuichetCore

/// The consistency of stored social-housing requests (`guichet check`, the window).
public enum RequestInvariants {
    /// Every problem, in French, naming the request: a latest score that recomputation with the
    /// same grid version and date does not give; no score at all; a member born after the
    /// request; a struck-off or CAL date before the request; an unknown criterion.
    public static func problems(in s: any StoreSession, profile: TerritoryProfile) throws -> [String] {
        var out: [String] = []
        var batch: [StoredRequest] = []
        // Recomputing every score is the bulk of the work: done in batches on every core.
        func flush() {
            out += batch.concurrentMap { problems(of: $0, grid: profile.cotation) }.flatMap { $0 }
            batch.removeAll(keepingCapacity: true)
        }
        try s.forEachRequest(RequestQuery(includeStruckOff: true)) { stored in
            batch.append(stored)
            if batch.count == 10_000 { flush() }
        }
        flush()
        return out
    }

    public static func problems(of stored: StoredRequest, grid: CotationGrid?) -> [String] {
        var out: [String] = []
        let r = stored.request
        for (i, m) in r.members.enumerated() where m.birthDate > r.requestDate {
            out.append("demande \(r.id) : membre \(i + 1) (\(m.role.frenchLabel)) né le \(FrenchFormat.date(m.birthDate)), après la demande du \(FrenchFormat.date(r.requestDate))")
        }
        if let off = r.struckOffOn, off < r.requestDate {
            out.append("demande \(r.id) : radiée le \(FrenchFormat.date(off)), avant son dépôt")
        }
        if r.calProposals.contains(where: { $0.date < r.requestDate }) {
            out.append("demande \(r.id) : proposition en CAL antérieure à la demande")
        }
        guard let score = stored.score else {
            return out + ["demande \(r.id) : aucune cotation enregistrée"]
        }
        guard let grid, grid.version == score.gridVersion else { return out }
        out += r.validate(against: grid).map { "demande \(r.id) : \($0)" }
        let fresh = CotationEngine.score(r, grid: grid, on: score.computedOn)
        if !score.agrees(with: fresh) {
            out.append("demande \(r.id) : cotation enregistrée de \(score.total) points au \(FrenchFormat.date(score.computedOn)), "
                       + "le recalcul avec la même grille (\(grid.version)) donne \(fresh.total) points")
        }
        return out
    }

    public static func counts(in s: any StoreSession) throws -> [String: Int] {
        ["demandes": try s.countRequests(RequestQuery()),
         "demandes radiées": try s.countRequests(RequestQuery(includeStruckOff: true)) - s.countRequests(RequestQuery()),
         "demandes prioritaires": try s.countRequests(RequestQuery(priorityOnly: true))]
    }
}
