import ArgumentParser
import Foundation
import GuichetCore
import GuichetStorage

struct ProgrammesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liste les programmes avec les constats des règles (part de PLAI, PLAI adaptés, dérogation, SRU).")

    @Option(name: .long, help: "construction (défaut) ou rehabilitation.")
    var kind: ProgrammeTableKind = .construction
    @Option(name: .long, help: "Année de financement.")
    var year: Int?
    @Option(name: .long, help: "Bailleur : identifiant, nom ou alias.")
    var landlord: String?
    @Option(name: .long, help: "Commune (comparaison souple).")
    var commune: String?
    @Option(name: .long, help: "Recherche dans le nom, la commune et le bailleur.")
    var text: String?
    @Option(name: .long, help: "Tri : key, commune, year, landlord, name, dwellings, stateSubsidy, epciSubsidy.")
    var sort: String = "key"
    @Flag(name: .long, help: "Seulement les programmes qui ne respectent pas une règle ou demandent une dérogation.")
    var issues = false
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    struct Item: Encodable {
        var key: String
        var version: Int
        var kind: ProgrammeTableKind
        var year: Int?
        var commune: String
        var name: String
        var landlordId: String?
        var landlordName: String
        var dwellings: Int?
        var stateSubsidyCents: Int64?
        var epciSubsidyCents: Int64?
        /// "financed" or "forecast".
        var period: ProgrammePeriod
        var status: String?
        var findings: [RuleFinding]
        var sourceName: String?
        var sourceLine: Int?
    }
    struct Output: Encodable { var kind: ProgrammeTableKind; var total: Int; var programmes: [Item] }

    func run() throws {
        guard let column = ProgrammeQuery.Column(rawValue: sort) else {
            throw CLIFailure("--sort inconnu « \(sort) » (attendu : \(ProgrammeQuery.Column.allCases.map(\.rawValue).joined(separator: ", ")))", code: 64)
        }
        let ws = try GlobalOptions.openWorkspace()
        let out: Output = try ws.store.read { s in
            var q = ProgrammeQuery(kind: kind, year: year, commune: commune, text: SearchText(text), sort: column)
            if let landlord { q.landlordId = try LandlordArgument.resolve(landlord, in: s) }
            if issues { q.findingSeverities = [.notMet, .derogationRequired] }
            switch kind {
            case .construction:
                let page = try s.constructionPage(q, rules: ws.profile.programmeRules)
                return Output(kind: kind, total: page.total, programmes: page.rows.map { Self.item($0.record, $0.findings, kind: kind) })
            case .rehabilitation:
                let page = try s.rehabilitationPage(q)
                return Output(kind: kind, total: page.total, programmes: page.rows.map { Self.item($0.record, $0.findings, kind: kind) })
            }
        }
        if json { try Console.json(out); return }
        Console.table(["Année", "Commune", "Programme", "Bailleur", "Logts", "Sub. État", "Sub. agglo", "Constats"],
                      out.programmes.map { p in
                          [p.year.map(String.init) ?? "?", p.commune, String(p.name.prefix(40)), p.landlordName,
                           p.dwellings.map(FrenchFormat.integer) ?? "?",
                           p.stateSubsidyCents.map { FrenchFormat.money(Money(cents: $0)) } ?? "?",
                           p.epciSubsidyCents.map { FrenchFormat.money(Money(cents: $0)) } ?? "—",
                           p.findings.isEmpty ? "" : "\(p.findings.count)"]
                      }, right: [4, 5, 6, 7])
        for p in out.programmes where !p.findings.isEmpty {
            Console.line("\(p.commune) — \(p.name) :")
            p.findings.forEach { Console.line("  • \($0.message)") }
        }
        Console.line("\(out.total) programme(s)")
    }

    static func item<P: ProgrammeListFields>(_ r: ProgrammeRecord<P>, _ findings: [RuleFinding], kind: ProgrammeTableKind) -> Item {
        let p = r.programme
        return Item(key: r.key, version: r.version, kind: kind,
                    year: p.financingYear.value, commune: p.commune, name: p.name, landlordId: p.landlordId,
                    landlordName: p.landlordName, dwellings: p.dwellingCount, stateSubsidyCents: p.stateSubsidy.value?.cents,
                    epciSubsidyCents: p.epciSubsidy.value?.cents, period: p.period ?? .financed, status: p.statusText, findings: findings, sourceName: r.sourceName, sourceLine: r.sourceLine)
    }
}

/// `--landlord` as agents type it: an id, a name or an alias of a stored landlord.
enum LandlordArgument {
    static func resolve(_ text: String, in s: any StoreSession) throws -> String {
        if let l = try s.landlord(id: text) { return l.id }
        if let l = try s.landlordDirectory().match(text) { return l.id }
        throw CLIFailure("Bailleur inconnu « \(text) » : voir « guichet landlords list ».", code: 1)
    }
}
