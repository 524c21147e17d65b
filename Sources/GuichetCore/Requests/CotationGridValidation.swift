/// Checks of a grid file, each error located by its key path in the file
/// (`criteria[3].points : doit être ≥ 0`).
extension CotationGrid {
    public func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if version.allSatisfy(\.isWhitespace) {
            errors.append(ValidationError(field: "version", "la version de la grille est obligatoire"))
        }
        if criteria.isEmpty {
            errors.append(ValidationError(field: "criteria", "la grille ne contient aucun critère"))
        }
        for (i, criterion) in criteria.enumerated() {
            errors += criterion.validate().map { $0.prefixed("criteria[\(i)]") }
            for (j, fact) in (criterion.conditions ?? []).enumerated() {
                errors += fact.validate(allowed: HouseholdFactKind.forConditions, grid: self)
                    .map { $0.prefixed("criteria[\(i)].conditions[\(j)]") }
            }
            if let source = criterion.source {
                errors += source.validate().map { $0.prefixed("criteria[\(i)].source") }
            }
        }
        errors += duplicates(criteria.map(\.id), path: { "criteria[\($0)].id" })
        errors += validateThresholds()
        errors += validateRequestAgeSteps()
        errors += validateParameters()
        for (i, group) in essentialWorkerGroups.enumerated() {
            if group.occupations.isEmpty || group.occupations.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                errors.append(ValidationError(field: "essentialWorkerGroups[\(i)].occupations",
                                              "chaque groupe liste des professions non vides"))
            }
        }
        errors += duplicates(essentialWorkerGroups.map { String($0.group) },
                             path: { "essentialWorkerGroups[\($0)].group" })
        for (i, category) in priorityCategories.enumerated() {
            let path = "priorityCategories[\(i)]"
            if category.label.allSatisfy(\.isWhitespace) {
                errors.append(ValidationError(field: path + ".label", "le libellé est obligatoire"))
            }
            if let e = category.kind.unknownError(field: path + ".kind", what: "origine") { errors.append(e) }
        }
        errors += duplicates(priorityCategories.map(\.id), path: { "priorityCategories[\($0)].id" })
        for (i, category) in priorityCategories.enumerated() {
            for (j, fact) in (category.establishedBy ?? []).enumerated() {
                errors += fact.validate(allowed: HouseholdFactKind.known.filter { $0 != .essentialOccupation }, grid: self)
                    .map { $0.prefixed("priorityCategories[\(i)].establishedBy[\(j)]") }
            }
        }
        errors += validateExclusiveGroups()
        errors += validateSources()
        return errors
    }

    private func validateExclusiveGroups() -> [ValidationError] {
        var errors: [ValidationError] = []
        for (i, group) in (exclusiveGroups ?? []).enumerated() {
            let path = "exclusiveGroups[\(i)]"
            if group.criteria.count < 2 {
                errors.append(ValidationError(field: path + ".criteria", "un groupe exclusif réunit au moins deux critères"))
            }
            for (j, id) in group.criteria.enumerated() {
                if let c = criterion(id: id) {
                    if c.basis != .declared {
                        errors.append(ValidationError(field: path + ".criteria[\(j)]", "le critère « \(id) » est calculé : seuls les critères déclarés s'excluent"))
                    }
                } else {
                    errors.append(ValidationError(field: path + ".criteria[\(j)]", "critère inconnu « \(id) »"))
                }
            }
            errors += group.source.validate().map { $0.prefixed(path + ".source") }
        }
        errors += duplicates((exclusiveGroups ?? []).map(\.id), path: { "exclusiveGroups[\($0)].id" })
        return errors
    }

    /// Every parameter says where it comes from; a source names a known parameter.
    private func validateSources() -> [ValidationError] {
        var errors: [ValidationError] = []
        for key in Self.sourcedParameters where source(of: key) == nil {
            errors.append(ValidationError(field: "sources.\(key)", "source obligatoire (grille, texte source, décision locale ou valeur par défaut à confirmer)"))
        }
        for (key, source) in (sources ?? [:]).sorted(by: { $0.key < $1.key }) {
            if !Self.sourcedParameters.contains(key) {
                errors.append(ValidationError(field: "sources.\(key)", "paramètre inconnu (attendu \(frenchAlternatives(Self.sourcedParameters)))"))
            }
            errors += source.validate().map { $0.prefixed("sources.\(key)") }
        }
        if let rule = quartileYear {
            if let year = rule.fixedYear, !quartileThresholds.contains(where: { $0.year == year }) {
                errors.append(ValidationError(field: "quartileYear.fixedYear", "aucun seuil du 1er quartile pour \(year)"))
            }
            errors += rule.source.validate().map { $0.prefixed("quartileYear.source") }
        }
        return errors
    }

    private func validateThresholds() -> [ValidationError] {
        var errors: [ValidationError] = []
        if quartileThresholds.isEmpty {
            errors.append(ValidationError(field: "quartileThresholds", "au moins un seuil du 1er quartile est requis"))
        }
        for (i, t) in quartileThresholds.enumerated() where t.perUc.cents <= 0 {
            errors.append(ValidationError(field: "quartileThresholds[\(i)].centsPerUc", "doit être > 0"))
        }
        errors += duplicates(quartileThresholds.map { String($0.year) }, path: { "quartileThresholds[\($0)].year" })
        return errors
    }

    private func validateRequestAgeSteps() -> [ValidationError] {
        var errors: [ValidationError] = []
        let range = criterion(id: ComputedCriterion.requestAge.rawValue)
            .flatMap { c in c.minPoints.flatMap { lo in c.maxPoints.map { lo...max(lo, $0) } } }
        for (i, step) in requestAgeSteps.enumerated() {
            let path = "requestAgeSteps[\(i)]"
            if step.beyondMonths < 0 {
                errors.append(ValidationError(field: path + ".beyondMonths", "doit être ≥ 0"))
            }
            if i > 0, step.beyondMonths <= requestAgeSteps[i - 1].beyondMonths {
                errors.append(ValidationError(field: path + ".beyondMonths", "les paliers doivent être croissants"))
            }
            if step.points < 0 {
                errors.append(ValidationError(field: path + ".points", "doit être ≥ 0"))
            } else if let range, !range.contains(step.points) {
                errors.append(ValidationError(field: path + ".points",
                    "doit être compris entre \(range.lowerBound) et \(range.upperBound) (minPoints et maxPoints du critère)"))
            }
        }
        return errors
    }

    private func validateParameters() -> [ValidationError] {
        var errors: [ValidationError] = []
        if ravThresholdPerPersonPerDay.isNegative {
            errors.append(ValidationError(field: CodingKeys.ravThresholdPerPersonPerDay.rawValue, "doit être ≥ 0"))
        }
        if !(0...10_000).contains(tauxEffortThreshold.basisPoints) {
            errors.append(ValidationError(field: CodingKeys.tauxEffortThreshold.rawValue,
                                          "doit être compris entre 0 et 10000 (points de base)"))
        }
        if calRule.minimumProposals < 1 {
            errors.append(ValidationError(field: "calRule.minimumProposals", "doit être ≥ 1"))
        }
        if calRule.ranks.isEmpty || calRule.ranks.contains(where: { !(1...3).contains($0) }) {
            errors.append(ValidationError(field: "calRule.ranks", "rangs attendus parmi 1, 2 et 3"))
        }
        for (key, outcomes) in [("countedOutcomes", calRule.countedOutcomes ?? []), ("disqualifyingOutcomes", calRule.disqualifying)] {
            for (i, outcome) in outcomes.enumerated() {
                if let e = outcome.unknownError(field: "calRule.\(key)[\(i)]", what: "issue") { errors.append(e) }
            }
        }
        if let scale = consumptionUnits {
            for (value, key) in [(scale.firstPersonTenths, "firstPersonTenths"), (scale.otherOlderTenths, "otherOlderTenths"),
                                 (scale.youngerTenths, "youngerTenths"), (scale.olderFromAge, "olderFromAge")] where value <= 0 {
                errors.append(ValidationError(field: "consumptionUnits.\(key)", "doit être > 0"))
            }
        }
        if let days = ravDaysPerMonth, !(28...31).contains(days) {
            errors.append(ValidationError(field: "ravDaysPerMonth", "doit être compris entre 28 et 31"))
        }
        if youngAgeLimit <= 0 {
            errors.append(ValidationError(field: "youngAgeLimit", "doit être > 0"))
        }
        if seniorAge <= youngAgeLimit {
            errors.append(ValidationError(field: "seniorAge", "doit être supérieur à youngAgeLimit"))
        }
        return errors
    }
}

extension CotationCriterion {
    func validate() -> [ValidationError] {
        var errors: [ValidationError] = []
        if id.isEmpty || !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            errors.append(ValidationError(field: "id", "identifiant invalide « \(id) » (minuscules, chiffres et tirets)"))
        }
        if label.allSatisfy(\.isWhitespace) {
            errors.append(ValidationError(field: "label", "le libellé est obligatoire"))
        }
        if supportingDocument.allSatisfy(\.isWhitespace) {
            errors.append(ValidationError(field: "supportingDocument", "le justificatif attendu est obligatoire"))
        }
        if let e = category.unknownError(field: "category", what: "catégorie") { errors.append(e) }
        if let e = basis.unknownError(field: "basis", what: "nature") { errors.append(e) }
        let computed = ComputedCriterion(rawValue: id)
        if basis == .computed && computed == nil {
            errors.append(ValidationError(field: "basis", "aucun calcul connu pour le critère « \(id) »"))
        }
        if basis == .declared && computed != nil {
            errors.append(ValidationError(field: "basis", "le critère « \(id) » est calculé (attendu computed)"))
        }
        errors += validatePoints(scaled: computed == .requestAge)
        return errors
    }

    private func validatePoints(scaled: Bool) -> [ValidationError] {
        var errors: [ValidationError] = []
        switch (points, minPoints, maxPoints) {
        case (nil, nil, nil):
            errors.append(ValidationError(field: "points", "indiquer points, ou minPoints et maxPoints"))
        case (.some, nil, nil), (nil, .some, .some):
            break
        case (.some, _, _):
            errors.append(ValidationError(field: "points", "indiquer soit points, soit minPoints et maxPoints"))
        case (nil, _, _):
            errors.append(ValidationError(field: minPoints == nil ? "minPoints" : "maxPoints",
                                          "minPoints et maxPoints vont ensemble"))
        }
        for (value, key) in [(points, "points"), (minPoints, "minPoints"), (maxPoints, "maxPoints")] {
            if let value, value < 0 { errors.append(ValidationError(field: key, "doit être ≥ 0")) }
        }
        if let lo = minPoints, let hi = maxPoints {
            if hi < lo {
                errors.append(ValidationError(field: "maxPoints", "doit être ≥ minPoints"))
            } else if hi != lo && !scaled {
                errors.append(ValidationError(field: "maxPoints",
                    "un barème variable n'est prévu que pour l'ancienneté de la demande"))
            }
        }
        return errors
    }
}

/// One error per repeated value, naming the first occurrence.
private func duplicates(_ values: [String], path: (Int) -> String) -> [ValidationError] {
    var first: [String: Int] = [:]
    var errors: [ValidationError] = []
    for (i, value) in values.enumerated() {
        if let j = first[value] {
            errors.append(ValidationError(field: path(i), "« \(value) » en double (déjà en position \(j))"))
        } else {
            first[value] = i
        }
    }
    return errors
}
