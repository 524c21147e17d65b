import GuichetCore

/// `conventions`: per landlord and year, objective / result / gap of each commitment
/// (brief §6.2), missed targets marked. Built from `ConventionReview` lines.
public enum ConventionsReport {
    /// `landlordNames`: id → name as the directory spells it (the id is shown when unknown).
    public static func document(context: ReportContext, lines: [ReviewLine], landlordNames: [String: String],
                                year: Int? = nil) -> ReportDocument {
        let kept = lines.filter { year == nil || $0.year == year }
        func name(_ id: String) -> String { landlordNames[id] ?? id }
        let sorted = kept.sorted {
            (DossierQuery.fold(name($0.landlordId)), $0.year, indicatorOrder($0.indicator))
                < (DossierQuery.fold(name($1.landlordId)), $1.year, indicatorOrder($1.indicator))
        }
        let withResult = sorted.filter(\.hasResult)
        let shares = withResult.filter(\.indicator.isShare), counts = withResult.filter { !$0.indicator.isShare }
        func verdict(_ l: ReviewLine) -> ReportCell {
            guard l.hasResult else { return .text("sans résultat") }
            return .text(l.missed ? "✗ NON ATTEINT" : "atteint")
        }
        let source: (ReviewLine) -> ReportCell = {
            switch $0.resultSource {
            case .entered: .text("saisi")
            case .derivedFromProgrammes: .text("programmes")
            case .none: .text("—")
            }
        }
        var tables: [ReportTable] = []
        if !shares.isEmpty {
            tables.append(ReportTable(
                name: "Attributions : objectifs et résultats (part des attributions)",
                columns: [ReportColumn("Bailleur", .text, width: 26), ReportColumn("Année", .text, width: 6),
                          ReportColumn("Engagement", .text, width: 36), ReportColumn("Objectif", .percent),
                          ReportColumn("Résultat", .percent), ReportColumn("Écart (points)", .percent),
                          ReportColumn("Objectif atteint", .text, width: 13)],
                rows: shares.map { l in
                    [.text(name(l.landlordId)), .text(String(l.year)), .text(l.indicator.label), .percent(Percentage(basisPoints: l.objective)),
                     l.result.map { .percent(Percentage(basisPoints: $0)) } ?? .text("—"),
                     l.gap.map { .percent(Percentage(basisPoints: $0)) } ?? .text("—"), verdict(l)]
                }))
        }
        if !counts.isEmpty {
            tables.append(ReportTable(
                name: "Production, réhabilitation et ventes : objectifs et résultats (logements)",
                columns: [ReportColumn("Bailleur", .text, width: 26), ReportColumn("Année", .text, width: 6),
                          ReportColumn("Engagement", .text, width: 30), ReportColumn("Objectif", .integer),
                          ReportColumn("Résultat", .integer), ReportColumn("Écart", .integer),
                          ReportColumn("Source du résultat", .text, width: 11), ReportColumn("Objectif atteint", .text, width: 13)],
                rows: counts.map { l in
                    [.text(name(l.landlordId)), .text(String(l.year)), .text(l.indicator.label), .integer(l.objective),
                     l.result.map { .integer($0) } ?? .text("—"), l.gap.map { .integer($0) } ?? .text("—"), source(l), verdict(l)]
                }))
        }
        // Per landlord: how many commitments were reviewed and how many missed.
        let landlords = Dictionary(grouping: kept, by: \.landlordId)
        let summary = ReportTable(
            name: "Synthèse par bailleur",
            columns: [ReportColumn("Bailleur", .text, width: 30), ReportColumn("Engagements suivis", .integer),
                      ReportColumn("Avec résultat", .integer), ReportColumn("Non atteints", .integer),
                      ReportColumn("Part non atteinte", .percent)],
            rows: landlords.keys.sorted { DossierQuery.fold(name($0)) < DossierQuery.fold(name($1)) }.map { id in
                let ls = landlords[id]!, with = ls.filter(\.hasResult).count, missed = ls.filter(\.missed).count
                return [.text(name(id)), .integer(ls.count), .integer(with), .integer(missed), Cells.share(Percentage.ratio(missed, of: with)).orDash]
            },
            totals: [[.text("Total"), .integer(kept.count), .integer(kept.filter(\.hasResult).count), .integer(kept.filter(\.missed).count),
                      Cells.share(Percentage.ratio(kept.filter(\.missed).count, of: kept.filter(\.hasResult).count)).orDash]])
        let years = Set(kept.map(\.year)).sorted()
        let period = year.map(String.init) ?? (years.isEmpty ? "" : "\(years.first!)-\(years.last!)")
        return context.document(
            title: "Conventions avec les bailleurs sociaux",
            subtitle: "Objectifs, résultats et écarts" + (period.isEmpty ? "" : " — \(period)"),
            sections: [
                ReportSection(heading: "1. Synthèse",
                              paragraphs: ["Chaque objectif est un minimum : un résultat inférieur est marqué « ✗ NON ATTEINT ». "
                                           + "Un engagement sans résultat publié est montré sans être compté comme manqué. "
                                           + "Écarts des parts en points de pourcentage."],
                              tables: [summary]),
                ReportSection(heading: "2. Détail par bailleur et par année",
                              paragraphs: ["Engagements dont le résultat est connu ; " + FrenchWords.count(kept.count - withResult.count, "engagement")
                                           + " sans résultat publié " + (kept.count - withResult.count > 1 ? "ne sont comptés" : "n'est compté")
                                           + " que dans la synthèse."],
                              tables: tables),
            ], orientation: .landscape)
    }

    static func indicatorOrder(_ i: ReviewLine.Indicator) -> Int { ReviewLine.Indicator.allCases.firstIndex(of: i) ?? 0 }
}
