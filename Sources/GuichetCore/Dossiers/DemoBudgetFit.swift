/// Makes the demonstration's budget look like a real year, so that screens and screenshots show
/// every state: most envelopes committed at 85-98 % by the end of a year (and in proportion of the
/// year elapsed for the current one), one overspent with a confirmed reason (unfit housing, LHI),
/// one left under-consumed (private renovation works, PIG, whose envelope is the largest). The
/// generator draws its dossiers without counting money; this pass walks the grants in date order
/// and turns those past an envelope's share into what happens then at a counter: the dossier waits
/// in « en instruction » for next year's envelope, or was refused in a closed year.
enum DemoBudgetFit {
    /// Percent of an envelope committed at the end of a year. Schemes absent here (PIG) are not
    /// capped: the demo never draws enough of them, which is the under-consumed envelope.
    static let yearEndShare: [String: Int] = [
        "PSV": 97, "PLV": 96, "LCO": 95, "RHS": 97, "ACC": 98, "PRL": 97, "BSE": 95, "PSS": 98,
        "LHI": overspent, "INN": 96, "COL": 100,
    ]
    /// The overspent envelope's share, reached early in the year (an urgent case does not wait).
    static let overspent = 112
    static let refusal = "Enveloppe annuelle épuisée."
    static let overspend = "Dépassement validé par le bureau communautaire (situation d’urgence)."

    static func apply(_ dossiers: inout [AidDossier], schemes catalog: SchemeCatalog, reference: CalendarDate) {
        let granted = dossiers.indices.filter { dossiers[$0].grant != nil }
            .sorted { (dossiers[$0].grant!.date, dossiers[$0].number) < (dossiers[$1].grant!.date, dossiers[$1].number) }
        var committed: [String: Money] = [:]
        for index in granted {
            let d = dossiers[index]
            guard let grant = d.grant, let scheme = catalog.scheme(code: d.schemeCode) else { continue }
            let owner = scheme.envelope.fromScheme ?? scheme.code
            guard let ownerScheme = catalog.scheme(code: owner), let share = yearEndShare[owner] else { continue }
            // A period envelope (COL) is one pot for every year; a yearly one is the year's.
            let periodOnly = ownerScheme.envelope.amount(year: grant.envelopeYear) == nil
            guard let envelope = ownerScheme.envelope.amount(year: grant.envelopeYear) ?? ownerScheme.envelope.period else { continue }
            let key = periodOnly ? owner : "\(owner) \(grant.envelopeYear)"
            var target = envelope.cents * Int64(share) / 100
            if !periodOnly, grant.envelopeYear == reference.year, share != overspent {
                target = target * Int64(BudgetLedger.elapsed(year: reference.year, on: reference).basisPoints) / 10_000
            }
            let held = d.committedAmount
            let before = committed[key] ?? .zero
            if (before + held).cents <= target {
                committed[key] = before + held
                if (before + held).cents > envelope.cents { dossiers[index].grant?.overspendReason = overspend }
            } else {
                dossiers[index] = withoutGrant(d, closedYear: grant.date.year < reference.year)
            }
        }
    }

    /// The dossier as it stood before its grant: still « en instruction », or refused then.
    static func withoutGrant(_ d: AidDossier, closedYear: Bool) -> AidDossier {
        var out = d
        guard let grant = d.grant, let review = d.timeline.lastIndex(where: { $0.to == .underReview }) else { return d }
        out.timeline = Array(d.timeline[...review])
        out.grant = nil
        out.payments = []
        out.antiSpeculation = nil
        out.coFunding = []
        out.closure = nil
        out.status = .underReview
        if closedYear {
            let agent = d.timeline[review].agent
            out.closure = DossierClosure(status: .refused, date: grant.date, agent: agent, reason: refusal, released: nil)
            out.timeline.append(StatusChange(from: .underReview, to: .refused, date: grant.date, agent: agent, comment: refusal))
            out.status = .refused
        }
        out.updatedAt = DemoDossiers.date(out.timeline.last!.date)
        return out
    }
}
