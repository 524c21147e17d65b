import GuichetCore

/// `guichet plh indicators --json`: the review by action for scripts. Figures are numbers of the
/// measure's kind: counts as integers, amounts in cents, shares in basis points (2 500 = 25 %),
/// ratios and surfaces in hundredths; texts as strings; null when nothing is known.
struct PLHReviewJSON: Encodable {
    struct Action: Encodable {
        var number: Int
        var title: String
        var owner: String
        var partners: [String]
        var levers: [Lever]
        var measures: [Measure]
        var money: [String: MoneyYear]?
    }
    struct Lever: Encodable {
        var id: String
        var label: String
        var plannedYears: [Int]
        /// Year → planned / started / done / dropped (absent: not planned, nothing recorded).
        var states: [String: String]
        var notes: [String: String]
    }
    struct Target: Encodable { var value: Int64; var per: String; var approximate: Bool; var quote: String }
    struct Entry: Encodable { var agent: String; var date: String; var comment: String? }
    struct Measure: Encodable {
        var indicatorId: String
        var indicator: String
        var id: String
        var label: String
        var kind: String
        var unit: String
        var source: String
        var definition: String?
        var target: Target?
        var values: [String: Value?]
        var cumulated: Int64?
        var gap: Int64?
        var trend: String?
        var entry: Entry?
        /// Dossiers, programmes or allocations the year's figure counts.
        var members: Int?
        var note: String?
    }
    enum Value: Encodable {
        case number(Int64), text(String)
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self { case .number(let n): try c.encode(n); case .text(let t): try c.encode(t) }
        }
    }
    struct MoneyYear: Encodable { var envelope: Int64?; var committed: Int64; var paid: Int64; var dossiers: Int }
    struct Territorial: Encodable {
        var territory: String; var kind: String; var product: String; var target: Int; var produced: Int; var shareBp: Int?
    }

    var kind: String
    var year: Int
    var years: [Int]
    var actions: [Action]
    var territorial: [Territorial]

    /// A figure in hundredths as the JSON states it for the measure's kind.
    static func number(_ hundredths: Int64, _ kind: MeasureKind) -> Int64 { kind == .count ? hundredths / 100 : hundredths }

    init(_ r: PLHReview) {
        kind = r.kind.rawValue
        year = r.year
        years = r.years
        actions = r.actions.map { a in
            Action(number: a.number, title: a.title, owner: a.sheet.owner, partners: a.sheet.partners,
                   levers: a.levers.map { l in
                       Lever(id: l.lever.id, label: l.lever.label, plannedYears: l.lever.years,
                             states: Dictionary(uniqueKeysWithValues: r.years.compactMap { y in l.state(y).map { (String(y), $0.rawValue) } }),
                             notes: Dictionary(uniqueKeysWithValues: r.years.compactMap { y in l.years[y]?.progress?.note.map { (String(y), $0) } }))
                   },
                   measures: a.measures.map { m in
                       let k = m.measure.kind
                       return Measure(indicatorId: m.indicator.id, indicator: m.indicator.text, id: m.measure.id, label: m.measure.label, kind: k.rawValue,
                                      unit: m.measure.unitLabel, source: m.isDerived ? "derived" : "entered", definition: m.definition,
                                      target: m.measure.target.map { Target(value: Self.number($0.figure, k), per: $0.per.rawValue, approximate: $0.isApproximate, quote: $0.source.text) },
                                      values: Dictionary(uniqueKeysWithValues: r.years.map { y in
                                          (String(y), m.value(y).map { v -> Value in
                                              switch v { case .number(let n): .number(Self.number(n, k)); case .text(let t): .text(t) }
                                          })
                                      }),
                                      cumulated: m.cumulated(through: r.year).map { Self.number($0, k) },
                                      gap: (r.kind == .midTerm || m.measure.target?.per == .period ? m.periodGap(through: r.year) : m.gap(for: r.year)).map { Self.number($0, k) },
                                      trend: m.trend(r.year)?.rawValue,
                                      entry: m.values[r.year]?.entry.map { Entry(agent: $0.agent, date: $0.enteredOn.iso, comment: $0.comment) },
                                      members: m.values[r.year]?.figure?.members.count, note: m.values[r.year]?.figure?.note)
                   },
                   money: a.money.flatMap { m in
                       !m.hasLines ? nil : Dictionary(uniqueKeysWithValues: r.years.compactMap { y in
                           m.years[y].map { (String(y), MoneyYear(envelope: $0.envelope?.cents, committed: $0.committed.cents, paid: $0.paid.cents, dossiers: $0.dossiers)) }
                       })
                   })
        }
        territorial = r.territorial.map {
            Territorial(territory: $0.target.scope.name, kind: $0.target.scope.kind.rawValue, product: $0.target.product.rawValue,
                        target: $0.target.dwellings, produced: $0.produced, shareBp: $0.share?.basisPoints)
        }
    }
}
