/// The PLH synthesis table (brief §3) with, for every action and section, what was committed and
/// paid on it: the aid dossiers of its schemes and the commitments on its other budget lines.
/// `…Year` figures cover the chosen years (one year, or the whole period), `…Period` the PLH's.
public struct PLHOverview: Encodable, Sendable {
    /// Committed and paid on one section (investment or operating) of an action.
    public struct Figures: Encodable, Sendable, Equatable {
        public var committedYear = Money.zero
        public var paidYear = Money.zero
        public var committedPeriod = Money.zero
        public var paidPeriod = Money.zero

        public init(committedYear: Money = .zero, paidYear: Money = .zero, committedPeriod: Money = .zero, paidPeriod: Money = .zero) {
            self.committedYear = committedYear; self.paidYear = paidYear; self.committedPeriod = committedPeriod; self.paidPeriod = paidPeriod
        }

        static func + (a: Figures, b: Figures) -> Figures {
            Figures(committedYear: a.committedYear + b.committedYear, paidYear: a.paidYear + b.paidYear,
                    committedPeriod: a.committedPeriod + b.committedPeriod, paidPeriod: a.paidPeriod + b.paidPeriod)
        }
    }

    /// A budget line of the action that is not an individual aid.
    public struct SubLine: Encodable, Sendable {
        public var id: String
        public var label: String
        public var kind: String
        public var outsideBudget: Bool
        /// "16 919 € par an", "100 000 € en 2023, 100 000 € en 2024".
        public var envelope: String
        public var figures: Figures
        public var source: String
    }

    public struct Line: Encodable, Sendable {
        public var action: Int
        public var title: String
        public var budgetNote: String?
        public var investment: Money?
        public var investmentPerYear: Money?
        public var investmentOutsideBudget: Bool
        public var operating: Money?
        public var operatingPerYear: Money?
        public var operatingOutsideBudget: Bool
        public var schemes: [String]
        public var committedYear: Money
        public var paidYear: Money
        public var committedPeriod: Money
        public var paidPeriod: Money
        public var investmentFigures: Figures
        public var operatingFigures: Figures
        public var budgetLines: [SubLine]

        public func line(_ kind: BudgetKind) -> (sixYears: Money?, perYear: Money?, outside: Bool) {
            kind == .investment ? (investment, investmentPerYear, investmentOutsideBudget) : (operating, operatingPerYear, operatingOutsideBudget)
        }
        public func figures(_ kind: BudgetKind) -> Figures { kind == .investment ? investmentFigures : operatingFigures }
    }

    public struct Totals: Encodable, Sendable {
        public var inside: Money
        public var insidePerYear: Money
        public var outside: Money
        public var outsidePerYear: Money
        /// Committed and paid on the lines inside the PLH budget, and on those outside it.
        public var insideFigures: Figures
        public var outsideFigures: Figures
    }

    public var title: String
    public var firstYear: Int
    public var lastYear: Int
    public var lines: [Line]
    public var investment: Totals
    public var operating: Totals
    public var committedYear: Money
    public var paidYear: Money
    public var committedPeriod: Money
    public var paidPeriod: Money

    public init(plh: PLHProgramme, ledger: BudgetLedger, years: [Int]) {
        title = plh.title; firstYear = plh.firstYear; lastYear = plh.lastYear
        let n = plh.durationYears
        func figures(_ action: Int, _ kind: BudgetKind) -> Figures {
            func sum(_ ys: [Int]) -> (Money, Money) {
                let s = ys.map { ledger.actionStatus(action: action, year: $0, kind: kind) }
                return (s.sum(\.committed), s.sum(\.paid))
            }
            let chosen = sum(years), period = sum(Array(plh.years))
            return Figures(committedYear: chosen.0, paidYear: chosen.1, committedPeriod: period.0, paidPeriod: period.1)
        }
        func lineFigures(_ id: String) -> Figures {
            let chosen = years.map { ledger.figures(line: id, year: $0) }, period = plh.years.map { ledger.figures(line: id, year: $0) }
            return Figures(committedYear: chosen.sum(\.committed), paidYear: chosen.sum(\.paid),
                           committedPeriod: period.sum(\.committed), paidPeriod: period.sum(\.paid))
        }
        lines = plh.actions.sorted { $0.number < $1.number }.map { a in
            let inv = figures(a.number, .investment), op = figures(a.number, .operating), all = inv + op
            return Line(action: a.number, title: a.title, budgetNote: a.budgetNote,
                        investment: a.investment?.sixYears, investmentPerYear: a.investment?.perYear(years: n),
                        investmentOutsideBudget: a.investment?.outsideBudget ?? false,
                        operating: a.operating?.sixYears, operatingPerYear: a.operating?.perYear(years: n),
                        operatingOutsideBudget: a.operating?.outsideBudget ?? false,
                        schemes: ledger.catalog.schemes(budgetAction: a.number).map(\.code),
                        committedYear: all.committedYear, paidYear: all.paidYear,
                        committedPeriod: all.committedPeriod, paidPeriod: all.paidPeriod,
                        investmentFigures: inv, operatingFigures: op,
                        budgetLines: a.allLines.map { l in
                            SubLine(id: l.id, label: l.label, kind: l.kind.rawValue, outsideBudget: l.isOutsideBudget, envelope: l.envelope.label,
                                    figures: lineFigures(l.id), source: l.envelope.source.orDefault.label)
                        })
        }
        let rows = lines
        func totals(_ k: BudgetKind) -> Totals {
            let t = plh.totals(k)
            var inside = Figures(), outside = Figures()
            for l in rows {
                if l.line(k).outside { outside = outside + l.figures(k) } else { inside = inside + l.figures(k) }
            }
            return Totals(inside: t.inside, insidePerYear: t.insidePerYear, outside: t.outside, outsidePerYear: t.outsidePerYear,
                          insideFigures: inside, outsideFigures: outside)
        }
        investment = totals(.investment); operating = totals(.operating)
        committedYear = lines.sum(\.committedYear); paidYear = lines.sum(\.paidYear)
        committedPeriod = lines.sum(\.committedPeriod); paidPeriod = lines.sum(\.paidPeriod)
    }
}
