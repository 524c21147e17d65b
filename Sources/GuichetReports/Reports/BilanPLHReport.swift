import GuichetCore

/// `bilan-plh`: the yearly (or whole-period) review of the PLH (brief §3, §8), printed from the
/// one budget calculator (`BudgetOverview`) the screen and `guichet budget` show: the synthesis
/// table with its totals reproduced from the lines, outside-budget lines apart, the other budget
/// lines (subsidies, studies, contracts) with what was committed and paid on them; per scheme the
/// envelope, committed, paid, remaining, averages per dwelling and dossiers by state; per action;
/// and the reconciliation of the envelopes with the PLH's lines.
public enum BilanPLHReport {
    /// With `review`, the review by action follows the money (`PLHReviewReport`: by action in
    /// PDF, as flat tables in ODS and CSV); a mid-term review titles the whole document.
    public static func document(context: ReportContext, plh: PLHProgramme, catalog: SchemeCatalog,
                                figures: [BudgetFigures], lines: [LineFigures] = [], year: Int? = nil,
                                review: PLHReview? = nil) -> ReportDocument {
        let ledger = BudgetLedger(catalog: catalog, plh: plh, figures: figures, lines: lines)
        let overview = BudgetOverview(ledger: ledger, plh: plh, period: year.map { .year($0) } ?? .whole, on: context.producedOn)
        return document(context: context, plh: plh, overview: overview, review: review)
    }

    public static func document(context: ReportContext, plh: PLHProgramme, overview o: BudgetOverview, review: PLHReview? = nil) -> ReportDocument {
        let period = o.year.map { "année \($0)" } ?? "période \(plh.firstYear)-\(plh.lastYear)"
        let columnYear = o.year.map(String.init) ?? "période"
        var sections = [synthesis(plh: plh, overview: o, period: period, columnYear: columnYear)]
        if !o.lines.isEmpty { sections.append(otherLines(o, period: period)) }
        sections += [schemes(o, period: period), actions(o, period: period), reconciliation(o, period: period)]
        if let review { sections += PLHReviewReport.sections(review, numbering: sections.count + 1) }
        let title = review?.kind == .midTerm ? review!.title
            : o.year.map { "Bilan annuel du PLH \($0)" } ?? "Bilan du PLH \(plh.firstYear)-\(plh.lastYear)"
        return context.document(title: title, subtitle: "\(plh.title) — \(period)", sections: sections, orientation: .landscape)
    }

    // MARK: PLH synthesis

    static func synthesis(plh: PLHProgramme, overview o: BudgetOverview, period: String, columnYear: String) -> ReportSection {
        let n = plh.durationYears
        guard let p = o.plh else { return ReportSection(heading: "1. Synthèse budgétaire du PLH") }
        func line(_ l: PLHOverview.Line, _ k: BudgetKind, perYear: Bool) -> ReportCell {
            let x = l.line(k)
            guard let six = x.sixYears else { return .text("—") }
            return x.outside ? .text("hors budget") : .money(perYear ? x.perYear ?? .zero : six)
        }
        let rows: [[ReportCell]] = p.lines.map { l in
            let title = l.budgetNote.map { "\(l.title) (\($0))" } ?? l.title
            return [.integer(l.action), .text(title), line(l, .investment, perYear: false), line(l, .investment, perYear: true),
                    line(l, .operating, perYear: false), line(l, .operating, perYear: true),
                    .money(l.investmentFigures.committedYear), .money(l.operatingFigures.committedYear), .money(l.paidYear)]
        }
        let inv = p.investment, op = p.operating
        let total: [ReportCell] = [.empty, .text("Total du budget du PLH (hors lignes hors budget)"), .money(inv.inside),
                                   .money(inv.insidePerYear), .money(op.inside), .money(op.insidePerYear),
                                   .money(inv.insideFigures.committedYear), .money(op.insideFigures.committedYear),
                                   .money(inv.insideFigures.paidYear + op.insideFigures.paidYear)]
        let table = ReportTable(
            name: "Synthèse budgétaire du PLH par action",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 30),
                      ReportColumn("Investissement \(n) ans", .money, width: 15), ReportColumn("Investissement par an", .money, width: 15),
                      ReportColumn("Fonctionnement \(n) ans", .money, width: 15), ReportColumn("Fonctionnement par an", .money, width: 15),
                      ReportColumn("Engagé invest. (\(columnYear))", .money, width: 15),
                      ReportColumn("Engagé fonct. (\(columnYear))", .money, width: 15),
                      ReportColumn("Versé (\(columnYear))", .money, width: 15)],
            rows: rows, totals: [total])

        var outside: [[ReportCell]] = []
        for l in p.lines {
            for kind in BudgetKind.allCases {
                let x = l.line(kind)
                guard x.outside, let six = x.sixYears else { continue }
                let f = l.figures(kind)
                outside.append([.integer(l.action), .text(l.title), .text(kind.label), .money(six), .money(x.perYear ?? .zero),
                                .money(f.committedYear), .money(f.paidYear)])
            }
        }
        let outsideFigures = [inv.outsideFigures, op.outsideFigures]
        let outsideTable = ReportTable(
            name: "Lignes hors budget du PLH (non comprises dans les totaux)",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 40),
                      ReportColumn("Nature", .text, width: 14), ReportColumn("\(n) ans", .money, width: 15), ReportColumn("Par an", .money, width: 15),
                      ReportColumn("Engagé (\(columnYear))", .money, width: 15), ReportColumn("Versé (\(columnYear))", .money, width: 15)],
            rows: outside,
            totals: [[.empty, .text("Total hors budget"), .empty, .money(inv.outside + op.outside),
                      .money(inv.outsidePerYear + op.outsidePerYear), .money(outsideFigures.sum(\.committedYear)),
                      .money(outsideFigures.sum(\.paidYear))]])
        let paragraphs = [
            "Les totaux additionnent les lignes inscrites au budget du PLH ; les lignes marquées « hors budget » "
            + "(fonds foncier de l'action 1, subventions des actions 13 et 18) sont présentées à part et n'y sont pas comprises. "
            + "Les montants annuels sont les montants sur \(n) ans divisés par \(n), arrondis à l'euro.",
            "Engagé et versé, \(period) : dossiers d'aide des dispositifs payés sur la ligne de chaque action et engagements "
            + "sur ses autres lignes (subventions, études, prestations), par décision (un dossier accordé compte dans l'année de sa décision ; "
            + "une annulation libère le montant non versé).",
        ]
        return ReportSection(heading: "1. Synthèse budgétaire du PLH", paragraphs: paragraphs, tables: [table, outsideTable])
    }

    // MARK: Other budget lines

    static func otherLines(_ o: BudgetOverview, period: String) -> ReportSection {
        let rows: [[ReportCell]] = o.lines.map { l in
            [l.action.map { .integer($0) } ?? .empty, .text(l.name), .text(BudgetKind(rawValue: l.kind ?? "")?.label ?? "—"),
             .text(l.outsideBudget ? "hors budget" : "budget du PLH"), Cells.money(l.envelope), .money(l.committed), .money(l.paid),
             l.remaining.map { .money($0) } ?? .text("—"), .integer(l.dossiers), .text(l.source ?? "")]
        }
        let table = ReportTable(
            name: "Autres lignes du PLH : engagements par décision (\(period))",
            columns: [ReportColumn("Action", .integer, width: 6), ReportColumn("Ligne", .text, width: 30),
                      ReportColumn("Nature", .text, width: 16), ReportColumn("Budget", .text, width: 13),
                      ReportColumn("Enveloppe", .money, width: 14), ReportColumn("Engagé", .money, width: 14),
                      ReportColumn("Versé", .money, width: 14), ReportColumn("Reste à engager", .money, width: 14),
                      ReportColumn("Engagements", .integer, width: 8), ReportColumn("Source", .text, width: 16)],
            rows: rows)
        return ReportSection(heading: "2. Autres lignes du PLH (subventions, études, prestations)",
                             paragraphs: ["Lignes du PLH qui ne sont pas des aides individuelles : engagées et versées par décision du service. "
                                          + "Une enveloppe sur la durée du PLH (une étude) compte, dans une année, pour ce que les autres années "
                                          + "en ont laissé, et entière sur la période."],
                             tables: [table])
    }

    // MARK: Per scheme

    /// The columns every consumption table ends with, and a row's cells for them: a scheme paid on
    /// another's envelope names it instead of repeating its figures.
    static let consumptionColumns = [
        ReportColumn("Enveloppe", .money, width: 16), ReportColumn("Engagé", .money, width: 16), ReportColumn("Versé", .money, width: 16),
        ReportColumn("Reste à engager", .money, width: 16), ReportColumn("Taux d'engagement", .percent), ReportColumn("Dossiers", .integer, width: 8),
    ]
    static func consumptionCells(_ l: BudgetLineStatus) -> [ReportCell] {
        let shared = l.envelopeOf != l.code && !l.envelopeOf.hasPrefix("Action")
        return [shared ? .text("sur \(l.envelopeOf)") : Cells.money(l.envelope), .money(l.committed), .money(l.paid),
                shared ? .text("voir \(l.envelopeOf)") : (l.remaining.map { .money($0) } ?? .text("—")),
                shared ? .text("—") : Cells.share(l.committedShareBp.map { Percentage(basisPoints: $0) }).orDash,
                .integer(l.dossiers)]
    }

    static func schemes(_ o: BudgetOverview, period: String) -> ReportSection {
        var money: [[ReportCell]] = [], states: [[ReportCell]] = [], averages: [[ReportCell]] = []
        var stateTotals = [String: Int]()
        for s in o.schemes {
            money.append([.text(s.code), .text(s.name), s.action.map { .integer($0) } ?? .empty] + consumptionCells(s))
            states.append([.text("\(s.code) — \(s.name)")] + DossierStatus.allCases.map { .integer(s.counts[$0.rawValue] ?? 0) } + [.integer(s.dossiers)])
            stateTotals.merge(s.counts, uniquingKeysWith: +)
            if let a = s.average {
                averages.append([.text(s.code), .text(s.name), .money(a.target), a.average.map { .money($0) } ?? .text("—"),
                                 .integer(a.dwellings), .money(a.granted), .text(a.aboveTarget ? "au-dessus de la moyenne visée" : "")])
            }
        }
        let t = o.total
        let allStates = o.schemes.reduce(0) { $0 + $1.dossiers }
        let moneyTable = ReportTable(
            name: "Enveloppes et consommation par dispositif (\(period))",
            columns: [ReportColumn("Code", .text, width: 6), ReportColumn("Dispositif", .text, width: 40),
                      ReportColumn("Action", .integer, width: 6)] + consumptionColumns,
            rows: money,
            totals: [[.empty, .text("Total"), .empty] + consumptionCells(t).dropLast() + [.integer(allStates)]])
        let stateTable = ReportTable(
            name: "Dossiers par état et par dispositif (\(period))",
            columns: [ReportColumn("Dispositif", .text, width: 30)]
                + DossierStatus.allCases.map { ReportColumn($0.label, .integer, width: 8) }
                + [ReportColumn("Total", .integer, width: 7)],
            rows: states,
            totals: [[.text("Total")] + DossierStatus.allCases.map { .integer(stateTotals[$0.rawValue] ?? 0) } + [.integer(allStates)]])
        var tables = [moneyTable, stateTable]
        if !averages.isEmpty {
            tables.append(ReportTable(
                name: "Aide moyenne par logement (\(period))",
                columns: [ReportColumn("Code", .text, width: 6), ReportColumn("Dispositif", .text, width: 40),
                          ReportColumn("Moyenne visée par le PLH", .money, width: 16), ReportColumn("Moyenne accordée", .money, width: 16),
                          ReportColumn("Logements", .integer, width: 9), ReportColumn("Accordé", .money, width: 16),
                          ReportColumn("Observation", .text, width: 26)],
                rows: averages))
        }
        return ReportSection(
            heading: "3. Exécution par dispositif",
            paragraphs: ["Enveloppes annuelles des dispositifs\(o.years.count > 1 ? " additionnées sur les \(o.years.count) années" : ""). "
                         + "Un dispositif financé sur l'enveloppe d'un autre (honoraires sur le fonds d'innovation) est compté dans le reste de celui-ci.",
                         "L'aide moyenne par logement est un objectif sur l'ensemble des opérations de l'année, non un plafond : "
                         + "une opération complexe peut recevoir davantage, une opération simple moins."],
            tables: tables)
    }

    // MARK: Per action

    static func actions(_ o: BudgetOverview, period: String) -> ReportSection {
        var rows: [[ReportCell]] = []
        var categories: [String] = [], envelopes: [Int64] = [], committed: [Int64] = [], paid: [Int64] = []
        let schemesByAction = Dictionary(grouping: o.schemes, by: { $0.action ?? 0 })
        let linesByAction = Dictionary(grouping: o.lines, by: { $0.action ?? 0 })
        for a in o.actions {
            let number = a.action ?? 0
            let names = (schemesByAction[number] ?? []).map(\.code) + (linesByAction[number] ?? []).map(\.code)
            rows.append([.integer(number), .text(a.name), .text(names.joined(separator: ", "))] + consumptionCells(a))
            // The action's own title (the PLH's words), numbered: "Action 3" told the reader nothing.
            categories.append("\(number). \(a.name)")
            envelopes.append(a.envelope?.cents ?? 0); committed.append(a.committed.cents); paid.append(a.paid.cents)
        }
        let table = ReportTable(
            name: "Consommation des enveloppes par action (\(period))",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 36),
                      ReportColumn("Dispositifs et lignes", .text, width: 18)] + consumptionColumns,
            rows: rows)
        let chart = ReportChart(title: "Consommation du budget par action (\(period))", unit: .money, categories: categories,
                                series: [.init(name: "Enveloppe", values: envelopes), .init(name: "Engagé", values: committed),
                                         .init(name: "Versé", values: paid)])
        return ReportSection(heading: "4. Exécution par action du PLH", tables: [table], chart: chart)
    }

    // MARK: Reconciliation

    static func reconciliation(_ o: BudgetOverview, period: String) -> ReportSection {
        let rows: [[ReportCell]] = o.reconciliation.map { r in
            [.integer(r.action), .text(r.title), .text(BudgetKind(rawValue: r.kind)?.label ?? r.kind),
             .money(r.plhLine), .money(r.schemeEnvelopes), .money(r.lineEnvelopes), .money(r.difference)]
        }
        let gaps = o.reconciliationGaps
        let paragraph = gaps.isEmpty
            ? "Les enveloppes des dispositifs et des autres lignes correspondent aux lignes du PLH."
            : "Écarts à examiner : " + gaps.map(\.sentence).joined(separator: " ; ") + "."
        return ReportSection(
            heading: "5. Enveloppes et lignes du PLH (\(period))",
            paragraphs: ["Pour chaque action, les enveloppes fixées dans le profil (dispositifs d'aide et autres lignes) comparées à la ligne "
                         + "du PLH. Une enveloppe sur la durée du PLH compte pour sa moyenne annuelle dans une année.", paragraph],
            tables: [ReportTable(
                name: "Rapprochement des enveloppes avec les lignes du PLH (\(period))",
                columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 40),
                          ReportColumn("Nature", .text, width: 14), ReportColumn("Ligne du PLH", .money, width: 16),
                          ReportColumn("Enveloppes des dispositifs", .money, width: 16), ReportColumn("Autres lignes", .money, width: 16),
                          ReportColumn("Écart", .money, width: 16)],
                rows: rows)])
    }
}

extension ReportCell {
    /// "n.c." reads oddly for a ratio without an envelope: a dash instead.
    var orDash: ReportCell { self == .text("n.c.") ? .text("—") : self }
}
