import GtkKit
import GuichetCore

/// The ranked list of requests, read a page at a time from storage (score highest first, then
/// the older request: `RequestQuery`'s order). The table holds only the pages it shows.
@MainActor
final class RequestListSource: LazyTableDataSource {
    static let columns: [TableColumn] = [
        TableColumn(id: "rang", title: "Rang", sortable: false, alignment: .trailing),
        TableColumn(id: "numero", title: "N°", sortable: false),
        TableColumn(id: "demandeur", title: "Demandeur", sortable: false),
        TableColumn(id: "date", title: "Demande du", sortable: false),
        TableColumn(id: "score", title: "Score", sortable: false, alignment: .trailing),
        TableColumn(id: "prioritaire", title: "Prio.", sortable: false),
        TableColumn(id: "typologie", title: "Typologie", sortable: false),
        TableColumn(id: "communes", title: "Communes souhaitées", sortable: false, expands: true),
    ]

    private let store: any GuichetStore
    /// Filters; offset and limit are set per page.
    var query = RequestQuery()
    private(set) var total = 0
    private(set) var lastError: String?
    /// Ids of the rows served, by row index (what a selected row opens).
    private var ids: [Int: String] = [:]

    init(store: any GuichetStore) { self.store = store }

    func rowCount() -> Int {
        ids.removeAll()
        do {
            total = try store.read { try $0.countRequests(query) }
            lastError = nil
        } catch {
            total = 0
            lastError = "Lecture des demandes impossible : \(error)"
        }
        return total
    }

    func cells(forRows rows: Range<Int>) -> [[String]] {
        var q = query
        q.offset = rows.lowerBound
        q.limit = rows.count
        do {
            let page = try store.read { try $0.requestListRows(q) }
            return page.enumerated().map { index, row in
                ids[rows.lowerBound + index] = row.id
                return Self.cells(row, rank: rows.lowerBound + index + 1)
            }
        } catch {
            lastError = "Lecture des demandes impossible : \(error)"
            return []
        }
    }

    /// The id of the request shown at `row`, once its page was read.
    func id(atRow row: Int) -> String? { ids[row] }

    static func cells(_ r: RequestListRow, rank: Int) -> [String] {
        [
            FrenchFormat.integer(rank),
            r.id,
            r.applicantName ?? "",
            FrenchFormat.date(r.requestDate),
            r.scoreTotal.map(FrenchFormat.integer) ?? "—",
            r.isPriorityHousehold ? "●" : "",
            r.wishedTypologies.map(\.rawValue).joined(separator: ", "),
            r.wishedCommunes.map(\.description).joined(separator: ", "),
        ]
    }

    static func countText(_ total: Int) -> String {
        switch total {
        case 0: "Aucune demande"
        case 1: "1 demande, classée par score puis ancienneté"
        default: "\(FrenchFormat.integer(total)) demandes, classées par score puis ancienneté"
        }
    }
}
