import Foundation

/// Demonstration commitments on the PLH's budget lines that are not individual aids: each
/// yearly line (ADIL, Mahra-Le Toit, SOLIHA, the operator's running costs, the land fund)
/// committed in full by a deliberation in March and paid half in June, the rest in November;
/// lines of given years (the ORI) in those years; a total over the PLH (a study) once. Nothing
/// later than `referenceDate`. No randomness: the same PLH and day give the same ledger.
public enum DemoCommitments {
    public static func generate(plh: PLHProgramme, referenceDate: CalendarDate, agent: String = "Service habitat",
                                createdAt: Date) -> [BudgetCommitment] {
        var out: [BudgetCommitment] = []
        var sequences: [Int: Int] = [:]
        let periodLines = plh.budgetLines.filter { $0.envelope.period != nil }
        for year in plh.years where year <= referenceDate.year {
            var due: [(PLHBudgetLine, Money)] = plh.budgetLines.compactMap { l in l.envelope.amount(year: year).map { (l, $0) } }
            // A period total is committed once, one study a year from the PLH's first year.
            for (i, l) in periodLines.enumerated() where plh.firstYear + i == year { due.append((l, l.envelope.period!)) }
            for (line, amount) in due {
                let decided = CalendarDate(year: year, month: 3, day: 15)!
                guard decided <= referenceDate, amount.cents > 0 else { continue }
                sequences[year, default: 0] += 1
                let n = sequences[year]!
                var c = BudgetCommitment(number: CommitmentNumber(year: year, sequence: n), lineID: line.id,
                                         decision: DecisionReference(reference: "Délibération n° \(year)-\(String(format: "%03d", 100 + n))", date: decided),
                                         beneficiary: line.beneficiary ?? "Prestataire retenu", purpose: "\(line.label) — \(year)", amount: amount,
                                         agent: agent, createdAt: createdAt)
                c.version = 1
                let half = amount.divided(by: 2, roundingTo: 100)
                for (date, part) in [(CalendarDate(year: year, month: 6, day: 30)!, half), (CalendarDate(year: year, month: 11, day: 30)!, amount - half)]
                where date <= referenceDate {
                    c.payments.append(CommitmentPayment(date: date, amount: part, reference: "Mandat \(year)-\(String(format: "%04d", 1_000 + out.count))", agent: agent))
                }
                out.append(c)
            }
        }
        return out
    }
}
