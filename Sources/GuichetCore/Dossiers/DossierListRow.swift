import Foundation

/// The columns of a dossier list, without the rest of the record: what list exports read, so
/// that storage can answer from its narrow list table instead of decoding every whole record.
public struct DossierListRow: Sendable, Equatable {
    public var number: DossierNumber
    public var applicant: String
    public var commune: String
    public var status: DossierStatus
    public var requested: Money?
    public var granted: Money
    public var paid: Money
    public var receivedOn: CalendarDate?
    public var lastChange: Date

    public init(number: DossierNumber, applicant: String, commune: String, status: DossierStatus, requested: Money?,
                granted: Money, paid: Money, receivedOn: CalendarDate?, lastChange: Date) {
        self.number = number; self.applicant = applicant; self.commune = commune; self.status = status
        self.requested = requested; self.granted = granted; self.paid = paid
        self.receivedOn = receivedOn; self.lastChange = lastChange
    }

    public init(_ d: AidDossier) {
        self.init(number: d.number, applicant: d.applicant.displayName, commune: d.property.commune, status: d.status,
                  requested: d.requestedAmount, granted: d.grantedAmount, paid: d.paidAmount,
                  receivedOn: d.receivedOn, lastChange: d.updatedAt)
    }

    public var scheme: String { number.scheme }
}

extension DossierStore {
    /// Fallback for stores without a list projection: the whole records, reduced.
    public func forEachDossierRow(_ query: DossierQuery, _ body: (DossierListRow) throws -> Void) throws {
        try forEachDossier(query) { try body(DossierListRow($0)) }
    }
}
