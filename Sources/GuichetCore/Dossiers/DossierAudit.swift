/// The invariants of stored dossiers, checked one dossier at a time so that `guichet check`
/// can stream 100,000 of them: each dossier validates, its money and status agree, its number
/// is unique, its scheme exists and its grant stays within the scheme's cap.
public struct DossierAudit: Sendable {
    public let catalog: SchemeCatalog?
    /// At most this many problems are kept (the count goes on).
    public let keep: Int
    public private(set) var problems: [String] = []
    public private(set) var problemCount = 0
    public private(set) var counts: [DossierStatus: Int] = [:]
    public private(set) var inspected = 0
    private var seen = Set<DossierNumber>()

    public init(catalog: SchemeCatalog?, keep: Int = 200) { self.catalog = catalog; self.keep = keep }

    /// Problems kept, plus a line saying how many more were found.
    public var report: [String] {
        problemCount > problems.count ? problems + ["… et \(problemCount - problems.count) autre(s) problème(s) sur les dossiers"] : problems
    }

    public mutating func inspect(_ d: AidDossier) {
        inspected += 1
        counts[d.status, default: 0] += 1
        if !seen.insert(d.number).inserted { add(d, "numéro en double") }
        for p in Self.problems(of: d, catalog: catalog) { add(d, p) }
    }

    private mutating func add(_ d: AidDossier, _ message: String) {
        problemCount += 1
        if problems.count < keep { problems.append("dossier \(d.number) : \(message)") }
    }

    /// The problems of one dossier, in French; empty when sound.
    public static func problems(of d: AidDossier, catalog: SchemeCatalog?) -> [String] {
        var out = d.validate().map(\.description)
        let granted = d.grantedAmount, paid = d.paidAmount
        if paid > granted && !out.contains(where: { $0.hasPrefix("payments") }) {
            out.append("versé (\(paid)) supérieur à l'accordé (\(granted))")
        }
        out += statusProblems(d)
        if let catalog {
            if let scheme = catalog.scheme(code: d.schemeCode) {
                if let g = d.grant, let max = scheme.computeAmount(for: d).maximum, g.amount > max {
                    out.append("montant accordé (\(g.amount)) supérieur au plafond du dispositif (\(max))")
                }
            } else {
                out.append("dispositif « \(d.schemeCode) » absent du profil du territoire")
            }
        }
        return out
    }

    /// Status and money must tell the same story (soldé ⇔ everything granted is paid).
    static func statusProblems(_ d: AidDossier) -> [String] {
        let granted = d.grantedAmount, paid = d.paidAmount
        var out: [String] = []
        switch d.status {
        case .draft, .submitted, .underReview, .refused, .abandoned:
            if d.grant != nil { out.append("statut « \(d.status.label) » mais une aide est accordée") }
            if !d.payments.isEmpty { out.append("statut « \(d.status.label) » mais des versements sont enregistrés") }
        case .granted:
            if d.grant == nil { out.append("statut « Accordé » sans décision d'octroi") }
            if !d.payments.isEmpty { out.append("statut « Accordé » mais des versements sont enregistrés (attendu « Versé »)") }
        case .partiallyPaid:
            if d.payments.isEmpty { out.append("statut « Versé » sans versement") }
        case .settled:
            if d.grant == nil || paid != granted { out.append("statut « Soldé » mais versé \(paid) pour \(granted) accordés") }
        case .cancelled:
            if d.grant == nil { out.append("statut « Annulé » sans décision d'octroi") }
            if let released = d.closure?.released, released != granted - paid {
                out.append("montant libéré (\(released)) différent de l'accordé non versé (\(granted - paid))")
            }
        }
        if d.status != .settled && d.status != .cancelled && d.grant != nil && paid == granted && granted.cents > 0 {
            out.append("tout est versé mais le statut est « \(d.status.label) » (attendu « Soldé »)")
        }
        if [.refused, .abandoned, .cancelled].contains(d.status) && d.closure == nil {
            out.append("statut « \(d.status.label) » sans date ni motif de clôture")
        }
        return out
    }
}
