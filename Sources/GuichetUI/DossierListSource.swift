import GtkKit
import GuichetApp
import GuichetCore

/// The dossier list: its columns, its rows read through `ListSource`, their cells.
@MainActor
enum DossierListSource {
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
    /// Rows per page, 8 pages cached by LazyTable (400 rows): a screen holds ~25 rows.
    nonisolated static let pageSize = 50

    typealias Source = ListSource<DossierQuery, DossierListRow>

    static func make(guichet: Guichet, prefetched: Prefetched<DossierRowPage>?) -> Source {
        let source = Source(query: DossierQuery(), pageSize: pageSize, limited: limited,
                            first: { q in let page = try await guichet.dossierRowPage(q); return (page.total, page.rows) },
                            rows: { q in try await guichet.dossierRowPage(q).rows },
                            cells: { row, _ in cells(row) }, failure: "Lecture des dossiers impossible")
        if let prefetched {
            source.prefetched(ready: { prefetched.readyValue.map { ($0.total, $0.rows) } },
                              task: Task { let page = try await prefetched.task.value; return (page.total, page.rows) },
                              for: DossierQuery())
        }
        return source
    }

    /// The query of the count and first page of `query`.
    nonisolated static func firstPage(of query: DossierQuery) -> DossierQuery { limited(query, 0..<pageSize) }

    nonisolated static func limited(_ query: DossierQuery, _ rows: Range<Int>) -> DossierQuery {
        var q = query
        q.offset = rows.lowerBound
        q.limit = rows.count
        return q
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
