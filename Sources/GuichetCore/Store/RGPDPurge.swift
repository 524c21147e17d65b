/// The RGPD purge (brief §9) as the service runs it on a shared base: closed dossiers anonymised
/// by chunks, each chunk its own short transaction, so that the other agents' windows and scripts
/// never wait more than a moment for the write lock, whatever the size of the base. Each dossier
/// is anonymised whole or not at all; a purge that is interrupted leaves no half-anonymised
/// dossier, and the next run finishes it. Then the struck-off requests, then the search indexes.
public enum RGPDPurge {
    /// Dossiers per transaction: about a tenth of a second of writing each.
    public static let chunk = 100

    public struct Outcome: Sendable, Equatable {
        public var anonymisedDossiers: Int
        public var purgedRequests: Int
    }

    public static func run(_ store: any GuichetStore, dossiersClosedBefore: CalendarDate, requestsStruckOffBefore: CalendarDate,
                           on today: CalendarDate, chunk: Int = chunk) throws -> Outcome {
        // The due list is read once; each chunk checks again that its dossiers are still due.
        let due = try store.read { try $0.dossiersDueForAnonymisation(closedBefore: dossiersClosedBefore) }.map(\.key)
        var anonymised = 0
        for start in stride(from: 0, to: due.count, by: chunk) {
            let keys = Array(due[start..<min(due.count, start + chunk)])
            anonymised += try store.write { try $0.anonymiseDossiers(keys, closedBefore: dossiersClosedBefore, on: today) }
        }
        let purged = try store.write { try $0.purgeStruckOffRequests(before: requestsStruckOffBefore) }
        // Also when nothing was due: a rerun compacts what an interrupted run could not.
        try store.write { try $0.compactAfterRGPDPurge() }
        return Outcome(anonymisedDossiers: anonymised, purgedRequests: purged)
    }
}
