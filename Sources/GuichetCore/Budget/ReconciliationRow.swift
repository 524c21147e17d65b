/// Per PLH action and budget section, the envelopes the profile sets (the schemes' and the other
/// budget lines') against the PLH's own line, over the chosen years. The PLH's sub-lines do not
/// always add up to its lines (action 3's scheme envelopes exceed its investment line by
/// 110 000 € a year, action 5's fall 100 000 € short): the difference is shown, never hidden.
/// A total over the PLH period counts in a year as the PLH averages its own lines (total / years).
public struct ReconciliationRow: Encodable, Sendable, Equatable {
    public var action: Int
    public var title: String
    public var kind: String
    /// The PLH's line over the chosen years (the yearly average × years, or the six-year figure).
    public var plhLine: Money
    public var outsideBudget: Bool
    /// Own envelopes of the schemes paid on the action in this section.
    public var schemeEnvelopes: Money
    /// Envelopes of the action's other budget lines in this section.
    public var lineEnvelopes: Money
    /// `schemeEnvelopes + lineEnvelopes - plhLine`: positive when the envelopes promise more than the PLH's line.
    public var difference: Money
    /// `schemeEnvelopes - plhLine`: the aid schemes alone against the line.
    public var schemeDifference: Money
    /// The schemes and lines counted.
    public var schemes: [String]
    public var lines: [String]

    public var envelopes: Money { schemeEnvelopes + lineEnvelopes }

    /// "Action 3, investissement : enveloppes 1 410 000 € pour une ligne du PLH de 1 300 000 € (écart +110 000 €)".
    public var sentence: String {
        let sign = difference.isNegative ? "" : "+"
        return "Action \(action), \(BudgetKind(rawValue: kind)?.label.lowercased() ?? kind) : enveloppes \(FrenchFormat.money(envelopes, alwaysCents: false)) "
            + "pour une ligne du PLH de \(FrenchFormat.money(plhLine, alwaysCents: false)) (écart \(sign)\(FrenchFormat.money(difference, alwaysCents: false)))"
    }

    /// One row per action and section where the PLH has a line or the profile an envelope.
    public static func rows(plh: PLHProgramme, catalog: SchemeCatalog, years: [Int]) -> [ReconciliationRow] {
        let n = plh.durationYears
        let whole = years.count == n && Set(years) == Set(plh.years)
        return plh.actions.sorted { $0.number < $1.number }.flatMap { action in
            BudgetKind.allCases.compactMap { kind -> ReconciliationRow? in
                let schemes = catalog.schemes(budgetAction: action.number).filter { $0.budgetSection == kind && $0.envelope.fromScheme == nil }
                let lines = action.allLines.filter { $0.kind == kind }
                let line = action.line(kind)
                guard line != nil || !schemes.isEmpty || !lines.isEmpty else { return nil }
                // Over the whole period a period total counts once; in a year, as its yearly average.
                func sum(_ envelopes: [SchemeEnvelope]) -> Money {
                    if whole {
                        return envelopes.map { e in years.compactMap { e.amount(year: $0) }.sum { $0 } + (e.period ?? .zero) }.sum { $0 }
                    }
                    return years.map { y in envelopes.compactMap { $0.yearlyEquivalent(year: y, years: n) }.sum { $0 } }.sum { $0 }
                }
                let plhLine: Money = line.map { whole ? $0.sixYears : $0.perYear(years: n) * years.count } ?? .zero
                let schemeTotal = sum(schemes.map(\.envelope)), lineTotal = sum(lines.map(\.envelope))
                return ReconciliationRow(action: action.number, title: action.title, kind: kind.rawValue, plhLine: plhLine,
                                         outsideBudget: line?.outsideBudget ?? false, schemeEnvelopes: schemeTotal,
                                         lineEnvelopes: lineTotal, difference: schemeTotal + lineTotal - plhLine,
                                         schemeDifference: schemeTotal - plhLine,
                                         schemes: schemes.map(\.code), lines: lines.map(\.id))
            }
        }
    }
}

extension ReconciliationRow {
    /// The differences of every year of the PLH, one sentence per action and section, naming the
    /// years each difference holds for: what `guichet check` warns about.
    public static func warnings(plh: PLHProgramme, catalog: SchemeCatalog) -> [String] {
        var byLine: [String: [(year: Int, row: ReconciliationRow)]] = [:]
        var order: [String] = []
        for year in plh.years {
            for row in rows(plh: plh, catalog: catalog, years: [year]) where row.difference != .zero {
                let key = "\(row.action)-\(row.kind)"
                if byLine[key] == nil { order.append(key) }
                byLine[key, default: []].append((year, row))
            }
        }
        return order.map { key in
            let items = byLine[key]!
            var groups: [(sentence: String, years: [Int])] = []
            for item in items {
                if let i = groups.firstIndex(where: { $0.sentence == item.row.sentence }) { groups[i].years.append(item.year) } else {
                    groups.append((item.row.sentence, [item.year]))
                }
            }
            return groups.map { "\($0.sentence) en \(yearsText($0.years))" }.joined(separator: " ; ")
        }
    }

    /// "2023, 2024" or "2025-2028" for consecutive years.
    static func yearsText(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        if years.count > 2 && last - first == years.count - 1 { return "\(first)-\(last)" }
        return years.map(String.init).joined(separator: ", ")
    }
}
