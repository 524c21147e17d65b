import GuichetCore

/// How the Bilan de la CIA view writes figures: "496 / 1 708 = 29,04 %", "publié 22,83 % ≠".
enum CIAReviewText {
    static func rate(_ bp: Int) -> String { FrenchFormat.percent(Percentage(basisPoints: bp), decimals: 2) }

    /// "25 %", "100 %", "24,50 %".
    static func objective(_ p: Percentage) -> String { FrenchFormat.percent(p, decimals: p.basisPoints % 100 == 0 ? 0 : 2) }

    static func headlineValue(_ v: Int?, _ unit: AgglomerationHeadline.Unit) -> String {
        guard let v else { return "—" }
        return unit == .count ? FrenchFormat.integer(v) : rate(v)
    }

    /// A cell of the headline table: the computed figure, then the published one below it.
    static func headlineCell(_ c: ComparedValue, _ unit: AgglomerationHeadline.Unit) -> String {
        if c.computed == nil && c.published == nil { return "" }
        return headlineValue(c.computed, unit) + (publishedLine(c, unit).map { "\n" + $0 } ?? "")
    }

    /// The second line of a headline cell: "publié 22,83 % ≠"; nil when nothing was published.
    static func publishedLine(_ c: ComparedValue, _ unit: AgglomerationHeadline.Unit) -> String? {
        c.published.map { "publié \(headlineValue($0.value, unit))" + (c.differs ? " ≠" : "") }
    }

    /// "496 / 1 708 = 29,04 %"; "aucune" without allocations.
    static func figure(_ f: ObligationFigure?) -> String {
        guard let f, f.denominator > 0 else { return "aucune" }
        return "\(FrenchFormat.integer(f.numerator)) / \(FrenchFormat.integer(f.denominator))" + (f.share.map { " = " + rate($0.basisPoints) } ?? "")
    }

    /// "publié 19,02 % ≠" beside a computed share, "" when nothing was published.
    static func published(_ p: PublishedValue?, computed: Percentage?) -> String {
        guard let p else { return "" }
        return "publié \(rate(p.value))" + (computed.map { $0.basisPoints != p.value ? " ≠" : "" } ?? "")
    }

    /// The unknown facts of a year for the agglomeration, in one sentence; nil when none.
    static func unknowns(_ i: AllocationIndicators) -> String? {
        let outside = i.figure(.outsideQPVFirstQuartile, .included), inside = i.figure(.inQPVAboveFirstQuartile, .included)
        let resources = (outside?.unknownResources ?? 0) + (inside?.unknownResources ?? 0)
        let priority = i.figure(.priority, .included)?.unknownPriority ?? 0
        var parts: [String] = []
        if i.unknownQPV > 0 { parts.append("\(i.unknownQPV) sans situation QPV (dans aucune part QPV, jamais comptée hors QPV)") }
        if i.unknownTransfer > 0 { parts.append("\(i.unknownTransfer) sans indication de mutation (hors des parts « hors mutations »)") }
        if resources > 0 { parts.append("\(resources) sans ressources ni quartile (dans aucun quartile)") }
        if priority > 0 { parts.append("\(priority) sans indication de priorité (non comptée(s) prioritaire(s))") }
        return parts.isEmpty ? nil : "\(i.year) : " + parts.joined(separator: " ; ") + "."
    }
}
