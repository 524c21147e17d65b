import Foundation
import GtkKit
import GuichetCore

/// The dossier list's rows, read from storage a page at a time: the table asks for the count
/// (one `dossierPage` call that also brings the first page) and for the pages it binds.
/// `LazyTable` keeps the recent pages; nothing else is held, so memory stays flat at 100 000 rows.
@MainActor
final class DossierListSource: LazyTableDataSource {
    static let columns: [TableColumn] = [
        TableColumn(id: DossierQuery.Column.number.rawValue, title: "Numéro"),
        TableColumn(id: DossierQuery.Column.applicant.rawValue, title: "Demandeur", expands: true),
        TableColumn(id: DossierQuery.Column.commune.rawValue, title: "Commune"),
        TableColumn(id: DossierQuery.Column.scheme.rawValue, title: "Dispositif"),
        TableColumn(id: DossierQuery.Column.status.rawValue, title: "Statut"),
        TableColumn(id: DossierQuery.Column.granted.rawValue, title: "Montant accordé", alignment: .trailing),
        TableColumn(id: DossierQuery.Column.updatedAt.rawValue, title: "Modifié le"),
    ]
    /// Starting widths: numbers and statuses whole, the applicant takes what is left.
    static let widths: [Int?] = [136, 150, 110, 76, 120, 116, 96]
    /// Rows per page, 8 pages cached by LazyTable (400 rows): a page is read and decoded on the
    /// main thread when GTK binds its first row, so pages stay small (a screen holds ~25 rows).
    nonisolated static let pageSize = 50

    private let store: any GuichetStore
    /// Filters and sort; offset and limit are set per page.
    var query = DossierQuery()
    /// The last total read (shown by the count label).
    private(set) var total = 0
    /// First page read together with the count, served to the first bind.
    private var firstPage: [[String]]?
    /// The last storage error, shown by the screen; the list then shows no rows.
    private(set) var lastError: String?
    /// How long the last count + first page took in storage (benchmark detail).
    private(set) var lastQueryMilliseconds = 0.0
    /// Count and first page of the default query read before the window existed, used once.
    private var prefetched: DossierRowPage?

    init(store: any GuichetStore, prefetched: DossierRowPage? = nil) {
        self.store = store
        self.prefetched = prefetched
    }

    /// The query of the count and first page of `query`.
    nonisolated static func firstPage(of query: DossierQuery) -> DossierQuery {
        var q = query
        q.offset = 0
        q.limit = pageSize
        return q
    }

    func rowCount() -> Int {
        let q = Self.firstPage(of: query)
        let started = Date()
        defer { lastQueryMilliseconds = Date().timeIntervalSince(started) * 1000 }
        let early = query == DossierQuery() ? prefetched : nil
        prefetched = nil
        do {
            let page = try early ?? store.read { try $0.dossierRowPage(q) }
            total = page.total
            firstPage = page.rows.map(Self.cells)
            lastError = nil
        } catch {
            total = 0
            firstPage = nil
            lastError = "Lecture des dossiers impossible : \(error)"
        }
        return total
    }

    func cells(forRows rows: Range<Int>) -> [[String]] {
        if rows.lowerBound == 0, let firstPage, firstPage.count >= rows.count {
            return Array(firstPage.prefix(rows.count))
        }
        var q = query
        q.offset = rows.lowerBound
        q.limit = rows.count
        do {
            return try store.read { try $0.dossierRowPage(q) }.rows.map(Self.cells)
        } catch {
            lastError = "Lecture des dossiers impossible : \(error)"
            return []
        }
    }

    static func cells(_ d: DossierListRow) -> [String] {
        [
            d.number.formatted, d.applicant, d.commune, d.number.scheme, d.status.label,
            d.granted == .zero ? "—" : FrenchFormat.money(d.granted),
            FrenchFormat.date(CalendarDate(dayOf: d.lastChange)),
        ]
    }

    /// "12 345 dossiers", "1 dossier", "Aucun dossier".
    static func countText(_ n: Int) -> String {
        switch n {
        case 0: "Aucun dossier"
        case 1: "1 dossier"
        default: "\(FrenchFormat.integer(n)) dossiers"
        }
    }
}
