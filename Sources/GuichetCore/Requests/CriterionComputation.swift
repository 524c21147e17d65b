/// The criteria the engine computes from the request's own data (§7.4). Their support is the
/// request itself, so they are always `supported`; they score when their condition holds.
struct CriterionComputation {
    let request: SocialHousingRequest
    let grid: CotationGrid
    let date: CalendarDate
    let figures: HouseholdFigures
    let threshold: QuartileThreshold?

    init(request: SocialHousingRequest, grid: CotationGrid, date: CalendarDate) {
        self.request = request
        self.grid = grid
        self.date = date
        figures = HouseholdFigures(request: request, on: date, scale: grid.consumptionUnits ?? .oecdModified,
                                   daysPerMonth: grid.ravDaysPerMonth ?? HouseholdFigures.daysPerMonth)
        threshold = grid.quartileThreshold(on: date)
    }

    func line(_ kind: ComputedCriterion, _ criterion: CotationCriterion) -> CotationLine {
        let (points, explanation): (Int?, String)
        switch kind {
        case .firstQuartile: (points, explanation) = firstQuartile(criterion)
        case .requestAge: (points, explanation) = requestAge()
        case .underThirty: (points, explanation) = applicantAge(criterion, young: true)
        case .sixtyOrMore: (points, explanation) = applicantAge(criterion, young: false)
        case .resourcesUnsuited: (points, explanation) = resourcesUnsuited(criterion)
        case .calRunnerUp: (points, explanation) = calRunnerUp(criterion)
        }
        return CotationLine(id: criterion.id, label: criterion.label, points: points ?? 0,
                            applied: points != nil, supported: true, explanation: explanation,
                            source: source(kind, criterion))
    }

    /// Where the points and thresholds of a computed line come from: the criterion's own source,
    /// else the parameters it reads, else the grid.
    private func source(_ kind: ComputedCriterion, _ criterion: CotationCriterion) -> String {
        if let own = criterion.source { return own.shortDescription }
        let parameters: [ParameterSource?] = switch kind {
        case .firstQuartile: [grid.source(of: "quartileThresholds"), grid.quartileYear?.source, grid.source(of: "consumptionUnits")]
        case .requestAge: [grid.source(of: "requestAgeSteps")]
        case .underThirty: [grid.source(of: "youngAgeLimit")]
        case .sixtyOrMore: [grid.source(of: "seniorAge")]
        case .resourcesUnsuited: [grid.source(of: "ravThresholdCentsPerPersonPerDay"), grid.source(of: "tauxEffortThresholdBasisPoints"),
                                  grid.source(of: "ravDaysPerMonth")]
        case .calRunnerUp: [grid.source(of: "calRule")]
        }
        let defaults = parameters.compactMap { $0 }.filter(\.isDefaultToConfirm)
        return ([CotationEngine.gridSource] + defaults.map(\.shortDescription)).joined(separator: " ; ")
    }

    private var day: String { FrenchFormat.date(date) }

    /// Income per UC strictly under the threshold of the computation year (or the latest earlier
    /// year the grid has). Resources exactly at the threshold do not qualify.
    private func firstQuartile(_ criterion: CotationCriterion) -> (Int?, String) {
        guard let threshold else {
            return (nil, "Aucun seuil du 1er quartile pour \(date.year) ni pour une année antérieure : critère non évalué.")
        }
        guard let perUc = figures.incomePerUc else {
            return (nil, "Aucun membre du ménage : critère non évalué.")
        }
        let fallback: String
        if let fixed = grid.quartileYear?.fixedYear {
            fallback = "Seuil de l'année \(fixed) fixée par le profil" + (threshold.year == fixed ? ". " : " (aucun seuil pour \(fixed) : seuil \(threshold.year)). ")
        } else {
            fallback = threshold.year == date.year ? "" : "Aucun seuil pour \(date.year) : seuil \(threshold.year) utilisé. "
        }
        let applies = figures.isUnder(threshold.perUc)
        let facts = "Ressources annuelles de \(FrenchFormat.money(request.annualResources)) pour "
            + "\(ucText(figures.ucTenths)) UC, soit \(FrenchFormat.money(perUc)) par UC, "
        let verdict = applies ? "inférieures au" : "non inférieures au"
        return (applies ? criterion.awardedPoints : nil,
                fallback + facts + "\(verdict) seuil \(threshold.year) du 1er quartile (\(FrenchFormat.money(threshold.perUc)) par UC).")
    }

    /// The highest step of the scale whose length the request strictly exceeds on the date.
    private func requestAge() -> (Int?, String) {
        let start = request.requestDate
        let months = start.wholeMonths(until: date)
        let days = start.adding(months: months).days(until: date)
        let age = "\(months) mois" + (days > 0 ? " et \(days) jour\(days > 1 ? "s" : "")" : "")
        let head = "Demande du \(FrenchFormat.date(start)), ancienne de \(age) le \(day)"
        let passed = grid.requestAgeSteps.filter { date > start.adding(months: $0.beyondMonths) }
        guard let step = passed.max(by: { $0.beyondMonths < $1.beyondMonths }) else {
            guard let first = grid.requestAgeSteps.map(\.beyondMonths).min() else {
                return (nil, head + " : la grille ne prévoit aucun palier d'ancienneté.")
            }
            return (nil, head + " : pas plus de \(first) mois.")
        }
        let scale = grid.source(of: "requestAgeSteps").flatMap { $0.isDefaultToConfirm ? " Barème par défaut du produit, à confirmer." : nil } ?? ""
        return (step.points, head + " : plus de \(step.beyondMonths) mois.\(scale)")
    }

    /// Requester or co-requester strictly under `youngAgeLimit`, or aged `seniorAge` or more,
    /// on the computation date (the birthday itself counts).
    private func applicantAge(_ criterion: CotationCriterion, young: Bool) -> (Int?, String) {
        let applicants = request.members.filter(\.isApplicant)
        guard !applicants.isEmpty else { return (nil, "Aucun demandeur ni co-demandeur.") }
        let condition = young ? "moins de \(grid.youngAgeLimit) ans" : "\(grid.seniorAge) ans ou plus"
        let qualifies = { (m: RequestMember) -> Bool in
            let age = m.birthDate.age(on: date)
            return young ? age < grid.youngAgeLimit : age >= grid.seniorAge
        }
        let ages = applicants.map { "\($0.role.frenchLabel) \($0.birthDate.age(on: date)) ans" }
            .joined(separator: ", ")
        let head = "Âge le \(day) : \(ages) ; "
        if applicants.contains(where: qualifies) {
            return (criterion.awardedPoints, head + condition + ".")
        }
        return (nil, head + "aucun n'a " + condition + ".")
    }

    /// Both: reste à vivre strictly under the threshold and taux d'effort strictly above it.
    private func resourcesUnsuited(_ criterion: CotationCriterion) -> (Int?, String) {
        guard figures.netMonthlyCost != nil else {
            return (nil, "Aucun logement actuel renseigné (loyer, charges, aide au logement) : critère non évalué.")
        }
        let ravLimit = grid.ravThresholdPerPersonPerDay, effortLimit = grid.tauxEffortThreshold
        let ravLow = figures.ravIsUnder(ravLimit)
        let effortHigh = figures.tauxEffortIsAbove(effortLimit)
        let rav = figures.ravPerPersonPerDay.map { FrenchFormat.money($0) } ?? "non calculable"
        let effort = figures.tauxEffort.map { FrenchFormat.percent($0, decimals: 2) } ?? "non calculable (ressources nulles)"
        let limit = FrenchFormat.percent(effortLimit, decimals: effortLimit.basisPoints % 100 == 0 ? 0 : 2)
        let facts = "Reste à vivre de \(rav) par personne et par jour (condition : moins de "
            + "\(FrenchFormat.money(ravLimit))) et taux d'effort de \(effort) (condition : plus de \(limit)) : "
        let verdict = switch (ravLow, effortHigh) {
        case (true, true): "les deux conditions sont remplies."
        case (true, false): "le taux d'effort ne dépasse pas le seuil."
        case (false, true): "le reste à vivre n'est pas inférieur au seuil."
        case (false, false): "aucune des deux conditions n'est remplie."
        }
        return (ravLow && effortHigh ? criterion.awardedPoints : nil, facts + verdict)
    }

    /// At least `calRule.minimumProposals` committee proposals up to the date, at a counted rank
    /// and with a counted outcome (none recorded: not retained), and no proposal whose outcome
    /// disqualifies (an allocation, a refusal without justification).
    private func calRunnerUp(_ criterion: CotationCriterion) -> (Int?, String) {
        let rule = grid.calRule
        let past = request.calProposals.filter { $0.date <= date }
        let count = past.filter { rule.ranks.contains($0.rank) && rule.counted.contains($0.effectiveOutcome) }.count
        let rankText = frenchAlternatives(rule.ranks.sorted().map(String.init))
        let outcomes = frenchAlternatives(rule.counted.map(\.frenchLabel))
        var text = "\(count) proposition\(count > 1 ? "s" : "") en CAL en rang \(rankText) (\(outcomes)) "
            + "au \(day), au moins \(rule.minimumProposals) requise\(rule.minimumProposals > 1 ? "s" : "")."
        let barring = past.filter { rule.disqualifying.contains($0.effectiveOutcome) }
        if let first = barring.first {
            text += " Proposition du \(FrenchFormat.date(first.date)) : \(first.effectiveOutcome.frenchLabel), ce qui exclut le critère."
            return (nil, text)
        }
        return (count >= rule.minimumProposals ? criterion.awardedPoints : nil, text)
    }
}

/// UC held in tenths, written the French way: 13 → "1,3".
func ucText(_ tenths: Int) -> String { "\(tenths / 10),\(tenths % 10)" }
