/// The review's headline table "à l'échelle de l'agglomération" recomputed from the register,
/// each cell beside the published figure: objectives, priority households rehoused (all
/// contingents, State contingent), allocations, shares and year-on-year changes.
public struct AgglomerationHeadline: Sendable {
    public enum Unit: String, Sendable, Codable { case count, basisPoints }

    public struct Row: Sendable {
        public var label: String
        public var unit: Unit
        /// One cell per column of `columns`.
        public var cells: [ComparedValue]
    }

    public var columns: [ReviewColumn]
    public var rows: [Row]

    /// Row labels, the review's own words.
    public enum Label {
        public static let objective = "Objectifs annuels de relogt des PP"
        public static let rehoused = "Relogt PP (ts contingents confondus)"
        public static let fulfilled = "Objectifs remplis (Tous contingents)"
        public static let state = "Relogt contingent Etat"
        public static let stateFulfilled = "Objectifs remplis (contingent Etat)"
        public static let allocations = "Attributions globales /année"
        public static let share = "% de relogt des PP (tous contingents)"
        public static let allocationsChange = "Évolution d'une année sur l'autre des attributions"
        public static let priorityChange = "Évolution d'une année sur l'autre des attributions au public prioritaire"
    }

    public init(review: AllocationReview, published: PublishedAllocationFigures) {
        let columns = review.columns
        self.columns = columns
        let state = ReservationHolder(kind: .state)
        func counted(_ c: ReviewColumn, _ scope: AllocationScope) -> (priority: Int, allocations: Int)? {
            guard let i = review.indicators(scope, year: c.year) else { return nil }
            return c.transfers == .included ? (i.priority, i.allocations) : (i.priorityExcludingTransfers, i.firstAllocations)
        }
        func ratio(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            return Percentage.ratio(a, of: b)?.basisPoints
        }
        /// The change from the previous year's column counted the same way, in basis points.
        func change(_ c: ReviewColumn, _ value: (ReviewColumn) -> Int?) -> Int? {
            guard let now = value(c), let before = value(ReviewColumn(year: c.year - 1, transfers: c.transfers)), before > 0 else { return nil }
            return Percentage.ratio(now - before, of: before)?.basisPoints
        }
        func publishedRatio(_ a: PublishedValue?, _ b: Int?) -> PublishedValue? {
            guard let a, let v = ratio(a.value, b) else { return nil }
            return PublishedValue(value: v, perimeter: a.perimeter)
        }
        var rows: [Row] = []
        self.rows = []
        func add(_ label: String, _ unit: Unit, _ cell: (ReviewColumn) -> ComparedValue) {
            rows.append(Row(label: label, unit: unit, cells: columns.map(cell)))
        }
        add(Label.objective, .count) { c in
            ComparedValue(computed: nil, published: published.priorityObjective(c.year).map { PublishedValue(value: $0, perimeter: "objectif fixé") })
        }
        add(Label.rehoused, .count) { c in ComparedValue(computed: counted(c, .agglomeration)?.priority, published: published.rehoused(c)) }
        add(Label.fulfilled, .basisPoints) { c in
            let objective = published.priorityObjective(c.year)
            // Printed for the columns "mutations incluses" only (102,68 % … 86,71 %).
            let printed = c.transfers == .included ? publishedRatio(published.rehoused(c), objective) : nil
            return ComparedValue(computed: ratio(counted(c, .agglomeration)?.priority, objective), published: printed)
        }
        add(Label.state, .count) { c in ComparedValue(computed: counted(c, .holder(state))?.priority, published: published.stateRehoused(c.year)) }
        add(Label.stateFulfilled, .basisPoints) { c in
            ComparedValue(computed: ratio(counted(c, .holder(state))?.priority, published.priorityObjective(c.year)),
                          published: published.stateShareOfObjective(c.year))
        }
        add(Label.allocations, .count) { c in ComparedValue(computed: counted(c, .agglomeration)?.allocations, published: published.allocations(c)) }
        add(Label.share, .basisPoints) { c in
            ComparedValue(computed: counted(c, .agglomeration).flatMap { ratio($0.priority, $0.allocations) },
                          published: published.share(.priority, scope: .agglomeration, column: c))
        }
        add(Label.allocationsChange, .basisPoints) { c in
            ComparedValue(computed: change(c) { counted($0, .agglomeration)?.allocations },
                          published: published.changes(c).allocations)
        }
        add(Label.priorityChange, .basisPoints) { c in
            ComparedValue(computed: change(c) { counted($0, .agglomeration)?.priority }, published: published.changes(c).priority)
        }
        self.rows = rows
    }

    public func row(_ label: String) -> Row? { rows.first { $0.label == label } }
}
