import XCTest
@testable import GuichetCore

/// Conditions on the household, exclusive situations, essential workers and parameter sources,
/// every figure read from the grid file (data/territories/cabbalr/cotation.json).
final class CotationConditionsTests: XCTestCase {
    var grid: CotationGrid!
    override func setUpWithError() throws { grid = try CotationFixture.grid() }

    func score(_ r: SocialHousingRequest, on date: CalendarDate = neutralDate) -> CotationResult {
        CotationEngine.score(r, grid: grid, on: date)
    }

    /// Criteria with exactly one age condition, with it.
    var ageConditioned: [(CotationCriterion, HouseholdFact)] {
        grid.criteria.compactMap { c in
            let ages = (c.conditions ?? []).filter { $0.kind == .age }
            return ages.count == 1 && c.conditions?.count == 1 ? (c, ages[0]) : nil
        }
    }

    func testTheGridPutsItsAgeConditionsOnTheCriteriaWhoseLabelsSaySo() {
        let ids = Set(ageConditioned.map(\.0.id))
        XCTAssertEqual(ids, ["logement-non-decent-mineur", "suroccupation-mineur", "sortant-ase",
                             "senior-logement-inadapte", "logement-inadapte-handicap"])
    }

    /// The day before and the day of the birthday that crosses each condition's age: as the
    /// requester alone, and as another member named by the claim (a child turning 18 for « au
    /// moins un mineur »), the other member's age never meeting the condition.
    func testEveryAgeConditionAtItsBirthdayBoundary() throws {
        for (criterion, condition) in ageConditioned {
            let age = try XCTUnwrap(condition.below ?? condition.atLeast)
            let birth = born(aged: age, on: neutralDate)
            let holdsOnBirthday = condition.atLeast != nil
            // Someone whose age never meets the condition (10 years on the wrong side).
            let otherAge = condition.below != nil ? max(age, 18) + 10 : age - 10
            var alone = requestMeeting(criterion, grid: grid)
            alone.members[0].birthDate = birth
            var withOther = alone
            withOther.members = [RequestMember(role: .requester, birthDate: born(aged: otherAge, on: neutralDate)),
                                 RequestMember(role: age < 18 || (condition.below ?? 99) <= 18 ? .child : .otherAdult, birthDate: birth)]
            withOther.criteria[0].member = 1
            var cases = [("seul", alone)]
            if condition.who != .applicants { cases.append(("autre membre", withOther)) }
            for (what, r) in cases {
                let before = score(r, on: neutralDate.adding(days: -1)).line(criterion.id)
                let on = score(r, on: neutralDate).line(criterion.id)
                let points = grid.points(criterion.id)
                XCTAssertEqual(before?.points, holdsOnBirthday ? 0 : points, "\(criterion.id) \(what), veille des \(age) ans")
                XCTAssertEqual(on?.points, holdsOnBirthday ? points : 0, "\(criterion.id) \(what), jour des \(age) ans")
                let failing = holdsOnBirthday ? before : on
                XCTAssertEqual(failing?.applied, true)
                XCTAssertEqual(failing?.explanation.hasPrefix("Situation déclarée, mais condition non remplie"), true, failing?.explanation ?? "")
                XCTAssertEqual(failing?.explanation.contains(condition.source.text), true, failing?.explanation ?? "")
            }
        }
    }

    /// The case: alone at 64, declaring every situation the grid conditions on ages or
    /// minors. Only the elderly person's unsuited home and the age criterion count.
    func testASixtyFourYearOldAloneGetsWhatTheGridGivesHim() {
        var r = neutralRequest()
        r.members = [RequestMember(role: .requester, birthDate: born(aged: 64, on: neutralDate))]
        r.criteria = ["logement-non-decent-mineur", "suroccupation-mineur", "sortant-ase", "logement-inadapte-handicap",
                      "senior-logement-inadapte"].map { CriterionClaim(criterionId: $0, document: .valid) }
        let result = score(r)
        XCTAssertEqual(result.total, grid.points("senior-logement-inadapte") + grid.points("senior-60"))
        XCTAssertEqual(result.line("suroccupation-mineur")?.explanation,
                       "Situation déclarée, mais condition non remplie : aucune personne du ménage n'a moins de 18 ans le 01/09/2024 "
                       + "(demandeur 64 ans) (condition de la grille « avec au moins un mineur ») : 0 point.")
    }

    // MARK: exclusive situations

    func testOnlyTheHighestOfExclusiveSituationsCounts() throws {
        let groups = try XCTUnwrap(grid.exclusiveGroups)
        XCTAssertFalse(groups.isEmpty)
        for group in groups {
            var r = neutralRequest()
            r.members.append(RequestMember(role: .child, birthDate: day("2015-01-01")))
            r.criteria = group.criteria.map { CriterionClaim(criterionId: $0, document: .valid) }
            let result = score(r)
            let points = group.criteria.map { grid.points($0) }
            let best = try XCTUnwrap(points.max())
            let kept = group.criteria[try XCTUnwrap(points.firstIndex(of: best))]
            let keptLabel = try XCTUnwrap(grid.criterion(id: kept)?.label)
            XCTAssertEqual(result.total, best, group.id)
            for id in group.criteria where id != kept {
                XCTAssertEqual(result.line(id)?.points, 0, id)
                XCTAssertEqual(result.line(id)?.explanation.contains("incompatible avec « \(keptLabel) »"), true, id)
            }
            XCTAssertEqual(grid.exclusiveConflicts(group.criteria).map(\.group.id), [group.id])
            XCTAssertEqual(grid.exclusiveConflicts([group.criteria[0]]).count, 0)
        }
    }

    /// Without a document the higher situation scores nothing, so it does not set the lower aside.
    func testAnUnsupportedExclusiveSituationDoesNotSetTheOtherAside() throws {
        let group = try XCTUnwrap(grid.exclusiveGroups?.first { $0.id == "sans-logement-ou-heberge" })
        var r = neutralRequest()
        r.criteria = [CriterionClaim(criterionId: "sans-logement", document: .missing),
                      CriterionClaim(criterionId: "heberge-tiers", document: .valid)]
        XCTAssertTrue(group.criteria.contains("heberge-tiers"))
        XCTAssertEqual(score(r).total, grid.points("heberge-tiers"))
    }

    // MARK: essential workers

    /// Every occupation of annex 2 as the annex writes it, and as agents type it (lower case,
    /// without accents, in the singular), scores; so does each occupation a comma separates.
    func testEveryAnnexOccupationTypedAsWrittenOrLooselyScores() throws {
        let criterion = try XCTUnwrap(grid.criterion(id: CotationGrid.essentialWorkerCriterionId))
        let points = grid.points(criterion.id)
        var typed: [String] = []
        for group in grid.essentialWorkerGroups {
            XCTAssertTrue(group.label.hasPrefix("Groupe \(group.group) - "), group.label)
            for line in group.occupations {
                typed.append(line)
                typed.append(Self.typedLoosely(line))
                let parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count > 1 { typed += parts.filter { $0.contains(where: \.isLetter) } }
            }
        }
        XCTAssertEqual(grid.essentialWorkerGroups.flatMap(\.occupations).count, 20)
        for text in typed {
            var r = requestMeeting(criterion, grid: grid)
            r.criteria[0].detail = text
            let line = score(r).line(criterion.id)
            XCTAssertEqual(line?.points, points, "« \(text) »")
        }
    }

    /// "Éboueurs" → "eboueur": lower case, no accents, each word's plural mark dropped.
    static func typedLoosely(_ line: String) -> String {
        line.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(separator: " ").map { w -> String in
                var w = String(w)
                if w.count > 3, w.hasSuffix("s") { w.removeLast() }
                return w
            }.joined(separator: " ")
    }

    func testEssentialWorkerWithoutARecognisedOccupationScoresZeroWithTheReason() throws {
        let criterion = try XCTUnwrap(grid.criterion(id: CotationGrid.essentialWorkerCriterionId))
        var r = requestMeeting(criterion, grid: grid)
        for (detail, reason) in [(nil, "aucune profession indiquée"), ("Astronautes", "profession « Astronautes » absente de la liste de l'annexe 2")] {
            r.criteria[0].detail = detail
            let line = score(r).line(criterion.id)
            XCTAssertEqual(line?.points, 0)
            XCTAssertEqual(line?.explanation.contains(reason), true, line?.explanation ?? "")
        }
        r.criteria[0].detail = "facteur"
        let line = try XCTUnwrap(score(r).line(criterion.id))
        let group4 = try XCTUnwrap(grid.essentialWorkerGroups.first { $0.group == 4 })
        XCTAssertTrue(line.explanation.contains("« Facteurs » (\(group4.label))"), line.explanation)
    }

    // MARK: CAL outcomes

    func testCalOutcomesCountAsTheGridDefinesThem() throws {
        let rule = grid.calRule
        let rank = try XCTUnwrap(rule.ranks.first)
        let points = grid.points("cal-rang-2-3")
        var r = neutralRequest()
        r.requestDate = day("2022-01-10")
        func proposals(_ outcomes: [CalOutcome?]) -> [CalProposal] {
            outcomes.enumerated().map { CalProposal(date: day("2023-01-01").adding(months: $0.offset), rank: rank, outcome: $0.element) }
        }
        // Existing files: no outcome recorded counts as not retained.
        r.calProposals = proposals(Array(repeating: nil, count: rule.minimumProposals))
        XCTAssertEqual(score(r).line("cal-rang-2-3")?.points, points)
        for outcome in CalOutcome.known {
            r.calProposals = proposals(Array(repeating: outcome, count: rule.minimumProposals))
            let expected = rule.counted.contains(outcome) && !rule.disqualifying.contains(outcome) ? points : 0
            XCTAssertEqual(score(r).line("cal-rang-2-3")?.points, expected, outcome.rawValue)
        }
        for barring in rule.disqualifying {
            r.calProposals = proposals(Array(repeating: nil, count: rule.minimumProposals) + [barring])
            XCTAssertEqual(score(r).line("cal-rang-2-3")?.points, 0, barring.rawValue)
            XCTAssertEqual(score(r).line("cal-rang-2-3")?.explanation.contains(barring.frenchLabel), true)
        }
    }

    // MARK: parameters and their sources

    func testEveryParameterHasASourceAndTheDefaultsAreListed() throws {
        for key in CotationGrid.sourcedParameters { XCTAssertNotNil(grid.source(of: key), key) }
        let keys = grid.defaultsToConfirm.map(\.key)
        XCTAssertTrue(keys.contains("requestAgeSteps"), "\(keys)")
        XCTAssertTrue(keys.contains("quartileYear"), "\(keys)")
        var broken = grid!
        broken.sources?["seniorAge"] = nil
        broken.sources?["inconnu"] = ParameterSource(kind: .grid, text: "x")
        broken.sources?["youngAgeLimit"] = ParameterSource(kind: ParameterSourceKind(rawValue: "rumeur"), text: " ")
        XCTAssertEqual(Set(broken.validate().map(\.field)),
                       ["sources.seniorAge", "sources.inconnu", "sources.youngAgeLimit.kind", "sources.youngAgeLimit.text"])
    }

    func testQuartileYearFollowsTheComputationOrTheYearTheProfileFixes() throws {
        var r = neutralRequest()
        r.annualResources = Money(cents: try XCTUnwrap(grid.quartileThreshold(for: 2023)).perUc.cents - 1)
        XCTAssertEqual(score(r).quartileThreshold?.year, 2023)
        XCTAssertEqual(score(r).line("premier-quartile")?.points, grid.points("premier-quartile"))
        var fixed = grid!
        fixed.quartileYear?.fixedYear = 2022
        XCTAssertEqual(fixed.validate(), [])
        let result = CotationEngine.score(r, grid: fixed, on: neutralDate)
        XCTAssertEqual(result.quartileThreshold, fixed.quartileThreshold(for: 2022))
        XCTAssertEqual(result.line("premier-quartile")?.points, 0, "above the 2022 threshold")
        fixed.quartileYear?.fixedYear = 1999
        XCTAssertEqual(fixed.validate().map(\.field), ["quartileYear.fixedYear"])
    }

    /// The UC scale and the days of a month are parameters of the file, with their source.
    func testTheUCScaleAndTheDaysOfAMonthComeFromTheGridFile() throws {
        let scale = try XCTUnwrap(grid.consumptionUnits)
        var r = neutralRequest()
        r.members.append(RequestMember(role: .child, birthDate: born(aged: scale.olderFromAge - 1, on: neutralDate)))
        XCTAssertEqual(score(r).ucTenths, scale.firstPersonTenths + scale.youngerTenths)
        var other = grid!
        other.consumptionUnits?.youngerTenths = scale.otherOlderTenths
        XCTAssertEqual(CotationEngine.score(r, grid: other, on: neutralDate).ucTenths, scale.firstPersonTenths + scale.otherOlderTenths)
        other.ravDaysPerMonth = 40
        other.consumptionUnits?.olderFromAge = 0
        XCTAssertEqual(Set(other.validate().map(\.field)), ["ravDaysPerMonth", "consumptionUnits.olderFromAge"])
        XCTAssertNotNil(grid.source(of: "consumptionUnits"))
        XCTAssertNotNil(grid.source(of: "ravDaysPerMonth"))
    }
}
