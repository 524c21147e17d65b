import Foundation
import XCTest
import GuichetApp
import GuichetCore
import GuichetReports
import GuichetStorage

/// The PLH's review by action on a real database: derived indicators equal the counts made here
/// from the generated dossiers and programmes; entered values, levers and targets round-trip
/// with their history; the printed review holds every action and its indicators with the year's values.
final class PLHReviewTests: XCTestCase {
    static let today = CalendarDate(year: 2026, month: 11, day: 1)!

    struct Fixture {
        var guichet: Guichet
        var dossiers: [AidDossier]
        var programmes: [ConstructionProgramme]
    }

    /// Generated construction programmes of 2023-2026 in the demo communes, a few of them forecasts.
    static func programmes(seed: UInt64 = 11) -> [ConstructionProgramme] {
        var rng = DemoRandom(seed: seed)
        let communes = [("Saint-Omer", "62765"), ("Arques", "62040"), ("Longuenesse", "62525"), ("Lumbres", "62534"), ("Eperlecques", "62298")]
        return (0..<40).map { i in
            let c = rng.pick(communes)
            let plus = rng.int(0...20), plai = rng.int(0...10), pls = rng.int(0...4)
            return ConstructionProgramme(
                commune: c.0, inseeCode: try? InseeCode(c.1), name: "Résidence \(i)", landlordId: nil, landlordName: "Bailleur \(i % 3)",
                financingYear: .known(rng.int(2023...2026)), plus: .known(plus), plai: .known(plai), plaiAdapte: .known(plai / 5),
                pls: .known(pls), projectManagement: .known(rng.chance(50) ? .mod : .vefa),
                worksKind: .known(rng.chance(70) ? .newBuild : .acquisitionImprovement),
                period: rng.chance(15) ? .forecast : .financed)
        }
    }

    func fixture(dossierCount: Int = 2_500) throws -> Fixture {
        let profile = try ProfileDirectory.load(territory: "demo")
        let dossiers = DemoDossiers.generate(count: dossierCount, seed: 5, schemes: profile.schemes!, years: 2023...2026, referenceDate: Self.today)
        // The store stamps entries with the test's day, never the machine's.
        let store = try SQLiteStore.create(temporaryFolder().url.appendingPathComponent("review.sqlite"), territory: "demo", agent: "test",
                                           clock: .fixed(Self.today))
        try store.write { try $0.bulkInsertDossiers(dossiers, historyNote: "test") }
        var programmes = Self.programmes()
        programmes.append(ConstructionProgramme(commune: "Arques", inseeCode: try InseeCode("62040"), name: "Projet des Prés", landlordId: nil,
                                                landlordName: "Bailleur 1", financingYear: .known(2025), plus: .known(30), plai: .known(12),
                                                pls: .known(0), period: .forecast))
        try store.write { s in
            for p in programmes { _ = try s.insertConstruction(ConstructionRecord(p)) }
            try s.upsertCommuneFacts(CommuneFacts(name: "Lumbres", inseeCode: try InseeCode("62534"), population: 3_900, socialHousingShare: Percentage(percent: 12)))
            try s.upsertCommuneFacts(CommuneFacts(name: "Arques", inseeCode: try InseeCode("62040"), population: 9_000, socialHousingShare: Percentage(percent: 35)))
        }
        return Fixture(guichet: Guichet(store: store, profile: profile, clock: .fixed(Self.today)), dossiers: dossiers, programmes: programmes)
    }

    /// Granted in `year` and not cancelled since: the oracle's reading of "accordés dans l'année".
    func granted(_ f: Fixture, _ schemes: Set<String>, in year: Int) -> [AidDossier] {
        f.dossiers.filter { schemes.contains($0.schemeCode) && $0.grant?.date.year == year && $0.status != .cancelled }
    }

    func testDerivedIndicatorsEqualCountsFromTheGeneratedDossiers() async throws {
        let f = try fixture()
        let review = try await f.guichet.plhReview(year: 2025)
        XCTAssertEqual(review.years, [2023, 2024, 2025])

        // Dwellings of granted PLV dossiers in 2025 (action 2, parc social; action 5, PLAI en diffus).
        let plv = granted(f, ["PLV"], in: 2025)
        XCTAssertFalse(plv.isEmpty)
        let plvDwellings = plv.reduce(0) { $0 + $1.property.dwellings }
        XCTAssertEqual(review.action(2)!.measure("vacants-remis-social")!.number(2025), Int64(plvDwellings) * 100)
        XCTAssertEqual(review.action(5)!.measure("aide-plai-diffus")!.number(2025), Int64(plvDwellings) * 100)
        let figure = review.action(2)!.measure("vacants-remis-social")!.values[2025]!.figure!
        XCTAssertEqual(Set(figure.members.map(\.key)), Set(plv.map(\.number.formatted)))
        // Its split by commune adds up and names the dossiers of each commune.
        let byCommune = try XCTUnwrap(figure.splits.first { $0.breakdown == .commune })
        XCTAssertEqual(byCommune.items.reduce(0) { $0 + $1.value }, Int64(plvDwellings) * 100)
        for item in byCommune.items {
            XCTAssertEqual(Set(item.members), Set(plv.filter { $0.property.commune == item.label }.map(\.number.formatted)))
        }

        // Households of ACC (action 4), each year; the target is the PLH's 50 a year.
        let acc = review.action(4)!.measure("prime-menages")!
        for y in 2023...2025 {
            XCTAssertEqual(acc.number(y), Int64(granted(f, ["ACC"], in: y).filter { !$0.applicant.kind.isOrganisation }.count) * 100, "\(y)")
        }
        XCTAssertEqual(acc.measure.target?.figure, 5_000)
        XCTAssertEqual(acc.gap(for: 2025), acc.number(2025)! - 5_000)
        XCTAssertEqual(review.action(4)!.measure("prime-montant")!.number(2025), granted(f, ["ACC"], in: 2025).reduce(0) { $0 + $1.grantedAmount.cents })

        // Action 3: dwellings renovated with PIG, PSS and LHI, split by scheme.
        let renovated = granted(f, ["PIG", "PSS", "LHI"], in: 2024)
        let a3 = review.action(3)!.measure("logements-rehabilites-prives")!
        XCTAssertEqual(a3.number(2024), Int64(renovated.reduce(0) { $0 + $1.property.dwellings }) * 100)
        let byScheme = try XCTUnwrap(a3.values[2024]!.figure!.splits.first { $0.breakdown == .scheme })
        for code in ["PIG", "PSS", "LHI"] {
            XCTAssertEqual(byScheme.item(code)?.value ?? 0, Int64(renovated.filter { $0.schemeCode == code }.reduce(0) { $0 + $1.property.dwellings }) * 100)
        }
        XCTAssertEqual(review.action(3)!.measure("dossiers-lhi")!.number(2024), Int64(granted(f, ["LHI"], in: 2024).count) * 100)
        // Owner-occupiers and landlords told apart, as action 3's indicator asks.
        let byOwner = try XCTUnwrap(a3.values[2024]!.figure!.splits.first { $0.breakdown == .ownerStatus })
        for (label, status) in [("propriétaires occupants", OwnerStatus.occupant), ("propriétaires bailleurs", .landlord)] {
            let dwellings = renovated.filter { $0.applicant.ownerStatus == status }.reduce(0) { $0 + $1.property.dwellings }
            XCTAssertGreaterThan(dwellings, 0, label)
            XCTAssertEqual(byOwner.item(label)?.value, Int64(dwellings) * 100, label)
            XCTAssertEqual(Set(byOwner.item(label)!.members), Set(renovated.filter { $0.applicant.ownerStatus == status }.map(\.number.formatted)))
        }

        // Adapted dwellings: the senior bonus (action 11) and every scheme.
        XCTAssertEqual(review.action(11)!.measure("bonus-logements-adaptes")!.number(2025),
                       Int64(granted(f, ["BSE"], in: 2025).reduce(0) { $0 + $1.property.adaptedDwellings }) * 100)
        let allCodes = Set(f.dossiers.map(\.schemeCode))
        XCTAssertEqual(review.action(11)!.measure("logements-adaptes")!.number(2025),
                       Int64(granted(f, allCodes, in: 2025).reduce(0) { $0 + $1.property.adaptedDwellings }) * 100)
        // Granted years ago and cancelled since: not counted.
        XCTAssertTrue(f.dossiers.contains { $0.status == .cancelled && $0.grant?.date.year == 2025 })
    }

    func testDerivedIndicatorsEqualCountsFromTheGeneratedProgrammes() async throws {
        let f = try fixture(dossierCount: 200)
        let review = try await f.guichet.plhReview(year: 2025)
        let financed = f.programmes.filter { $0.period != .forecast && $0.financingYear.value == 2025 }
        XCTAssertFalse(financed.isEmpty)
        XCTAssertTrue(f.programmes.contains { $0.period == .forecast && $0.financingYear.value == 2025 }, "a forecast to leave out")
        let a7 = review.action(7)!
        let dwellings = financed.reduce(0) { $0 + $1.plus.value! + $1.plai.value! + $1.pls.value! }
        XCTAssertEqual(a7.measure("lls-produits")!.number(2025), Int64(dwellings) * 100)
        let products = try XCTUnwrap(a7.measure("lls-produits")!.values[2025]!.figure!.splits.first { $0.breakdown == .product })
        XCTAssertEqual(products.item("PLAI")?.value, Int64(financed.reduce(0) { $0 + $1.plai.value! }) * 100)
        XCTAssertEqual(products.item("PLUS")?.value, Int64(financed.reduce(0) { $0 + $1.plus.value! }) * 100)
        let plai = financed.reduce(0) { $0 + $1.plai.value! }, plus = financed.reduce(0) { $0 + $1.plus.value! }
        XCTAssertEqual(a7.measure("lls-part-plai")!.number(2025), Int64(Percentage.ratio(plai, of: plai + plus)!.basisPoints))
        // SRU: Lumbres (3 900 inhabitants, 12 %) is catching up, Arques (35 %) is not.
        let sru = financed.filter { $0.commune == "Lumbres" }.reduce(0) { $0 + $1.plus.value! + $1.plai.value! + $1.pls.value! }
        XCTAssertEqual(a7.measure("lls-communes-sru")!.number(2025), Int64(sru) * 100)
        let vefa = try XCTUnwrap(a7.measure("lls-mod-vefa")!.values[2025]!.figure!.splits.first)
        XCTAssertEqual(vefa.item("VEFA")?.value ?? 0,
                       Int64(financed.filter { $0.projectManagement.value == .vefa }.reduce(0) { $0 + $1.dwellings! }) * 100)
    }

    func testAnEnteredIndicatorRoundTripsWithItsHistory() async throws {
        let f = try fixture(dossierCount: 50)
        let first = try await f.guichet.setIndicator(action: 18, measure: "personnes-accueillies", year: 2025, value: nil,
                                                        parts: [("renovation", "120"), ("logement-social", "300")], comment: "Registre d'accueil")
        XCTAssertTrue(first.changed)
        XCTAssertEqual(first.value.value, .count(420))
        // The same again writes nothing; one category changed keeps the other and the comment.
        let unchanged = try await f.guichet.setIndicator(action: 18, measure: "personnes-accueillies", year: 2025, value: nil,
                                                           parts: [("renovation", "120"), ("logement-social", "300")], comment: nil)
        XCTAssertFalse(unchanged.changed)
        let second = try await f.guichet.setIndicator(action: 18, measure: "personnes-accueillies", year: 2025, value: nil,
                                                         parts: [("Rénovation et adaptation du logement", "125")], comment: nil)
        XCTAssertEqual(second.value.value, .count(425))
        XCTAssertEqual(second.value.parts, ["renovation": 12_500, "logement-social": 30_000])
        XCTAssertEqual(second.value.comment, "Registre d'accueil")

        let review = try await f.guichet.plhReview(year: 2025)
        let m = review.action(18)!.measure("personnes-accueillies")!
        XCTAssertEqual(m.value(2025), .count(425))
        XCTAssertEqual(m.values[2025]?.entry?.agent, "test")
        XCTAssertEqual(m.values[2025]?.entry?.enteredOn, Self.today)

        let history = try await f.guichet.plhHistory(entity: PLHReviewEntity.indicator,
                                                     key: EnteredIndicatorValue.key(action: 18, measure: "personnes-accueillies", year: 2025))
        XCTAssertEqual(history.map(\.action), ["saisie", "modification"])
        let line = PLHReviewHistoryText.line(history[1], measure: m.measure)
        XCTAssertTrue(line.contains("valeur : 420 → 425"), line)
        XCTAssertTrue(line.contains("catégorie « Rénovation et adaptation du logement » : 120 → 125"), line)

        // A text, an amount, refusals naming the field.
        _ = try await f.guichet.setIndicator(action: 13, measure: "bilan-pdalhpd", year: 2025, value: "Réunion annuelle tenue le 12 mars.", comment: nil)
        _ = try await f.guichet.setIndicator(action: 1, measure: "montant-subventions-etat", year: 2025, value: "1 250 000,50 €", comment: nil)
        let again = try await f.guichet.plhReview(year: 2025)
        XCTAssertEqual(again.action(13)!.measure("bilan-pdalhpd")!.value(2025), .text("Réunion annuelle tenue le 12 mars."))
        XCTAssertEqual(again.action(1)!.measure("montant-subventions-etat")!.number(2025), 125_000_050)
        await assertThrows({ _ = try await f.guichet.setIndicator(action: 18, measure: "demandes-enregistrees", year: 2025, value: "3", comment: nil) }) {
            XCTAssertTrue("\($0)".contains("calculé"), "\($0)")
        }
        await assertThrows({ _ = try await f.guichet.setIndicator(action: 20, measure: "rencontres-communes", year: 2031, value: "3", comment: nil) }) {
            XCTAssertTrue("\($0)".contains("année"), "\($0)")
        }
        await assertThrows({ _ = try await f.guichet.setIndicator(action: 20, measure: "rencontres-communes", year: 2025, value: "2,5", comment: nil) }) {
            XCTAssertTrue("\($0)".contains("entier"), "\($0)")
        }
    }

    func testLeversAndTerritorialTargets() async throws {
        let f = try fixture(dossierCount: 1_500)
        var review = try await f.guichet.plhReview(year: 2025)
        let lever = review.action(19)!.levers.first { $0.lever.id == "19.2" }!
        XCTAssertEqual(lever.state(2024), .planned, "planned by the PLH's calendar")
        XCTAssertEqual(lever.lever.calendarText(2026), "Mise en oeuvre")
        _ = try await f.guichet.setLever(action: 19, lever: "19.2", year: 2024, state: "engagé", note: "Deux conventions signées")
        _ = try await f.guichet.setLever(action: 19, lever: "19.2", year: 2024, state: "réalisé", note: nil)
        review = try await f.guichet.plhReview(year: 2025)
        let p = review.action(19)!.levers.first { $0.lever.id == "19.2" }!.years[2024]!.progress!
        XCTAssertEqual(p.state, .done)
        XCTAssertEqual(p.note, "Deux conventions signées", "a lever saved without its note keeps it")
        await assertThrows({ _ = try await f.guichet.setLever(action: 19, lever: "19.9", year: 2024, state: "engagé", note: nil) })

        // Targets: a commune by name, a group of the profile; attainment from programmes and dossiers.
        _ = try await f.guichet.setTarget(territory: "Lumbres", year: 2025, product: "PLAI", dwellings: "12", comment: nil)
        _ = try await f.guichet.setTarget(territory: "groupe:pole-urbain", year: 2025, product: "accession", dwellings: "40", comment: nil)
        review = try await f.guichet.plhReview(year: 2025)
        let lumbres = try XCTUnwrap(review.territorial.first { $0.target.scope.name == "Lumbres" })
        XCTAssertEqual(lumbres.target.scope.id, "62534")
        XCTAssertEqual(lumbres.produced, f.programmes.filter { $0.commune == "Lumbres" && $0.period != .forecast && $0.financingYear.value == 2025 }
            .reduce(0) { $0 + $1.plai.value! })
        let group = f.guichet.profile.communeGroups!.group("pole-urbain")!
        let inGroup = Set(group.communes.map(\.inseeCode))
        let accession = try XCTUnwrap(review.territorial.first { $0.target.product == .accession })
        XCTAssertEqual(accession.produced, granted(f, ["ACC", "ARC"], in: 2025).filter { inGroup.contains($0.property.inseeCode) && !$0.applicant.kind.isOrganisation }.count)
        let attainment = review.action(7)!.measure("objectifs-territorialises")!
        XCTAssertEqual(attainment.number(2025), Int64(Percentage.ratio(lumbres.produced + accession.produced, of: 52)!.basisPoints))
        let removed = try await f.guichet.setTarget(territory: "Lumbres", year: 2025, product: "PLAI", dwellings: nil, comment: nil, remove: true)
        XCTAssertTrue(removed.changed)
        await assertThrows({ _ = try await f.guichet.setTarget(territory: "Atlantis", year: 2025, product: "PLAI", dwellings: "3", comment: nil) })
    }

    func testTheBilanPDFHoldsEveryActionTitleAndItsIndicatorsWithTheYearsValues() async throws {
        let f = try fixture(dossierCount: 800)
        _ = try await f.guichet.setIndicator(action: 20, measure: "rencontres-communes", year: 2025, value: "17", comment: "Rencontres de l'automne")
        let document = try await f.guichet.report(ReportRequest(.bilanPLH, year: 2025, date: Self.today))
        let url = temporaryFolder().url.appendingPathComponent("bilan.pdf")
        try ReportWriter.write(document, format: .pdf, to: url)
        // Reading order keeps each table cell's text together (wrapped lines in a row); the layout
        // keeps each row's figures on the line where its cells begin.
        let flat = try Self.pdfText(url, layout: false).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lines = try Self.pdfText(url, layout: true).components(separatedBy: "\n")
        let review = try await f.guichet.plhReview(year: 2025)
        XCTAssertEqual(review.actions.count, 20)
        // Texts as printed: every PDF is set in French typography (’, no-break spaces).
        func words(_ s: String) -> String { FrenchTypography.apply(s).split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for a in review.actions {
            XCTAssertTrue(flat.contains("Action \(a.number) — \(words(a.title))"), "titre de l'action \(a.number)")
            for i in a.sheet.indicators { XCTAssertTrue(flat.contains(words(i.text)), "\(a.number)/\(i.id) : « \(i.text) »") }
            for m in a.measures where m.label != m.indicator.text {
                XCTAssertTrue(flat.contains(words(m.label)), "\(a.number)/\(m.measure.id)")
            }
            // Each measure's row: its source, then the values of 2023, 2024 and 2025 in order.
            for m in a.measures {
                let expected = ([m.sourceLabel] + review.years.map { m.text($0) }).map { Self.normalised(FrenchTypography.apply($0)) }
                let found = lines.contains { line in
                    var rest = Substring(line)
                    for token in expected {
                        guard let r = rest.range(of: token) else { return false }
                        rest = rest[r.upperBound...]
                    }
                    return true
                }
                XCTAssertTrue(found, "\(a.number)/\(m.measure.id) : \(expected)")
            }
        }
        XCTAssertTrue(flat.contains(words("Rencontres de l'automne")))
        XCTAssertTrue(lines.contains { $0.contains("saisi") && $0.contains(" 17") }, "the entered value of action 20")
        XCTAssertTrue(flat.contains("Bilan par action du PLH (2023-2025)"))

        // The service's spreadsheet: one row per measure.
        let ods = document.laidOut(for: .ods)
        XCTAssertFalse(ods.tables.contains { $0.name.hasPrefix("Action 7") }, "the printed parts stay out of the spreadsheet")
        let table = try XCTUnwrap(ods.tables.first { $0.name.hasPrefix("Indicateurs de résultat par action") })
        var rows = 0
        try table.rows.forEach { _ in rows += 1 }
        XCTAssertEqual(rows, f.guichet.profile.plhActions!.allMeasures.count)
        // The mid-term review: the years so far against the targets over them.
        let mid = try await f.guichet.report(ReportRequest(.bilanPLH, year: 2025, date: Self.today, midTerm: true))
        XCTAssertEqual(mid.title, "Bilan à mi-parcours du PLH 2023-2025")
    }

    // MARK: Helpers

    /// French spaces (U+202F, U+00A0) as plain ones.
    static func normalised(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// pdftotext of a PDF: in reading order (each table cell's text together) or as laid out.
    static func pdfText(_ url: URL, layout: Bool) throws -> String {
        let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw XCTSkip("pdftotext absent") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = (layout ? ["-layout"] : []) + [url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return normalised(String(decoding: data, as: UTF8.self))
    }

    /// The async form of XCTAssertThrowsError.
    func assertThrows(_ body: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line,
                      _ check: (any Error) -> Void = { _ in }) async {
        do {
            try await body()
            XCTFail("no error thrown", file: file, line: line)
        } catch { check(error) }
    }
}
