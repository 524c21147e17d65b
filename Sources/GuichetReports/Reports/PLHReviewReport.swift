import GuichetCore

/// The review of the PLH by action (action 20: « bilans annuels de mise en œuvre du PLH »), as
/// sections of the `bilan-plh` report: for the council (PDF), one part per action with its
/// levers, its indicators (target, the years so far, gap, trend) and its money; for the service
/// (ODS, CSV), the same figures as flat tables a spreadsheet can filter. Both are in the
/// document; each format keeps its own (`ReportAudience`).
public enum PLHReviewReport {
    public static func sections(_ review: PLHReview, numbering first: Int) -> [ReportSection] {
        byAction(review, first: first).map { var s = $0; s.audience = .print; return s }
            + tables(review, first: first).map { var s = $0; s.audience = .spreadsheet; return s }
    }

    static func yearsLabel(_ r: PLHReview) -> String { r.years.count == 1 ? "\(r.year)" : "\(r.years.first!)-\(r.year)" }

    /// The gap of a measure for the review's kind: the year against a yearly target, or the years
    /// so far against the target over them.
    static func gap(_ m: MeasureReview, _ r: PLHReview) -> Int64? {
        r.kind == .midTerm || m.measure.target?.per == .period ? m.periodGap(through: r.year) : m.gap(for: r.year)
    }

    static func targetCell(_ m: MeasureReview, _ r: PLHReview) -> String {
        guard let t = m.targetText else { return "—" }
        if r.kind == .midTerm, m.measure.target?.per == .year, let p = m.periodTarget(through: r.year) {
            return "\(t) (\(m.format(p, unit: true)) sur \(yearsLabel(r)))"
        }
        return t
    }

    // MARK: By action (PDF)

    static func byAction(_ r: PLHReview, first: Int) -> [ReportSection] {
        var out: [ReportSection] = []
        let span = yearsLabel(r)
        out.append(ReportSection(heading: "\(first). Bilan par action du PLH (\(span))", paragraphs: [
            r.kind == .annual
                ? "Pour chaque action : ses leviers et leur avancement, ses indicateurs de résultat (objectif du PLH quand il en fixe un, valeurs de chaque année depuis \(r.years.first!), écart de l'année \(r.year) à l'objectif, tendance par rapport à l'année précédente) et ses moyens."
                : "Bilan à mi-parcours : pour chaque action, l'avancement des leviers, les indicateurs de résultat année par année et leur cumul sur \(span), comparé à l'objectif du PLH sur ces années, et les moyens engagés.",
            "« calculé » : valeur établie par le produit à partir des dossiers d'aide, des programmes, du registre des attributions ou des conventions (sa définition suit chaque action) ; « saisi » : valeur saisie par le service, avec l'agent et la date. « — » : non saisi ; « n.d. » : pas de donnée dans la base pour l'année.",
        ]))
        for (i, a) in r.actions.enumerated() {
            out += actionSections(a, review: r, number: "\(first).\(i + 1)")
        }
        return out
    }

    static func actionSections(_ a: PLHActionReview, review r: PLHReview, number: String) -> [ReportSection] {
        let span = yearsLabel(r)
        var paragraphs = ["Maître d'ouvrage : \(a.sheet.owner)", "Partenaires : \(a.sheet.partners.joined(separator: ", "))"]
        paragraphs.append("Objectifs :")
        paragraphs += a.sheet.objectives.map { $0.hasSuffix(":") ? $0 : "– \($0)" }
        var tables = [leverTable(a, r, title: "Action \(a.number) — leviers (\(span))"),
                      indicatorTable(a, r, title: "Action \(a.number) — indicateurs de résultat (\(span))")]
        if let money = moneyTable(a, r) { tables.append(money) }
        if a.measures.contains(where: { $0.measure.derived?.from == .territorialTargets }) && !r.territorial.isEmpty {
            tables.append(territorialTable(r))
        }
        var sections = [ReportSection(heading: "\(number). Action \(a.number) — \(a.title)", paragraphs: paragraphs, tables: tables)]
        var notes: [String] = []
        for m in a.measures {
            if let d = m.definition { notes.append("\(m.label) (calculé) : \(d)") }
            if let note = m.values[r.year]?.figure?.note { notes.append("\(m.label) : \(note).") }
            if let e = m.entryText(r.year) { notes.append("\(m.label) (\(r.year)) : \(e)") }
            if let t = m.measure.target { notes.append("Objectif « \(m.label) » : PLH, action \(a.number) : « \(t.source.text) ».") }
        }
        for l in a.levers {
            for y in r.years { if let p = l.years[y]?.progress, let n = p.note { notes.append("\(l.lever.label) (\(y), \(p.state.label)) : \(n) — \(p.agent), \(FrenchFormat.date(p.enteredOn))") } }
        }
        if !notes.isEmpty { sections.append(ReportSection(heading: "Action \(a.number) : définitions, sources et commentaires", paragraphs: notes)) }
        return sections
    }

    static func leverTable(_ a: PLHActionReview, _ r: PLHReview, title: String) -> ReportTable {
        ReportTable(name: title,
                    columns: [ReportColumn("Levier", .text, width: 44, wraps: true)] + r.years.map { ReportColumn(String($0), .text, width: 9) },
                    rows: a.levers.map { l in [.text(l.lever.labelWithPhases)] + r.years.map { .text(l.years[$0]?.text ?? "—") } })
    }

    static func indicatorTable(_ a: PLHActionReview, _ r: PLHReview, title: String) -> ReportTable {
        var rows: [[ReportCell]] = []
        var previous: String?
        for m in a.measures {
            let indicator = m.indicator.text == previous ? "" : m.indicator.text
            previous = m.indicator.text
            var row: [ReportCell] = [.text(indicator), .text(m.label == m.indicator.text ? "" : m.label), .text(m.unitText), .text(m.sourceLabel),
                                     .text(targetCell(m, r))]
            row += r.years.map { .text(m.text($0)) }
            row.append(.text(m.cumulated(through: r.year).map { m.format($0) } ?? ""))
            row.append(.text(gap(m, r).map { m.format($0, signed: true) } ?? ""))
            row.append(.text(m.trend(r.year)?.label ?? ""))
            rows.append(row)
        }
        return ReportTable(name: title,
                           columns: [ReportColumn("Indicateur", .text, width: 34, wraps: true), ReportColumn("Mesure", .text, width: 22, wraps: true),
                                     ReportColumn("Unité", .text, width: 9), ReportColumn("Source", .text, width: 7), ReportColumn("Objectif", .text, width: 14, wraps: true)]
                               + r.years.map { ReportColumn(String($0), .text, width: 10) }
                               + [ReportColumn("Cumul", .text, width: 10), ReportColumn(r.kind == .annual ? "Écart \(r.year)" : "Écart", .text, width: 10),
                                  ReportColumn("Tendance", .text, width: 9)],
                           rows: rows)
    }

    static func moneyTable(_ a: PLHActionReview, _ r: PLHReview) -> ReportTable? {
        guard let money = a.money, money.hasLines else { return nil }
        var rows: [[ReportCell]] = r.years.map { y in
            let v = money.years[y]
            return [.text(String(y)), Cells.money(v?.envelope), .money(v?.committed ?? .zero), .money(v?.paid ?? .zero), .integer(v?.dossiers ?? 0)]
        }
        let t = money.total(through: r.year)
        rows.append([.text("Total \(yearsLabel(r))"), Cells.money(t.envelope), .money(t.committed), .money(t.paid), .integer(t.dossiers)])
        return ReportTable(name: "Action \(a.number) — moyens : \(money.sourcesText)",
                           columns: [ReportColumn("Année", .text, width: 14), ReportColumn("Enveloppe", .money), ReportColumn("Engagé", .money),
                                     ReportColumn("Versé", .money), ReportColumn("Dossiers", .integer, width: 8)],
                           rows: rows)
    }

    static func territorialTable(_ r: PLHReview) -> ReportTable {
        ReportTable(name: "Objectifs territorialisés \(r.year) et logements financés ou aidés",
                    columns: [ReportColumn("Territoire", .text, width: 26), ReportColumn("Produit", .text, width: 14),
                              ReportColumn("Objectif", .integer), ReportColumn("Réalisé", .integer), ReportColumn("Atteinte", .percent),
                              ReportColumn("Écart", .integer)],
                    rows: r.territorial.map { t in
                        [.text(t.target.scope.label), .text(t.target.product.label), .integer(t.target.dwellings), .integer(t.produced),
                         Cells.share(t.share), .integer(t.gap)]
                    })
    }

    // MARK: Flat tables (ODS, CSV)

    /// A measure's value as a typed cell: counts, amounts and shares as numbers.
    static func cell(_ m: MeasureReview, _ hundredths: Int64?) -> ReportCell {
        guard let n = hundredths else { return .empty }
        switch m.measure.kind {
        case .count: return .integer(n / 100)
        case .money: return .money(Money(cents: n))
        case .percent: return .percent(Percentage(basisPoints: Int(n)))
        default: return .text(m.format(n))
        }
    }

    static func tables(_ r: PLHReview, first: Int) -> [ReportSection] {
        let span = yearsLabel(r)
        var indicators: [[ReportCell]] = []
        for a in r.actions {
            for m in a.measures {
                var row: [ReportCell] = [.integer(a.number), .text(a.title), .text(m.indicator.text), .text(m.measure.label),
                                         .text(m.measure.unitLabel), .text(m.sourceLabel),
                                         cell(m, m.measure.target?.figure), .text(m.measure.target.map { $0.per == .period ? "durée du PLH" : "par an" } ?? "")]
                for y in r.years {
                    if let t = m.value(y)?.text { row.append(.text(t)) } else { row.append(cell(m, m.number(y))) }
                }
                row += [cell(m, m.cumulated(through: r.year)), cell(m, gap(m, r)), .text(m.trend(r.year)?.label ?? "")]
                let e = m.values[r.year]?.entry
                row += [.text(e?.agent ?? ""), Cells.date(e?.enteredOn), .text(e?.comment ?? m.values[r.year]?.figure?.note ?? ""), .text(m.definition ?? "")]
                indicators.append(row)
            }
        }
        let indicatorTable = ReportTable(
            name: "Indicateurs de résultat par action (\(span))",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 30), ReportColumn("Indicateur", .text, width: 40),
                      ReportColumn("Mesure", .text, width: 30), ReportColumn("Unité", .text, width: 10), ReportColumn("Source", .text, width: 8),
                      ReportColumn("Objectif", .text, width: 10), ReportColumn("Objectif : période", .text, width: 12)]
                + r.years.map { ReportColumn(String($0), .text, width: 10) }
                + [ReportColumn("Cumul \(span)", .text, width: 10), ReportColumn("Écart", .text, width: 10), ReportColumn("Tendance", .text, width: 9),
                   ReportColumn("Saisi par", .text, width: 14), ReportColumn("Saisi le", .date), ReportColumn("Commentaire", .text, width: 30),
                   ReportColumn("Définition", .text, width: 40)],
            rows: indicators)
        var levers: [[ReportCell]] = []
        for a in r.actions {
            for l in a.levers {
                let notes = r.years.compactMap { y in l.years[y]?.progress?.note.map { "\(y) : \($0)" } }.joined(separator: " ; ")
                levers.append([.integer(a.number), .text(a.title), .text(l.lever.labelWithPhases),
                               .text(l.lever.years.map(String.init).joined(separator: ", "))]
                              + r.years.map { .text(l.years[$0]?.text ?? "—") } + [.text(notes)])
            }
        }
        let leverTable = ReportTable(
            name: "Leviers par action (\(span))",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 30), ReportColumn("Levier", .text, width: 40),
                      ReportColumn("Années prévues", .text, width: 20)] + r.years.map { ReportColumn(String($0), .text, width: 10) }
                + [ReportColumn("Notes", .text, width: 40)],
            rows: levers)
        var money: [[ReportCell]] = []
        for a in r.actions {
            guard let m = a.money else { continue }
            let y = m.years[r.year], t = m.total(through: r.year)
            money.append([.integer(a.number), .text(a.title), .text(m.sourcesText), Cells.money(y?.envelope),
                          .money(y?.committed ?? .zero), .money(y?.paid ?? .zero), .money(t.committed), .money(t.paid)])
        }
        let moneyTable = ReportTable(
            name: "Moyens par action (\(r.year) et \(span))",
            columns: [ReportColumn("N°", .integer, width: 4), ReportColumn("Action", .text, width: 30), ReportColumn("Dispositifs", .text, width: 16),
                      ReportColumn("Enveloppe \(r.year)", .money), ReportColumn("Engagé \(r.year)", .money), ReportColumn("Versé \(r.year)", .money),
                      ReportColumn("Engagé \(span)", .money), ReportColumn("Versé \(span)", .money)],
            rows: money)
        var tables = [indicatorTable, leverTable, moneyTable]
        if !r.territorial.isEmpty { tables.append(territorialTable(r)) }
        return [ReportSection(heading: "\(first). Bilan par action du PLH (\(span))", tables: tables)]
    }
}
