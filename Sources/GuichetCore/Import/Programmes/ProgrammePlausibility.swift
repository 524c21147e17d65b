/// Warnings on figures that read well but look wrong (never corrections): an energy label after
/// works worse than before (columns swapped?), a year far from the table's others, a subsidy
/// per dwelling far from the table's median.
struct ProgrammePlausibility {
    let rules: PlausibilityRules

    func check(_ report: inout ImportReport) {
        var issues: [ImportIssue] = []
        let columns = report.columns
        func column(_ f: ProgrammeField) -> SourceColumn? { columns.first { $0.field == f }?.source }
        // Labels: A (best) … G (worst).
        var worse = 0, both = 0
        for row in report.rehabilitation {
            guard let before = row.programme.labelBefore.value, let after = row.programme.labelAfter.value else { continue }
            both += 1
            if after > before {
                worse += 1
                issues.append(ImportIssue(.warning, line: row.line, column: column(.labelAfter),
                    "étiquette après travaux \(after.rawValue) moins bonne qu'avant travaux \(before.rawValue) : colonnes inversées ?"))
            }
        }
        if worse >= 3 && worse * 2 > both {
            issues.append(ImportIssue(.warning, line: report.headerLine,
                "\(worse) ligne(s) sur \(both) donnent une étiquette après travaux moins bonne qu'avant : "
                + "les colonnes « avant » et « après » sont-elles inversées ? (rien n'a été corrigé)"))
        }
        // Years and subsidies per dwelling.
        let rows: [(line: Int, year: Int?, dwellings: Int?, state: Int64?, epci: Int64?)] =
            report.construction.map { ($0.line, $0.programme.financingYear.value, $0.programme.dwellings,
                                       $0.programme.stateSubsidy.value?.cents, $0.programme.epciSubsidy.value?.cents) }
            + report.rehabilitation.map { ($0.line, $0.programme.financingYear.value, $0.programme.dwellings.value,
                                           $0.programme.stateSubsidy.value?.cents, $0.programme.epciSubsidy.value?.cents) }
        let years = rows.compactMap(\.year).sorted()
        if years.count >= rules.minimumRowsForMedian {
            let median = years[years.count / 2]
            for r in rows {
                guard let y = r.year, abs(y - median) > rules.yearsFromMedian else { continue }
                issues.append(ImportIssue(.warning, line: r.line, column: column(.financingYear),
                    "année \(y) invraisemblable pour ce tableau (année médiane \(median), écart de plus de \(rules.yearsFromMedian) ans)"))
            }
        }
        for (field, amount) in [(ProgrammeField.stateSubsidy, \(line: Int, year: Int?, dwellings: Int?, state: Int64?, epci: Int64?).state),
                                (.epciSubsidy, \.epci)] {
            let perDwelling: [(line: Int, cents: Int64)] = rows.compactMap { r in
                guard let a = r[keyPath: amount], a > 0, let d = r.dwellings, d > 0 else { return nil }
                return (r.line, a / Int64(d))
            }
            guard perDwelling.count >= rules.minimumRowsForMedian else { continue }
            let sorted = perDwelling.map(\.cents).sorted()
            let median = sorted[sorted.count / 2]
            guard median > 0 else { continue }
            let factor = Int64(rules.perDwellingFactor)
            for p in perDwelling where p.cents > median * factor || p.cents * factor < median {
                issues.append(ImportIssue(.warning, line: p.line, column: column(field),
                    "\(field.label) par logement \(FrenchFormat.money(Money(cents: p.cents))) loin de la médiane du tableau "
                    + "(\(FrenchFormat.money(Money(cents: median)))) : à vérifier"))
            }
        }
        report.issues += issues
    }
}
