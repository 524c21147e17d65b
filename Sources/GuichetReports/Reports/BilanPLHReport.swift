import GuichetCore

/// `bilan-plh`: the yearly (or whole-period) review of the PLH (brief §3, §8): the synthesis
/// table of the programme with its totals reproduced from the lines, outside-budget lines apart,
/// then per scheme and per action the envelope, committed, paid, remaining and dossiers by state.
public enum BilanPLHReport {
    /// With `review`, the review by action follows the money (`PLHReviewReport`: by action in
    /// PDF, as flat tables in ODS and CSV); a mid-term review titles the whole document.
    public static func document(context: ReportContext, plh: PLHProgramme, catalog: SchemeCatalog,
                                figures: [BudgetFigures], year: Int? = nil, review: PLHReview? = nil) -> ReportDocument {
        let ledger = BudgetLedger(catalog: catalog, figures: figures)
        let years = year.map { [$0] } ?? Array(plh.years)
        let period = year.map { "année \($0)" } ?? "période \(plh.firstYear)-\(plh.lastYear)"
        var sections = [
            synthesis(plh: plh, ledger: ledger, years: years, period: period),
            schemes(catalog: catalog, ledger: ledger, years: years, period: period),
            actions(plh: plh, catalog: catalog, ledger: ledger, years: years, period: period),
        ]
        if let review { sections += PLHReviewReport.sections(review, numbering: sections.count + 1) }
        let title = review?.kind == .midTerm ? review!.title
            : year.map { "Bilan annuel du PLH \($0)" } ?? "Bilan du PLH \(plh.firstYear)-\(plh.lastYear)"
        return context.document(title: title, subtitle: "\(plh.title) — \(period)", sections: sections, orientation: .landscape)
    }

    /// Committed and paid on an action's budget line over `years`.
    static func actionFigures(_ action: Int, ledger: BudgetLedger, years: [Int]) -> (envelope: Money?, committed: Money, paid: Money, dossiers: Int) {
        let statuses = years.map { ledger.actionStatus(action: action, year: $0) }
        let envelopes = statuses.compactMap(\.envelope)
        return (envelopes.isEmpty ? nil : envelopes.sum { $0 }, statuses.sum(\.committed), statuses.sum(\.paid),
                statuses.reduce(0) { $0 + $1.figures.dossierCount })
    }

    // MARK: PLH synthesis

    static func synthesis(plh: PLHProgramme, ledger: BudgetLedger, years: [Int], period: String) -> ReportSection {
        let n = plh.durationYears
        func line(_ l: BudgetLine?) -> ReportCell {
            guard let l else { return .text("—") }
            return l.outsideBudget ? .text("hors budget") : .money(l.sixYears)
        }
        func perYear(_ l: BudgetLine?) -> ReportCell {
            guard let l else { return .text("—") }
            return l.outsideBudget ? .text("hors budget") : .money(l.perYear(years: n))
        }
        let actions = plh.actions.sorted { $0.number < $1.number }
        var rows: [[ReportCell]] = []
        var committed = Money.zero, paid = Money.zero
        for a in actions {
            let f = actionFigures(a.number, ledger: ledger, years: years)
            committed += f.committed; paid += f.paid
            let title = a.budgetNote.map { "\(a.title) (\($0))" } ?? a.title
            rows.append([.integer(a.number), .text(title), line(a.investment), perYear(a.investment),
                         line(a.operating), perYear(a.operating), .money(f.committed), .money(f.paid)])
        }
        // The printed totals, summed here from the lines inside the budget.
        let inv = plh.totals(.investment), op = plh.totals(.operating)
        let total: [ReportCell] = [.empty, .text("Total du budget du PLH (hors lignes hors budget)"), .money(inv.inside),
                                   .money(inv.insidePerYear), .money(op.inside), .money(op.insidePerYear),
                                   .money(committed), .money(paid)]
        let table = ReportTable(
            name: "Synthèse budgétaire du PLH par action",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 30),
                      ReportColumn("Investissement \(n) ans", .money, width: 16), ReportColumn("Investissement par an", .money, width: 16),
                      ReportColumn("Fonctionnement \(n) ans", .money, width: 16), ReportColumn("Fonctionnement par an", .money, width: 16),
                      ReportColumn("Engagé (\(years.count == 1 ? String(years[0]) : "période"))", .money, width: 16),
                      ReportColumn("Versé (\(years.count == 1 ? String(years[0]) : "période"))", .money, width: 16)],
            rows: rows, totals: [total])

        var outside: [[ReportCell]] = []
        for a in actions {
            for kind in BudgetKind.allCases {
                guard let l = a.line(kind), l.outsideBudget else { continue }
                outside.append([.integer(a.number), .text(a.title), .text(kind.label), .money(l.sixYears), .money(l.perYear(years: n))])
            }
        }
        let outsideTable = ReportTable(
            name: "Lignes hors budget du PLH (non comprises dans les totaux)",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 44),
                      ReportColumn("Nature", .text, width: 14), ReportColumn("\(n) ans", .money, width: 16), ReportColumn("Par an", .money, width: 16)],
            rows: outside,
            totals: [[.empty, .text("Total hors budget"), .empty, .money(inv.outside + op.outside),
                      .money(inv.outsidePerYear + op.outsidePerYear)]])
        let paragraphs = [
            "Les totaux additionnent les lignes inscrites au budget du PLH ; les lignes marquées « hors budget » "
            + "(fonds foncier de l'action 1, subventions des actions 13 et 18) sont présentées à part et n'y sont pas comprises. "
            + "Les montants annuels sont les montants sur \(n) ans divisés par \(n), arrondis à l'euro.",
            "Engagé et versé : dossiers d'aide des dispositifs payés sur la ligne de chaque action, \(period) "
            + "(un dossier accordé compte dans l'année de sa décision ; une annulation libère le montant non versé).",
        ]
        return ReportSection(heading: "1. Synthèse budgétaire du PLH", paragraphs: paragraphs, tables: [table, outsideTable])
    }

    // MARK: Per scheme

    static func schemes(catalog: SchemeCatalog, ledger: BudgetLedger, years: [Int], period: String) -> ReportSection {
        var money: [[ReportCell]] = [], states: [[ReportCell]] = []
        var totals = (envelope: Money.zero, committed: Money.zero, paid: Money.zero)
        var stateTotals = [DossierStatus: Int]()
        for s in catalog.schemes {
            let f = years.map { ledger.figures(scheme: s.code, year: $0) }.reduce(BudgetFigures(scheme: s.code, year: years[0]), +)
            let envelope = s.envelope.yearly.map { $0 * years.count }
            let remaining: ReportCell
            if s.envelope.fromScheme != nil {
                remaining = .text("voir \(s.envelope.fromScheme!)")
            } else if envelope != nil {
                remaining = .money(years.map { ledger.envelopeStatus(scheme: s.code, year: $0).remaining ?? .zero }.sum { $0 })
            } else {
                remaining = .text("—")
            }
            let share = envelope.flatMap { $0.cents > 0 ? Percentage.ratio(f.committed.cents, of: $0.cents) : nil }
            money.append([.text(s.code), .text(s.name), .integer(s.budgetAction),
                          envelope.map { .money($0) } ?? .text(s.envelope.fromScheme.map { "sur \($0)" } ?? "—"),
                          .money(f.committed), .money(f.paid), remaining, Cells.share(share).orDash, .integer(f.dossierCount)])
            totals.envelope += envelope ?? .zero; totals.committed += f.committed; totals.paid += f.paid
            states.append([.text("\(s.code) — \(s.name)")] + DossierStatus.allCases.map { .integer(f.counts[$0] ?? 0) } + [.integer(f.dossierCount)])
            stateTotals.merge(f.counts, uniquingKeysWith: +)
        }
        let allStates = stateTotals.values.reduce(0, +)
        let moneyTable = ReportTable(
            name: "Enveloppes et consommation par dispositif (\(period))",
            columns: [ReportColumn("Code", .text, width: 6), ReportColumn("Dispositif", .text, width: 40),
                      ReportColumn("Action", .integer, width: 6), ReportColumn("Enveloppe", .money, width: 16),
                      ReportColumn("Engagé", .money, width: 16), ReportColumn("Versé", .money, width: 16), ReportColumn("Reste à engager", .money, width: 16),
                      ReportColumn("Taux d'engagement", .percent), ReportColumn("Dossiers", .integer, width: 8)],
            rows: money,
            totals: [[.empty, .text("Total"), .empty, .money(totals.envelope), .money(totals.committed), .money(totals.paid),
                      .money(totals.envelope - totals.committed),
                      Cells.share(totals.envelope.cents > 0 ? Percentage.ratio(totals.committed.cents, of: totals.envelope.cents) : nil).orDash,
                      .integer(allStates)]])
        let stateTable = ReportTable(
            name: "Dossiers par état et par dispositif (\(period))",
            columns: [ReportColumn("Dispositif", .text, width: 30)]
                + DossierStatus.allCases.map { ReportColumn($0.label, .integer, width: 8) }
                + [ReportColumn("Total", .integer, width: 7)],
            rows: states,
            totals: [[.text("Total")] + DossierStatus.allCases.map { .integer(stateTotals[$0] ?? 0) } + [.integer(allStates)]])
        return ReportSection(
            heading: "2. Exécution par dispositif",
            paragraphs: ["Enveloppes annuelles des dispositifs\(years.count > 1 ? " multipliées par le nombre d'années (\(years.count))" : ""). "
                         + "Un dispositif financé sur l'enveloppe d'un autre (honoraires sur le fonds d'innovation) est compté dans le reste de celui-ci."],
            tables: [moneyTable, stateTable])
    }

    // MARK: Per action

    static func actions(plh: PLHProgramme, catalog: SchemeCatalog, ledger: BudgetLedger, years: [Int], period: String) -> ReportSection {
        let funded = plh.actions.sorted { $0.number < $1.number }.filter { !catalog.schemes(budgetAction: $0.number).isEmpty }
        var rows: [[ReportCell]] = []
        var categories: [String] = [], envelopes: [Int64] = [], committed: [Int64] = [], paid: [Int64] = []
        for a in funded {
            let f = actionFigures(a.number, ledger: ledger, years: years)
            let codes = catalog.schemes(budgetAction: a.number).map(\.code).joined(separator: ", ")
            rows.append([.integer(a.number), .text(a.title), .text(codes), Cells.money(f.envelope), .money(f.committed), .money(f.paid),
                         f.envelope.map { .money($0 - f.committed) } ?? .text("—"),
                         Cells.share(f.envelope.flatMap { $0.cents > 0 ? Percentage.ratio(f.committed.cents, of: $0.cents) : nil }).orDash,
                         .integer(f.dossiers)])
            categories.append("Action \(a.number)")
            envelopes.append(f.envelope?.cents ?? 0); committed.append(f.committed.cents); paid.append(f.paid.cents)
        }
        let table = ReportTable(
            name: "Consommation des enveloppes par action (\(period))",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 36),
                      ReportColumn("Dispositifs", .text, width: 16), ReportColumn("Enveloppe", .money, width: 16),
                      ReportColumn("Engagé", .money, width: 16), ReportColumn("Versé", .money, width: 16), ReportColumn("Reste à engager", .money, width: 16),
                      ReportColumn("Taux d'engagement", .percent), ReportColumn("Dossiers", .integer, width: 8)],
            rows: rows)
        let chart = ReportChart(title: "Consommation du budget par action (\(period))", unit: .money, categories: categories,
                                series: [.init(name: "Enveloppe", values: envelopes), .init(name: "Engagé", values: committed),
                                         .init(name: "Versé", values: paid)])
        return ReportSection(heading: "3. Exécution par action du PLH", tables: [table], chart: chart)
    }
}

extension ReportCell {
    /// "n.c." reads oddly for a ratio without an envelope: a dash instead.
    var orDash: ReportCell { self == .text("n.c.") ? .text("—") : self }
}
