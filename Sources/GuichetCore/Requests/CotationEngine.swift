/// Scores a social-housing request against a territory's grid (§7): the sum of the points of
/// every criterion that applies and is supported.
public enum CotationEngine {
    public static func score(_ request: SocialHousingRequest, grid: CotationGrid,
                             on date: CalendarDate) -> CotationResult {
        let computation = CriterionComputation(request: request, grid: grid, date: date)
        let lines = grid.criteria.map { criterion -> CotationLine in
            if criterion.basis == .computed, let kind = ComputedCriterion(rawValue: criterion.id) {
                return computation.line(kind, criterion)
            }
            return declaredLine(criterion, claim: request.claim(for: criterion.id), on: date)
        }
        return CotationResult(
            total: lines.reduce(0) { $0 + $1.points },
            lines: lines,
            figures: computation.figures,
            quartileThreshold: computation.threshold,
            gridVersion: grid.version,
            computedOn: date,
            isPriorityHousehold: request.priorityCategories.contains { grid.priorityCategory(id: $0) != nil })
    }

    /// A declared criterion counts when claimed with a document valid on the computation date.
    static func declaredLine(_ criterion: CotationCriterion, claim: CriterionClaim?,
                             on date: CalendarDate) -> CotationLine {
        guard let claim else {
            return CotationLine(id: criterion.id, label: criterion.label, points: 0, applied: false,
                                supported: false, explanation: "Situation non déclarée.")
        }
        let detail = claim.detail.map { " Précision : \($0)." } ?? ""
        if let problem = claim.document.problem(on: date) {
            return CotationLine(id: criterion.id, label: criterion.label, points: 0, applied: true, supported: false,
                explanation: "Situation déclarée, \(problem) (justificatif attendu : \(criterion.supportingDocument)) : 0 point.\(detail)")
        }
        return CotationLine(id: criterion.id, label: criterion.label, points: criterion.awardedPoints,
                            applied: true, supported: true,
                            explanation: "Situation déclarée, justificatif valide (\(criterion.supportingDocument)).\(detail)")
    }
}
