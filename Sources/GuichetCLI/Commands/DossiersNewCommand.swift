import ArgumentParser
import Foundation
import GuichetApp
import GuichetCore

struct DossiersNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Crée un dossier (brouillon) à partir d'un fichier JSON.",
        discussion: """
        Le fichier JSON contient (montants en centimes, dates AAAA-MM-JJ) :
          plhAction        action du PLH (facultatif : la première du dispositif)
          applicant        { "kind": "household|privateOwner|socialLandlord|commune|association|operator",
                             "household": { "members": [ { "lastName", "firstName", "birthDate", "role": "applicant",
                                                           "civility": "madame|monsieur" } ],
                                            "size", "yearlyIncome", "incomeYear" }
                             ou "organisation": { "name", "siret", "contactName", "contactCivility", "contactRole" },
                             "postalAddress": { "complement", "street", "locality", "postcode", "town", "country" },
                             "bankAccount": { "holder", "iban", "bic" }, "phone", "email",
                             "ownerStatus": "occupant|landlord" (propriétaire privé : occupant PO ou bailleur PB) }
                           postalAddress : l'adresse où vont les courriers (celle du demandeur, pas celle du logement) ;
                           bankAccount : l'IBAN est vérifié par sa clé
          property         { "address", "postcode", "commune", "inseeCode", "dwellings", "adaptedDwellings",
                             "plaiDwellings", "builtOn" ou "buildYear", "vacantSince" }
          facts            { "worksAmount", "communeCoFunding", "epciPresentationDate", "purchaseDate" }
          requestedAmount  montant demandé (facultatif)
        Le numéro est attribué automatiquement (AAAA-CODE-0001).
        """)

    @Option(name: .long, help: "Code du dispositif (ACC, PIG…).")
    var scheme: String
    @Option(name: .long, help: "Fichier JSON du dossier.")
    var file: String
    @Option(name: .long, help: "Date de création (AAAA-MM-JJ ou JJ/MM/AAAA ; défaut : aujourd'hui).")
    var date: String?
    @Flag(name: .long, help: "Sortie JSON.")
    var json = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIFailure("--file : fichier illisible « \(file) »", code: 66) }
        let draft: DossierDraft
        do { draft = try DossierDraft.decode(data) } catch { throw CLIFailure("\(file) : \(error.description)", code: 5) }
        let day = try DossierArguments.date(date)
        try await DossierWrite.run(json: json, done: { "Dossier \($0.number) créé (brouillon, \($0.schemeCode))." }) { guichet in
            do { _ = try guichet.scheme(scheme.uppercased()) } catch let e as GuichetCore.ValidationError {
                throw CLIFailure("--scheme : \(e.message)", code: 64)
            }
            do { return try await guichet.createDossier(draft, scheme: scheme, on: day) } catch let e as ValidationErrors {
                throw CLIFailure("\(file) : dossier invalide :\n" + e.errors.map { "  \($0.description)" }.joined(separator: "\n"), code: 5)
            }
        }
    }
}
