/// Scores a social-housing request against a territory's grid (§7): the sum of the points of
/// every criterion that applies, is supported, meets the conditions the grid file states on the
/// household, and is not set aside by a higher exclusive situation.
public enum CotationEngine {
    public static func score(_ request: SocialHousingRequest, grid: CotationGrid,
                             on date: CalendarDate) -> CotationResult {
        let computation = CriterionComputation(request: request, grid: grid, date: date)
        // Criteria established, with why: what the priority categories' `criterion` facts read.
        var established: [String: String] = [:]
        var lines: [CotationLine] = []
        for criterion in grid.criteria {
            if criterion.basis == .computed, let kind = ComputedCriterion(rawValue: criterion.id) {
                let line = computation.line(kind, criterion)
                if line.points > 0 { established[criterion.id] = line.explanation }
                lines.append(line)
            } else {
                let (line, why) = declaredLine(criterion, request: request, grid: grid, on: date)
                if let why { established[criterion.id] = why }
                lines.append(line)
            }
        }
        lines = setAsideExclusive(lines, grid: grid)
        // A situation set aside by a higher exclusive one establishes nothing either.
        for line in lines where line.points == 0 { established[line.id] = nil }
        return CotationResult(
            total: lines.reduce(0) { $0 + $1.points },
            lines: lines,
            figures: computation.figures,
            quartileThreshold: computation.threshold,
            gridVersion: grid.version,
            computedOn: date,
            priority: PriorityAssessment.findings(request, grid: grid, on: date, established: established))
    }

    /// A declared criterion counts when claimed with a document valid on the computation date and
    /// every condition of the grid file holds. Returns the line, and why the criterion is
    /// established (nil when it is not).
    static func declaredLine(_ criterion: CotationCriterion, request: SocialHousingRequest, grid: CotationGrid,
                             on date: CalendarDate) -> (CotationLine, String?) {
        let source = criterion.source?.shortDescription ?? Self.gridSource
        func line(_ points: Int, applied: Bool, supported: Bool, _ text: String) -> CotationLine {
            CotationLine(id: criterion.id, label: criterion.label, points: points, applied: applied,
                         supported: supported, explanation: text, source: source)
        }
        guard let claim = request.claim(for: criterion.id) else {
            return (line(0, applied: false, supported: false, "Situation non déclarée."), nil)
        }
        let context = FactContext(request: request, grid: grid, date: date, claim: claim)
        let checks = (criterion.conditions ?? []).map { ($0, context.check($0)) }
        let failed = checks.filter { !$0.1.holds }
        let usesDetail = (criterion.conditions ?? []).contains { $0.kind == .essentialOccupation }
        let detail = usesDetail ? "" : (claim.detail.map { " Précision : \($0)." } ?? "")
        let problem = claim.document.problem(on: date)
        if !failed.isEmpty {
            let reasons = failed.map { "\($0.1.text) (\(conditionWords($0.0)))" }.joined(separator: " ; ")
            let document = problem.map { " De plus, \($0)." } ?? ""
            return (line(0, applied: true, supported: problem == nil,
                         "Situation déclarée, mais condition non remplie : \(reasons) : 0 point.\(document)\(detail)"), nil)
        }
        let met = checks.isEmpty ? "" : " Condition remplie : " + checks.map(\.1.text).joined(separator: " ; ") + "."
        if let problem {
            return (line(0, applied: true, supported: false,
                         "Situation déclarée, \(problem) (justificatif attendu : \(criterion.supportingDocument)) : 0 point.\(met)\(detail)"), nil)
        }
        let text = "Situation déclarée, justificatif valide (\(criterion.supportingDocument)).\(met)\(detail)"
        return (line(criterion.awardedPoints, applied: true, supported: true, text),
                "justificatif valide" + (checks.isEmpty ? "" : ", " + checks.map(\.1.text).joined(separator: " ; ")))
    }

    static let gridSource = "grille (annexe 3)"

    /// "condition de la grille « avec au moins un mineur »", or the default it is.
    static func conditionWords(_ fact: HouseholdFact) -> String {
        switch fact.source.kind {
        case .grid: "condition de la grille \(fact.source.text)"
        default: fact.source.shortDescription
        }
    }

    /// In each exclusive group, only the situation with the most points counts (the first in
    /// grid order on a tie); the others score 0 and say which one was kept.
    static func setAsideExclusive(_ lines: [CotationLine], grid: CotationGrid) -> [CotationLine] {
        var out = lines
        for group in grid.exclusiveGroups ?? [] {
            let scoring = out.indices.filter { group.criteria.contains(out[$0].id) && out[$0].points > 0 }
            guard scoring.count > 1,
                  let kept = scoring.max(by: { out[$0].points < out[$1].points || (out[$0].points == out[$1].points && $0 > $1) })
            else { continue }
            for i in scoring where i != kept {
                out[i].explanation += " Mais situation incompatible avec « \(out[kept].label) » (\(out[kept].points) points), "
                    + "seule retenue (situations exclusives : \(group.source.shortDescription)) : 0 point."
                out[i].points = 0
            }
        }
        return out
    }
}
