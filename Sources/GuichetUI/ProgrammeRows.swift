import GtkKit
import GuichetCore

/// Columns and cell texts of the programme lists and of their yearly summaries.
enum ProgrammeRows {
    static let constructionColumns: [TableColumn] = [
        TableColumn(id: ProgrammeQuery.Column.year.rawValue, title: "Année"),
        TableColumn(id: ProgrammeQuery.Column.commune.rawValue, title: "Commune"),
        TableColumn(id: ProgrammeQuery.Column.name.rawValue, title: "Programme"),
        TableColumn(id: ProgrammeQuery.Column.landlord.rawValue, title: "Bailleur"),
        TableColumn(id: "plus", title: "PLUS", sortable: false, alignment: .trailing),
        TableColumn(id: "plai", title: "PLAI", sortable: false, alignment: .trailing),
        TableColumn(id: "plaiAdapte", title: "PLAI adapté", sortable: false, alignment: .trailing),
        TableColumn(id: "pls", title: "PLS", sortable: false, alignment: .trailing),
        TableColumn(id: ProgrammeQuery.Column.dwellings.rawValue, title: "Total", alignment: .trailing),
        TableColumn(id: ProgrammeQuery.Column.stateSubsidy.rawValue, title: "Subvention État", alignment: .trailing),
        TableColumn(id: ProgrammeQuery.Column.epciSubsidy.rawValue, title: "Subvention EPCI", alignment: .trailing),
        TableColumn(id: "rules", title: "Règles", sortable: false, expands: true),
    ]

    static let rehabilitationColumns: [TableColumn] = [
        TableColumn(id: ProgrammeQuery.Column.year.rawValue, title: "Année"),
        TableColumn(id: ProgrammeQuery.Column.commune.rawValue, title: "Commune"),
        TableColumn(id: ProgrammeQuery.Column.name.rawValue, title: "Programme"),
        TableColumn(id: ProgrammeQuery.Column.landlord.rawValue, title: "Bailleur"),
        TableColumn(id: "type", title: "Type", sortable: false),
        TableColumn(id: ProgrammeQuery.Column.dwellings.rawValue, title: "Logements", alignment: .trailing),
        TableColumn(id: "status", title: "Statut", sortable: false),
        TableColumn(id: ProgrammeQuery.Column.stateSubsidy.rawValue, title: "Subvention État", alignment: .trailing),
        TableColumn(id: ProgrammeQuery.Column.epciSubsidy.rawValue, title: "Subvention EPCI", alignment: .trailing),
        TableColumn(id: "labels", title: "Étiquettes", sortable: false, expands: true),
    ]

    static func construction(_ row: ProgrammeRow<ConstructionProgramme>, rules: ProgrammeRules?) -> [String] {
        let p = row.record.programme
        typealias T = SourceValueText
        var total = T.cell(p.totalAsGiven, T.count)
        if p.totalDisagreesWithParts, let parts = p.sumOfParts { total += " ≠ \(T.count(parts))" }
        return [T.cell(p.financingYear, T.year), p.commune, p.name, p.landlordName,
                T.cell(p.plus, T.count), T.cell(p.plai, T.count), T.cell(p.plaiAdapte, T.count), T.cell(p.pls, T.count),
                p.totalAsGiven.isProvided ? total : (p.sumOfParts.map(T.count) ?? "—"),
                T.cell(p.stateSubsidy, T.money), T.cell(p.epciSubsidy, T.money),
                RuleFindingText.summary(row.findings, rules: rules)]
    }

    static func rehabilitation(_ row: ProgrammeRow<RehabilitationProgramme>) -> [String] {
        let p = row.record.programme
        typealias T = SourceValueText
        let before = T.cell(p.labelBefore, \.rawValue), after = T.cell(p.labelAfter, \.rawValue)
        return [T.cell(p.financingYear, T.year), p.commune, p.name, p.landlordName, p.operationType ?? "—",
                T.cell(p.dwellings, T.count), T.cell(p.status, \.label),
                T.cell(p.stateSubsidy, T.money), T.cell(p.epciSubsidy, T.money), "\(before) → \(after)"]
    }

    /// Fixed widths (pixels) of the list columns, by id; the others take their natural width.
    static let listWidths: [String: Int] = [
        "year": 84, "commune": 150, "name": 210, "landlord": 170, "plus": 62, "plai": 62, "plaiAdapte": 96, "pls": 62,
        "dwellings": 100, "stateSubsidy": 140, "epciSubsidy": 140, "type": 120, "status": 110,
    ]
    static let summaryWidths: [String: Int] = [
        "year": 120, "programmes": 100, "plus": 70, "plai": 70, "plaiAdapte": 130, "pls": 70, "total": 80,
        "plaiShare": 160, "plaiShareAll": 100, "state": 150, "epci": 150, "dwellings": 100,
    ]

    // MARK: Summaries (brief §6.1 table)

    static let constructionSummaryColumns: [TableColumn] = [
        TableColumn(id: "year", title: "Année", sortable: false),
        TableColumn(id: "programmes", title: "Programmes", sortable: false, alignment: .trailing),
        TableColumn(id: "plus", title: "PLUS", sortable: false, alignment: .trailing),
        TableColumn(id: "plai", title: "PLAI", sortable: false, alignment: .trailing),
        TableColumn(id: "plaiAdapte", title: "dont PLAI adapté", sortable: false, alignment: .trailing),
        TableColumn(id: "pls", title: "PLS", sortable: false, alignment: .trailing),
        TableColumn(id: "total", title: "Total", sortable: false, alignment: .trailing),
        TableColumn(id: "plaiShare", title: "PLAI / (PLUS + PLAI)", sortable: false, alignment: .trailing),
        TableColumn(id: "plaiShareAll", title: "PLAI / total", sortable: false, alignment: .trailing),
        TableColumn(id: "state", title: "Subvention État", sortable: false, alignment: .trailing),
        TableColumn(id: "epci", title: "Subvention EPCI", sortable: false, expands: true, alignment: .trailing),
    ]

    static let rehabilitationSummaryColumns: [TableColumn] = [
        TableColumn(id: "year", title: "Année", sortable: false),
        TableColumn(id: "programmes", title: "Programmes", sortable: false, alignment: .trailing),
        TableColumn(id: "dwellings", title: "Logements", sortable: false, alignment: .trailing),
        TableColumn(id: "state", title: "Subvention État", sortable: false, alignment: .trailing),
        TableColumn(id: "epci", title: "Subvention EPCI", sortable: false, expands: true, alignment: .trailing),
    ]

    static func summary(_ s: ConstructionSummary) -> [[String]] {
        let n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "—" }
        let pct = { (p: Percentage?) in p.map { FrenchFormat.percent($0, decimals: 0) } ?? "—" }
        return s.labelledLines.map { label, l, _ in
            [label, n(l.programmes), n(l.plus), n(l.plai), n(l.plaiAdapte), n(l.pls), n(l.total),
             pct(l.plaiShareOfPlusPlai), pct(l.plaiShareOfAll), FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
        }
    }

    static func summary(_ s: RehabilitationSummary) -> [[String]] {
        s.labelledLines.map { label, l, _ in
            [label, FrenchFormat.integer(l.programmes), l.dwellings.map(FrenchFormat.integer) ?? "—",
             FrenchFormat.money(l.stateSubsidy), FrenchFormat.money(l.epciSubsidy)]
        }
    }

    /// The total line as a sentence: "43 programmes, 1 230 logements (PLUS 735, PLAI 398, PLS 97) ; …".
    static func totals(_ s: ConstructionSummary) -> String {
        let t = s.total, n = { (v: Int?) in v.map(FrenchFormat.integer) ?? "inconnu" }
        return "Total : \(FrenchFormat.integer(t.programmes)) programme(s), \(n(t.total)) logements "
            + "(PLUS \(n(t.plus)), PLAI \(n(t.plai)), PLS \(n(t.pls))) ; subventions État \(FrenchFormat.money(t.stateSubsidy)), "
            + "EPCI \(FrenchFormat.money(t.epciSubsidy))." + forecastNote(s)
    }

    static func totals(_ s: RehabilitationSummary) -> String {
        let t = s.total
        return "Total : \(FrenchFormat.integer(t.programmes)) programme(s), \(t.dwellings.map(FrenchFormat.integer) ?? "inconnu") logements ; "
            + "subventions État \(FrenchFormat.money(t.stateSubsidy)), EPCI \(FrenchFormat.money(t.epciSubsidy))." + forecastNote(s)
    }

    /// " Dont en prévision : 15 programme(s), 455 logements." when the total holds forecasts.
    private static func forecastNote<Line>(_ s: YearlySummary<Line>) -> String {
        let f = s.forecast.total
        guard f.programmes > 0 else { return "" }
        return " Dont en prévision : \(FrenchFormat.integer(f.programmes)) programme(s), "
            + "\(f.dwellings.map(FrenchFormat.integer) ?? "inconnu") logements (comptés à part dans les lignes « Financés » et « Prévisions »)."
    }

    /// "Inconnus dans le tableau source, donc absents des totaux : PLS pour 3 programmes, subvention
    /// État pour 1 programme." (empty when none).
    static func unknownCellsNote(_ cells: [String: Int], doubtful: Int) -> String {
        var parts: [String] = []
        if !cells.isEmpty {
            let list = cells.map { "\(ProgrammeField(rawValue: $0.key)?.label ?? $0.key) pour \($0.value) programme\($0.value > 1 ? "s" : "")" }.sorted()
            parts.append("Inconnus dans le tableau source, donc absents des totaux : \(list.joined(separator: ", ")).")
        }
        if doubtful > 0 {
            parts.append(doubtful == 1 ? "Une valeur douteuse est comptée telle que lue." : "\(doubtful) valeurs douteuses sont comptées telles que lues.")
        }
        return parts.joined(separator: " ")
    }
}

/// Short texts of the rules' findings for the list's "Règles" column.
enum RuleFindingText {
    static func rank(_ s: RuleFinding.Severity) -> Int {
        switch s {
        case .notMet: 0
        case .derogationRequired: 1
        case .cannotCheck: 2
        case .encouraged: 3
        }
    }

    static func short(_ f: RuleFinding, rules: ProgrammeRules?) -> String {
        let minimum = rules.map { FrenchFormat.percent($0.minimumPlaiShareOfPlusPlai, decimals: 0) } ?? "30 %"
        let derogation = rules.map { FrenchFormat.percent($0.derogationAboveSocialShare, decimals: 0) } ?? "40 %"
        switch (f.rule, f.severity) {
        case (.plaiShare, .notMet): return "⚠ Part de PLAI < \(minimum)"
        case (.plaiShare, _): return "? Part de PLAI non vérifiable"
        case (.plaiAdapte, .notMet): return "⚠ PLAI adaptés insuffisants"
        case (.plaiAdapte, _): return "? PLAI adaptés non renseignés"
        case (.derogation, _): return "⚠ Dérogation (commune > \(derogation))"
        case (.sru, _): return "✓ Commune SRU à encourager"
        case (.communeFacts, _): return "? Commune sans données"
        }
    }

    /// Every finding, most serious first; "✓" when none.
    static func summary(_ findings: [RuleFinding], rules: ProgrammeRules?) -> String {
        guard rules != nil else { return "" }
        guard !findings.isEmpty else { return "✓" }
        return findings.sorted { rank($0.severity) < rank($1.severity) }.map { short($0, rules: rules) }.joined(separator: " · ")
    }
}
