import Foundation
import GuichetApp
import GuichetCore

/// Parsing of the dossier commands' arguments, each error naming the option.
enum DossierArguments {
    static func number(_ text: String) throws -> DossierNumber {
        do { return try DossierNumber.parse(text, field: "NUMERO") } catch { throw CLIFailure(error.description, code: 64) }
    }
    /// A French amount in euros ("1 234,56", "1234.56 €"), strictly positive.
    static func money(_ text: String, option: String) throws -> Money {
        do { return try DossierAction.positiveAmount(text, field: option) } catch { throw CLIFailure(error.description, code: 64) }
    }
    /// `--date` or today (Paris time, by the injected clock).
    static func date(_ text: String?, option: String = "--date") throws -> CalendarDate {
        guard let text else { return GlobalOptions.clock.today() }
        do { return try CalendarDate.parse(text, field: option) } catch { throw CLIFailure(error.description, code: 64) }
    }
}

/// A refused lifecycle step becomes a command-line failure with the French message.
extension LifecycleError {
    var failure: CLIFailure {
        let hint = switch code {
        case .overspendNeedsConfirmation: " (option --confirm-overspend MOTIF)"
        case .aboveAverageNeedsReason: " (option --above-average MOTIF)"
        default: ""
        }
        return CLIFailure(message + hint, code: 6)
    }
}

/// One dossier as `dossiers list --json` and the write commands print it; amounts in cents.
struct DossierSummary: Encodable {
    var number: String
    var applicant: String
    var commune: String
    var scheme: String
    var plhAction: Int
    var status: String
    var statusLabel: String
    var requested: Money?
    var computed: Money?
    var granted: Money
    var paid: Money
    var remaining: Money
    var receivedOn: CalendarDate?
    var lastChange: Date
    var version: Int
    var antiSpeculationEnd: CalendarDate?
    var repaymentDue: Money?

    init(_ d: AidDossier) {
        number = d.number.formatted; applicant = d.applicant.displayName; commune = d.property.commune
        scheme = d.schemeCode; plhAction = d.plhAction; status = d.status.rawValue; statusLabel = d.status.label
        requested = d.requestedAmount; computed = d.computedAmount; granted = d.grantedAmount; paid = d.paidAmount
        remaining = d.remainingToPay; receivedOn = d.receivedOn; lastChange = d.updatedAt; version = d.version
        antiSpeculationEnd = d.antiSpeculation?.endDate; repaymentDue = d.antiSpeculation?.repaymentDue
    }
}

/// Runs a use case on a dossier and prints the result: one French line, or the summary in JSON.
enum DossierWrite {
    static func run(json: Bool, done: (AidDossier) -> String, _ body: (Guichet) async throws -> AidDossier) async throws {
        let d = try await body(try GlobalOptions.openGuichet())
        if json { try Console.json(DossierSummary(d)) } else { Console.line(done(d)) }
    }
}
