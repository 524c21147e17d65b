import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore
import GuichetReports

/// `guichet document KIND NUMERO --output FICHIER.pdf`: one formal letter of a dossier, recorded
/// in the dossier's history; `document list` and `document reprint` give back what was produced.
struct DocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Courriers d'un dossier en PDF : accuse-reception, notification, ordre-paiement ; list, reprint.",
        discussion: """
        Chaque courrier édité est enregistré dans l'historique du dossier (date, courrier, agent) et se
        réimprime à l'identique (`guichet document reprint NUMERO N`), même si le dossier a changé depuis.
        Un courrier n'est édité que si l'état du dossier le permet : pas d'accusé de réception pour un
        brouillon, pas de notification avant l'attribution, pas d'ordre de paiement sans versement.
        """,
        subcommands: [DocumentLetterCommand<Acknowledgement>.self, DocumentLetterCommand<Notification>.self,
                      DocumentLetterCommand<PaymentOrder>.self, DocumentListCommand.self, DocumentReprintCommand.self])
}

protocol LetterKindName { static var kind: DossierDocuments.Kind { get } }
enum Acknowledgement: LetterKindName { static let kind = DossierDocuments.Kind.acknowledgement }
enum Notification: LetterKindName { static let kind = DossierDocuments.Kind.notification }
enum PaymentOrder: LetterKindName { static let kind = DossierDocuments.Kind.paymentOrder }

/// `guichet document accuse-reception|notification|ordre-paiement NUMERO --output F.pdf [--date J]`.
struct DocumentLetterCommand<K: LetterKindName>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: K.kind.rawValue, abstract: "Édite « \(K.kind.label) » d'un dossier en PDF et l'enregistre dans son historique.")
    }

    @Argument(help: "Numéro du dossier (AAAA-CODE-0001).") var number: String
    @Option(name: .long, help: "Fichier PDF à écrire.") var output: String
    @Option(name: .long, help: "Date du courrier (AAAA-MM-JJ, défaut : aujourd'hui).") var date: String?

    func run() async throws {
        let n: DossierNumber
        do { n = try DossierNumber.parse(number, field: "NUMERO") } catch { throw CLIFailure(error.description, code: 64) }
        let day = try DossierArguments.date(date)
        let guichet = try GlobalOptions.openGuichet()
        let record: IssuedLetter
        do {
            record = try await guichet.writeLetter(K.kind, for: n, on: day, to: URL(fileURLWithPath: output))
        } catch let refusal as DossierDocuments.Refusal {
            throw CLIFailure(refusal.description, code: 6)
        } catch StoreError.notFound {
            throw CLIFailure("Dossier « \(n) » introuvable.", code: 4)
        } catch let error as ReportError {
            throw CLIFailure(error.description, code: 7)
        }
        Console.line("\(K.kind.label) du dossier \(n) écrit : \(output) (courrier n° \(record.sequence), enregistré dans l'historique)")
        if !guichet.agentIsInDirectory(record.agent) {
            Console.error("Note : l'agent « \(record.agent) » n'est pas dans l'annuaire du service (service.json, agents) : le courrier indique le service comme interlocuteur.")
        }
    }
}

/// `guichet document list NUMERO [--json]`: the letters produced for a dossier.
struct DocumentListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les courriers édités pour un dossier.")

    @Argument(help: "Numéro du dossier.") var number: String
    @Flag(name: .long, help: "Sortie JSON.") var json = false

    struct Row: Encodable { var sequence: Int; var kind: String; var title: String; var date: CalendarDate; var at: Date; var agent: String }

    func run() async throws {
        let n = try DossierArguments.number(number)
        let letters: [IssuedLetter]
        do { letters = try await GlobalOptions.openGuichet().letters(of: n) } catch StoreError.notFound {
            throw CLIFailure("Dossier « \(n) » introuvable.", code: 4)
        }
        if json {
            try Console.json(letters.map { Row(sequence: $0.sequence, kind: $0.kind, title: $0.title, date: $0.date, at: $0.at, agent: $0.agent) })
            return
        }
        guard !letters.isEmpty else { Console.line("Aucun courrier édité pour le dossier \(n)."); return }
        Console.table(["N°", "Courrier", "Daté du", "Édité le", "Agent"],
                      letters.map { [String($0.sequence), $0.title, FrenchFormat.date($0.date),
                                     FrenchFormat.date(CalendarDate(dayOf: $0.at)), $0.agent] }, right: [0])
    }
}

/// `guichet document reprint NUMERO N --output F.pdf`: a letter produced before, identically.
struct DocumentReprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reprint", abstract: "Réimprime à l'identique un courrier déjà édité (numéro donné par « document list »).")

    @Argument(help: "Numéro du dossier.") var number: String
    @Argument(help: "Numéro du courrier dans le dossier (1, 2…).") var sequence: Int
    @Option(name: .long, help: "Fichier PDF à écrire.") var output: String

    func run() async throws {
        let n = try DossierArguments.number(number)
        let guichet = try GlobalOptions.openGuichet()
        let reprint: (letter: ReportLetter, record: IssuedLetter)
        do { reprint = try await guichet.reprintLetter(n, sequence: sequence) } catch let StoreError.notFound(entity, key) {
            throw CLIFailure("\(entity == "dossier" ? "Dossier" : "Courrier") « \(key) » introuvable.", code: 4)
        }
        do { try await guichet.writeLetter(reprint.letter, to: URL(fileURLWithPath: output)) } catch let error as ReportError {
            throw CLIFailure(error.description, code: 7)
        }
        Console.line("\(reprint.record.title) n° \(reprint.record.sequence) du dossier \(n) (daté du \(FrenchFormat.date(reprint.record.date))) réimprimé : \(output)")
    }
}
