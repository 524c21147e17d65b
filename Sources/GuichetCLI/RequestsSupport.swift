import Foundation
import GuichetCore
import GuichetStorage

/// The cotation grid a command works with, and where it comes from.
struct GridChoice {
    var grid: CotationGrid
    var territory: String
    /// Said in the human output: "profil demo (aucune base ouverte)".
    var origin: String

    /// `--territory ID` when given; else the profile of the database (`--database`, or the default
    /// file when it exists); else the `demo` profile, so a grid can be tried without any database.
    static func resolve(territory: String?) throws -> GridChoice {
        if let territory {
            return try make(ProfileDirectory.load(territory: territory), origin: "profil \(territory)")
        }
        let url = GlobalOptions.databaseURL
        if GlobalOptions.explicitDatabase != nil || FileManager.default.fileExists(atPath: url.path) {
            let ws = try GlobalOptions.openWorkspace()
            return try make(ws.profile, origin: "profil \(ws.profile.id) de la base \(url.path)")
        }
        return try make(ProfileDirectory.load(territory: "demo"), origin: "profil demo (aucune base)")
    }

    static func make(_ profile: TerritoryProfile, origin: String) throws -> GridChoice {
        guard let grid = profile.cotation else {
            throw CLIFailure("Le territoire « \(profile.id) » n'a pas de grille de cotation (partie « cotation » absente de son profil).", code: 3)
        }
        return GridChoice(grid: grid, territory: profile.id, origin: origin)
    }
}

/// Reads a JSON input file; every problem names the file and the key path.
enum InputFile {
    static func decode<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure("\(path) : fichier illisible ou absent", code: 66)
        }
        do { return try InputJSON.decode(T.self, from: data) } catch {
            throw CLIFailure("\(path) : \(error)", code: 5)
        }
    }

    /// The request a cotation input file describes, checked against `grid`; errors name the file.
    static func request(path: String, grid: CotationGrid) throws -> (SocialHousingRequest, CalendarDate) {
        let input = try decode(CotationInput.self, path: path)
        do {
            return (try input.makeRequest(grid: grid), input.computedOn)
        } catch {
            // The first errors name what to fix; 50,000 of them would bury the terminal.
            let shown = 50
            var lines = error.errors.prefix(shown).map { "\(path) : \($0)" }
            if error.errors.count > shown {
                lines.append("\(path) : … et \(FrenchFormat.integer(error.errors.count - shown)) autre(s) erreur(s)")
            }
            throw CLIFailure(lines.joined(separator: "\n"), code: 5)
        }
    }
}

/// French words and figures shared by the cotation and request commands.
enum RequestText {
    static func points(_ n: Int) -> String { FrenchFormat.integer(n) }
    static func yesNo(_ b: Bool) -> String { b ? "oui" : "non" }

    static func category(_ c: CriterionCategory) -> String {
        switch c {
        case .statutory: "réglementaire"
        case .optional: "facultatif"
        case .local: "priorité locale"
        default: c.rawValue
        }
    }

    static func basis(_ b: CriterionBasis) -> String { b == .computed ? "calculé" : "déclaré" }

    static func pointsRange(_ c: CotationCriterion) -> String {
        if let p = c.points { return points(p) }
        let lo = c.minPoints ?? 0, hi = c.maxPoints ?? lo
        return lo == hi ? points(hi) : "\(points(lo)) à \(points(hi))"
    }

    static func communes(_ r: SocialHousingRequest) -> String { r.wishedCommunes.map(\.description).joined(separator: ", ") }
    static func typologies(_ r: SocialHousingRequest) -> String { r.wishedTypologies.map(\.rawValue).joined(separator: ", ") }

    static func document(_ d: ClaimDocument, on date: CalendarDate) -> String {
        if let problem = d.problem(on: date) { return problem }
        return d.validUntil.map { "justificatif valide jusqu'au \(FrenchFormat.date($0))" } ?? "justificatif valide"
    }

    /// The lines that explain a score (those that apply), as a table; a line whose figures are
    /// a default still to confirm says so.
    static func linesTable(_ lines: [CotationLine]) {
        Console.table(["Critère", "Points", "Justifié", "Explication"],
                      lines.filter { $0.applied || $0.points > 0 }.map {
                          let source = $0.source.map { $0.contains("à confirmer") ? " [\($0)]" : "" } ?? ""
                          return [$0.id, points($0.points), yesNo($0.supported), $0.explanation + source]
                      },
                      right: [1])
    }

    /// The priority categories established, and those ticked but not established, with why.
    static func priorityFindings(_ findings: [PriorityFinding]) {
        for f in findings {
            let how = f.established ? (f.basis == .derived ? "établie" : "déclarée") : "non retenue"
            Console.line("  • \(f.label) — \(how) : \(f.reason)")
        }
    }

    static func typology(_ text: String?) throws -> Typology? {
        guard let text else { return nil }
        guard let t = Typology(rawValue: text.uppercased()) else {
            throw GuichetCore.ValidationError(field: "--typology", "typologie inconnue « \(text) » (attendu \(Typology.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return t
    }

    static func date(_ text: String?, option: String) throws -> CalendarDate {
        guard let text else { return GlobalOptions.clock.today() }
        return try CalendarDate.parse(text, field: option)
    }
}

/// A stored score as the command line prints it in JSON (dates as text).
struct ScoreView: Encodable {
    var total: Int
    var gridVersion: String
    var computedOn: CalendarDate
    var isPriorityHousehold: Bool
    var recordedAt: String?
    var lines: [CotationLine]
    var priorityCategories: [PriorityFinding]

    init(_ s: StoredScore) {
        total = s.total; gridVersion = s.gridVersion; computedOn = s.computedOn
        isPriorityHousehold = s.isPriorityHousehold; lines = s.lines; priorityCategories = s.priority ?? []
        recordedAt = s.recordedAt.map { ISO8601DateFormatter().string(from: $0) }
    }
}

/// A stored request as the command line prints it in JSON.
struct RequestView: Encodable {
    var id: String
    var version: Int
    var request: SocialHousingRequest
    var score: ScoreView?
    var scoreHistory: [ScoreView]?

    init(_ s: StoredRequest, history: [StoredScore]? = nil) {
        id = s.id; version = s.version; request = s.request
        score = s.score.map(ScoreView.init)
        scoreHistory = history?.map(ScoreView.init)
    }
}
