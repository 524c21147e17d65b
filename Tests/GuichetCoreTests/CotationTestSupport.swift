import Foundation
import XCTest
@testable import GuichetCore

/// The real grid of the repository, found by walking up from this file, so that every point
/// value a test expects comes from data/territories/cabbalr/cotation.json.
enum CotationFixture {
    static let gridURL: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("data/territories/cabbalr/cotation.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("data/territories/cabbalr/cotation.json introuvable au-dessus de \(#filePath)")
    }()

    static func gridData() throws -> Data { try Data(contentsOf: gridURL) }
    static func grid() throws -> CotationGrid { try CotationGrid(jsonData: gridData()) }
}

func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
    guard let d = CalendarDate(parsing: iso) else {
        XCTFail("date de test invalide \(iso)", file: file, line: line)
        return CalendarDate(year: 2000, month: 1, day: 1)!
    }
    return d
}

extension CotationGrid {
    /// Points of a criterion as the grid file gives them.
    func points(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let c = criterion(id: id) else {
            XCTFail("critère absent de la grille : \(id)", file: file, line: line)
            return -1
        }
        return c.awardedPoints
    }
}

/// A request none of whose computed criteria applies on 2024-09-01: a 44-year-old alone,
/// request three months old, comfortable resources, a modest rent.
func neutralRequest() -> SocialHousingRequest {
    SocialHousingRequest(
        id: "neutre", requestDate: day("2024-06-01"),
        members: [RequestMember(role: .requester, birthDate: day("1980-05-15"))],
        annualResources: Money(euros: 30_000),
        home: CurrentHome(status: .privateTenant, monthlyRent: Money(euros: 400)))
}

let neutralDate = day("2024-09-01")

/// The birth date of someone aged exactly `age` on `date` (their birthday is `date`).
func born(aged age: Int, on date: CalendarDate) -> CalendarDate { date.adding(years: -age) }

/// The neutral request with `criterion` claimed with a valid document and its requester made to
/// meet every condition the grid file puts on it (an age condition makes the requester just old
/// or young enough, an occupation condition names the list's first occupation).
func requestMeeting(_ criterion: CotationCriterion, grid: CotationGrid, on date: CalendarDate = neutralDate) -> SocialHousingRequest {
    var r = neutralRequest()
    var claim = CriterionClaim(criterionId: criterion.id, document: .valid)
    for condition in criterion.conditions ?? [] {
        switch condition.kind {
        case .age:
            let age = condition.below.map { $0 - 1 } ?? condition.atLeast ?? 40
            r.members[0].birthDate = born(aged: age, on: date)
        case .essentialOccupation:
            claim.detail = grid.essentialWorkerGroups.first?.occupations.first
        default:
            XCTFail("condition \(condition.kind.rawValue) non prise en charge par le test")
        }
    }
    r.criteria = [claim]
    return r
}
