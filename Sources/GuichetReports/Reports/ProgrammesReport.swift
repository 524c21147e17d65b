import GuichetCore

/// `programmes`: the programme tables of brief §6.1, computed through `ProgrammeSummary`:
/// construction per financing year by product with PLAI and T1-T2 shares, by commune,
/// subsidies, rehabilitation with subsidies and energy-label transitions, and a chart. Financed
/// programmes only in those sections; forecasts apart, with the overall total, as the review
/// keeps "TOTAL FINANCES" and "TOTAL PREVISIONS" apart.
public enum ProgrammesReport {
    public static func document(context: ReportContext, construction: [ConstructionProgramme],
                                rehabilitation: [RehabilitationProgramme], period: String? = nil) -> ReportDocument {
        let built = construction.filter { $0.effectivePeriod == .financed }
        let renovated = rehabilitation.filter { $0.effectivePeriod == .financed }
        var sections = [constructionSection(ProgrammeSummary.construction(built), built)]
        if !renovated.isEmpty { sections.append(rehabilitationSection(ProgrammeSummary.rehabilitation(renovated))) }
        if construction.count > built.count || rehabilitation.count > renovated.count {
            sections.append(forecastSection(ProgrammeSummary.construction(construction), ProgrammeSummary.rehabilitation(rehabilitation)))
        }
        return context.document(title: "Programmes de logement social",
                                subtitle: "Production financée et réhabilitations" + (period.map { " — \($0)" } ?? ""),
                                sections: sections, orientation: .landscape)
    }

    static func yearLabel(_ y: Int?) -> String { y.map(String.init) ?? "année inconnue" }

    // MARK: Construction

    static func constructionSection(_ s: ConstructionSummary, _ programmes: [ConstructionProgramme]) -> ReportSection {
        let byYear = yearTable(
            s, name: "Production financée par année et par produit",
            columns: [ReportColumn("Année", .text, width: 8), ReportColumn("Programmes", .integer),
                      ReportColumn("PLUS", .integer, width: 7), ReportColumn("PLAI", .integer, width: 7),
                      ReportColumn("dont PLAI adapté", .integer, width: 8), ReportColumn("PLS", .integer, width: 7),
                      ReportColumn("Total logements", .integer, width: 9),
                      ReportColumn("Part PLAI (PLUS+PLAI)", .percent), ReportColumn("Part PLAI (tous produits)", .percent),
                      ReportColumn("Logements T1-T2", .integer, width: 9), ReportColumn("Part T1-T2", .percent),
                      ReportColumn("Part T1-T3", .percent)]) { l in
            [.integer(l.programmes), Cells.count(l.plus), Cells.count(l.plai), Cells.count(l.plaiAdapte),
             Cells.count(l.pls), Cells.count(l.total), Cells.share(l.plaiShareOfPlusPlai), Cells.share(l.plaiShareOfAll),
             Cells.count(l.t1t2), Cells.share(l.t1t2Share), Cells.share(l.t1t3Share)]
        }
        let money = subsidiesTable(s, name: "Subventions de la production par année", yearWidth: 8)

        func communeRow(_ label: String, _ l: ConstructionSummaryLine) -> [ReportCell] {
            [.text(label), .integer(l.programmes), Cells.count(l.plus), Cells.count(l.plai), Cells.count(l.pls),
             Cells.count(l.total), Cells.share(l.plaiShareOfPlusPlai), .money(l.stateSubsidy), .money(l.epciSubsidy)]
        }
        let communes = Dictionary(grouping: programmes) { $0.commune.trimmingCharacters(in: .whitespaces).uppercased() }
        let communeRows = communes.keys.sorted { DossierQuery.fold($0) < DossierQuery.fold($1) }.map { name in
            communeRow(name, ProgrammeSummary.construction(communes[name]!).total)
        }
        let t = s.total
        let byCommune = ReportTable(
            name: "Production financée par commune",
            columns: [ReportColumn("Commune", .text, width: 26), ReportColumn("Programmes", .integer),
                      ReportColumn("PLUS", .integer, width: 7), ReportColumn("PLAI", .integer, width: 7),
                      ReportColumn("PLS", .integer, width: 7), ReportColumn("Total logements", .integer, width: 9),
                      ReportColumn("Part PLAI (PLUS+PLAI)", .percent), ReportColumn("Subvention État", .money, width: 16),
                      ReportColumn("Subvention EPCI", .money, width: 16)],
            rows: communeRows,
            totals: [communeRow("Total", t)])

        let known = s.years.filter { $0.year != nil }
        let chart = ReportChart(title: "Logements financés par année et par produit", unit: .count,
                                categories: known.map { yearLabel($0.year) },
                                series: [.init(name: "PLUS", values: known.map { Int64($0.plus ?? 0) }),
                                         .init(name: "PLAI", values: known.map { Int64($0.plai ?? 0) }),
                                         .init(name: "PLS", values: known.map { Int64($0.pls ?? 0) })])
        var notes = ["Parts PLAI : PLAI rapporté à PLUS + PLAI (objectif d'au moins 30 % par programme), puis à l'ensemble des produits. "
                     + "« n.c. » : donnée non communiquée par la source."]
        if t.programmesWithTypologies == 0 {
            notes.append("Typologies non communiquées par la source : parts T1-T2 et T1-T3 non calculées.")
        } else if t.programmesWithTypologies < t.programmes {
            notes.append("Typologies : les parts T1-T2 et T1-T3 ne portent que sur les "
                         + FrenchWords.count(t.programmesWithTypologies, "programme") + " sur \(FrenchFormat.integer(t.programmes)) dont toutes les typologies sont connues.")
        }
        let unknown = t.unknownCells.values.reduce(0, +)
        if unknown > 0 || t.doubtfulCells > 0 {
            notes.append("Cellules vides ou illisibles non comptées : \(FrenchFormat.integer(unknown)) ; valeurs douteuses de la source : \(FrenchFormat.integer(t.doubtfulCells)).")
        }
        return ReportSection(heading: "1. Production neuve et acquisition-amélioration", paragraphs: notes,
                             tables: [byYear, money, byCommune], chart: chart)
    }

    // MARK: Rehabilitation

    static func rehabilitationSection(_ s: RehabilitationSummary) -> ReportSection {
        let byYear = subsidiesTable(s, name: "Réhabilitations financées par année", yearWidth: 12)
        let labels = ReportTable(
            name: "Étiquettes énergétiques avant et après travaux",
            columns: [ReportColumn("Étiquette avant", .text, width: 12), ReportColumn("Étiquette après", .text, width: 12),
                      ReportColumn("Programmes", .integer), ReportColumn("Logements", .integer)],
            rows: s.total.labelTransitions.map { [.text($0.before?.rawValue ?? "inconnue"), .text($0.after?.rawValue ?? "inconnue"),
                                                  .integer($0.programmes), .integer($0.dwellings)] },
            totals: [[.text("Total"), .empty, .integer(s.total.programmes), Cells.count(s.total.dwellings)]])
        return ReportSection(heading: "2. Réhabilitation du parc social",
                             paragraphs: ["Logements : effectifs connus ; les cellules illisibles de la source (« voir 2024 », « ? ») ne sont pas additionnées."],
                             tables: [byYear, labels])
    }

    // MARK: Forecasts

    /// Forecasts per year for each kind, then financed, forecast and overall lines side by side.
    static func forecastSection(_ c: ConstructionSummary, _ r: RehabilitationSummary) -> ReportSection {
        var tables: [ReportTable] = []
        if c.forecast.total.programmes > 0 {
            tables.append(subsidiesTable(c.forecast, name: "Production en prévision par année", yearWidth: 8))
        }
        if r.forecast.total.programmes > 0 {
            tables.append(subsidiesTable(r.forecast, name: "Réhabilitations en prévision par année", yearWidth: 12))
        }
        func row<Line: ProgrammeSummaryLine>(_ label: String, _ l: Line) -> [ReportCell] {
            [.text(label), .integer(l.programmes), Cells.count(l.dwellings), .money(l.stateSubsidy), .money(l.epciSubsidy)]
        }
        var rows: [[ReportCell]] = []
        if c.total.programmes > 0 {
            rows += [row("Production financée", c.financed.total), row("Production en prévision", c.forecast.total),
                     row("Production, ensemble", c.total)]
        }
        if r.total.programmes > 0 {
            rows += [row("Réhabilitations financées", r.financed.total), row("Réhabilitations en prévision", r.forecast.total),
                     row("Réhabilitations, ensemble", r.total)]
        }
        tables.append(ReportTable(
            name: "Financés, prévisions et ensemble",
            columns: [ReportColumn("Programmes", .text, width: 26), ReportColumn("Nombre", .integer),
                      ReportColumn("Logements", .integer), ReportColumn("Subvention État", .money, width: 16),
                      ReportColumn("Subvention EPCI", .money, width: 16)],
            rows: rows, totals: []))
        return ReportSection(heading: "3. Prévisions",
                             paragraphs: ["Programmes en prévision (statut « à financer », bloc « prévisions » du tableau importé) : "
                                          + "comptés à part des programmes financés, comme dans le bilan de la CIA."],
                             tables: tables)
    }

    // MARK: Both kinds

    /// A table with a row per financing year and a total row, each led by its year label.
    static func yearTable<Line>(_ s: YearlySummary<Line>, name: String, columns: [ReportColumn],
                                cells: (Line) -> [ReportCell]) -> ReportTable {
        yearTable(PeriodSummary(years: s.years, total: s.total), name: name, columns: columns, cells: cells)
    }

    static func yearTable<Line>(_ s: PeriodSummary<Line>, name: String, columns: [ReportColumn],
                                cells: (Line) -> [ReportCell]) -> ReportTable {
        ReportTable(name: name, columns: columns,
                    rows: s.years.map { [.text(yearLabel($0.year))] + cells($0) },
                    totals: [[.text("Total")] + cells(s.total)])
    }

    /// Programmes, dwellings and subsidies per financing year, for either kind of programme.
    static func subsidiesTable<Line>(_ s: YearlySummary<Line>, name: String, yearWidth: Int) -> ReportTable {
        subsidiesTable(PeriodSummary(years: s.years, total: s.total), name: name, yearWidth: yearWidth)
    }

    static func subsidiesTable<Line>(_ s: PeriodSummary<Line>, name: String, yearWidth: Int) -> ReportTable {
        yearTable(s, name: name,
                  columns: [ReportColumn("Année", .text, width: yearWidth), ReportColumn("Programmes", .integer),
                            ReportColumn("Logements", .integer), ReportColumn("Subvention État", .money, width: 16),
                            ReportColumn("Subvention EPCI", .money, width: 16),
                            ReportColumn("Total des subventions", .money, width: 16)]) { l in
            [.integer(l.programmes), Cells.count(l.dwellings), .money(l.stateSubsidy), .money(l.epciSubsidy),
             .money(l.stateSubsidy + l.epciSubsidy)]
        }
    }
}
