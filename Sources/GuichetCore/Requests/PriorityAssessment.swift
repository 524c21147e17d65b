/// Priority-household status (§7.6) derived from the request: each category of the grid file is
/// established by any one of its facts (a statutory criterion supported by a valid document, an
/// age, the waiting time, the CAL history…); a category no fact can show is "declared only" and
/// counts when the agent ticks it. A ticked category that facts should establish but do not is
/// reported, not counted.
enum PriorityAssessment {
    static func findings(_ request: SocialHousingRequest, grid: CotationGrid, on date: CalendarDate,
                         established: [String: String]) -> [PriorityFinding] {
        let context = FactContext(request: request, grid: grid, date: date, claim: nil, established: established)
        var out: [PriorityFinding] = []
        for category in grid.priorityCategories {
            let ticked = request.priorityCategories.contains(category.id)
            func finding(_ holds: Bool, _ basis: PriorityFinding.Basis, _ reason: String) -> PriorityFinding {
                PriorityFinding(id: category.id, label: category.label, established: holds, basis: basis, reason: reason)
            }
            if category.isDeclaredOnly {
                if ticked { out.append(finding(true, .declared, "déclarée par l'agent (aucune donnée de la demande ne peut l'établir)")) }
                continue
            }
            let checks = (category.establishedBy ?? []).map(context.check)
            if let holding = checks.first(where: \.holds) {
                out.append(finding(true, .derived, holding.text))
            } else if ticked {
                out.append(finding(false, .declared, "cochée, mais non établie : " + checks.map(\.text).joined(separator: " ; ")))
            }
        }
        return out
    }
}
