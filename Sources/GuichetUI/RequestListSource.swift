import GtkKit
import GuichetApp
import GuichetCore

/// The ranked list of requests (score highest first, then the older request: `RequestQuery`'s
/// order): its columns, its rows read through `ListSource`, their cells.
@MainActor
enum RequestListSource {
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
    static let pageSize = 100

    typealias Source = ListSource<RequestQuery, RequestListRow>

    static func make(guichet: Guichet) -> Source {
        Source(query: RequestQuery(), pageSize: pageSize, limited: limited,
               first: { q in let page = try await guichet.requestRowPage(q); return (page.total, page.rows) },
               rows: { q in try await guichet.requestRows(q) },
               cells: { row, index in cells(row, rank: index + 1) }, failure: "Lecture des demandes impossible")
    }

    nonisolated static func limited(_ query: RequestQuery, _ rows: Range<Int>) -> RequestQuery {
        var q = query
        q.offset = rows.lowerBound
        q.limit = rows.count
        return q
    }

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
