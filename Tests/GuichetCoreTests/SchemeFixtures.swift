import Foundation
import XCTest
import GuichetCore

/// Shared test material: the CAPSO scheme catalog read from the repository, and dossiers built
/// to meet each scheme's conditions. Expected figures come from the file, never restated.
enum Fixtures {
    /// Walks up from this file to the repository root.
    static func repositoryFile(_ relative: String, from file: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        fatalError("\(relative) introuvable au-dessus de \(file)")
    }

    static let catalogData: Data = try! Data(contentsOf: repositoryFile("data/territories/capso/schemes.json"))
    static let catalog: SchemeCatalog = try! JSONDecoder().decode(SchemeCatalog.self, from: catalogData)

    static func scheme(_ code: String) -> AidScheme { catalog.scheme(code: code)! }

    static let today = CalendarDate(year: 2026, month: 6, day: 15)!
    static let agent = "agent.test"

    static func household(size: Int = 2, income: Money = Money(euros: 30_000)) -> Applicant {
        var members = [HouseholdMember(lastName: "Delattre", firstName: "Julie", birthDate: CalendarDate(year: 1988, month: 4, day: 2), role: .applicant)]
        if size > 1 { members.append(HouseholdMember(lastName: "Delattre", firstName: "Hugo", birthDate: CalendarDate(year: 1986, month: 1, day: 9), role: .coApplicant)) }
        for i in 2..<max(2, size) { members.append(HouseholdMember(lastName: "Delattre", firstName: "Enfant \(i)", role: .child)) }
        return Applicant(kind: .household, household: Household(members: members, yearlyIncome: income, incomeYear: 2024))
    }

    static func organisation(_ kind: ApplicantKind) -> Applicant {
        // 732 829 320 00074 is a Luhn-valid SIRET shape used only in tests.
        .organisation(Organisation(name: "Pas-de-Calais Habitat", siret: "73282932000074"), kind: kind)
    }

    /// A dossier meeting every mandatory condition of `code`, with every mandatory document valid.
    static func dossier(_ code: String, sequence: Int = 1, dwellings: Int? = nil, requested: Money? = nil) -> AidDossier {
        let s = scheme(code)
        let kind = s.applicants[0]
        let applicant: Applicant
        switch kind {
        case .household: applicant = household()
        case .privateOwner: var a = household(); a.kind = .privateOwner; applicant = a
        default: applicant = organisation(kind)
        }
        var p = Property(address: "12 rue Carnot", postcode: "62500", commune: "Saint-Omer", inseeCode: "62765")
        p.dwellings = dwellings ?? 1
        var f = DossierFacts()
        for c in s.conditions {
            switch c.knownKind {
            case .builtBefore?: p.builtOn = c.date!.adding(days: -1)
            case .minimumWorks?: f.worksAmount = c.amount!
            case .communeCoFunding?: f.communeCoFunding = Money(euros: 1_500)
            case .presentedToEPCI?: f.epciPresentationDate = today.adding(days: -60)
            case .operationSizeAbove?: p.dwellings = max(p.dwellings, c.count! + 1)
            case .adaptedWhenAbove?, .pmrAdapted?: p.adaptedDwellings = max(p.adaptedDwellings, c.minimum ?? 1)
            case .longVacancy?: p.vacantSince = today.adding(months: -c.count!)
            case .pslaIncome?, nil: break
            }
        }
        if s.antiSpeculation?.startsFrom == .purchase { f.purchaseDate = today.adding(days: -30) }
        var d = AidDossier(number: DossierNumber(year: today.year, scheme: code, sequence: sequence), plhAction: s.actions[0],
                           applicant: applicant, property: p, facts: f, requestedAmount: requested, createdAt: Date(timeIntervalSince1970: 0))
        if [.caseByCase, .programmeRules].contains(s.amountRule.kind) && requested == nil {
            d.requestedAmount = Money(euros: 5_000)
        }
        for req in s.documents where req.mandatory {
            d.record(document: SupportingDocument(id: req.id, state: .valid, date: today.adding(days: -10)))
        }
        return d
    }

    /// Runs transitions in order, failing the test on the first refusal.
    static func run(_ d: AidDossier, _ steps: [DossierTransition], budget: BudgetLedger? = nil, on date: CalendarDate = today,
                    file: StaticString = #filePath, line: UInt = #line) -> AidDossier {
        let life = DossierLifecycle(scheme: scheme(d.schemeCode), budget: budget)
        var x = d
        for t in steps {
            do { x = try life.apply(t, to: x, on: date, agent: agent) } catch {
                XCTFail("\(t.kind) refusé : \(error)", file: file, line: line)
                return x
            }
        }
        return x
    }

    /// The grant decision at the computed amount.
    static func fullGrant(_ d: AidDossier) -> DossierTransition {
        .grant(GrantDecision(amount: scheme(d.schemeCode).computeAmount(for: d).total))
    }

    static func granted(_ code: String, sequence: Int = 1, on date: CalendarDate = today) -> AidDossier {
        let d = dossier(code, sequence: sequence)
        return run(d, [.submit, .startReview, fullGrant(d)], on: date)
    }
}

/// A minimal in-memory `DossierStore` with the semantics the protocol documents.
final class InMemoryDossierStore: DossierStore {
    var rows: [DossierNumber: AidDossier] = [:]
    var clock = Date(timeIntervalSince1970: 1_700_000_000)

    func insertDossier(_ dossier: AidDossier) throws -> AidDossier {
        guard rows[dossier.number] == nil else { throw StoreError.constraint("le dossier \(dossier.number) existe déjà") }
        var d = dossier; d.version = 1; d.updatedAt = clock
        rows[d.number] = d
        return d
    }
    func updateDossier(_ dossier: AidDossier, expectedVersion: Int) throws -> AidDossier {
        guard let stored = rows[dossier.number] else { throw StoreError.notFound(entity: "dossier", key: dossier.number.formatted) }
        guard stored.version == expectedVersion else {
            var mine = dossier; mine.version = stored.version; mine.updatedAt = stored.updatedAt
            throw StoreError.conflict(entity: "dossier", key: dossier.number.formatted, changes: FieldChange.diff(old: mine, new: stored))
        }
        var d = dossier; d.version = stored.version + 1; clock += 1; d.updatedAt = clock
        rows[d.number] = d
        return d
    }
    func bulkInsertDossiers(_ dossiers: [AidDossier], historyNote: String) throws {
        for d in dossiers { _ = try insertDossier(d) }
    }
    func dossier(number: DossierNumber) throws -> AidDossier? { rows[number] }
    func nextDossierSequence(year: Int, scheme: String) throws -> Int {
        (rows.keys.filter { $0.year == year && $0.scheme == scheme }.map(\.sequence).max() ?? 0) + 1
    }
    func dossiers(_ query: DossierQuery) throws -> [AidDossier] { query.apply(to: rows.values) }
    func countDossiers(_ query: DossierQuery) throws -> Int { rows.values.filter(query.matches).count }
    func budgetFigures(years: ClosedRange<Int>?) throws -> [BudgetFigures] {
        BudgetFigures.aggregate(rows.values).filter { years?.contains($0.year) ?? true }
    }
    func dossiersDueForAnonymisation(closedBefore date: CalendarDate) throws -> [RetentionDue] {
        rows.values.sorted { $0.number < $1.number }.compactMap { d in
            guard !d.isAnonymised, let start = d.retentionStart, start < date else { return nil }
            return RetentionDue(key: d.number.formatted, since: start)
        }
    }
    func anonymiseDossiers(_ numbers: [String], closedBefore date: CalendarDate, on today: CalendarDate) throws -> Int {
        let due = try dossiersDueForAnonymisation(closedBefore: date).filter { numbers.contains($0.key) }
        for d in rows.values where due.contains(where: { $0.key == d.number.formatted }) {
            rows[d.number] = d.anonymised(on: today)
        }
        return due.count
    }
    func compactAfterRGPDPurge() throws {}
}
