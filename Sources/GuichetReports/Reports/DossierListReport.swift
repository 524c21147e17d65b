import Foundation
import GuichetCore

/// `dossiers`: the dossier list following a `DossierQuery` (the filters on screen), streamed from
/// storage: rows are read again for each writer pass, never gathered in an array. The named list
/// reads storage's list projection; the anonymised one (committees) reads whole records to turn
/// birth dates into age bands, and shows no name, address, birth date or comment.
public enum DossierListReport {
    public static func document(context: ReportContext, store: any GuichetStore, query: DossierQuery,
                                anonymised: Bool = false, catalog: SchemeCatalog? = nil) throws -> ReportDocument {
        var all = query
        all.offset = 0; all.limit = nil
        // The totals closing the list, summed from the same rows (the list projection: no record decoded).
        var count = 0, requested = Money.zero, granted = Money.zero, paid = Money.zero
        try store.read { s in
            try s.forEachDossierRow(query) { r in
                count += 1; requested += r.requested ?? .zero; granted += r.granted; paid += r.paid
            }
        }
        var table = anonymised ? anonymisedTable(store: store, query: query, catalog: catalog, on: context.producedOn)
                               : namedTable(store: store, query: query, catalog: catalog)
        table.oneLinePerRow = true
        let label = ReportCell.text("Total"), number = ReportCell.text(FrenchWords.count(count, "dossier"))
        table.printedTotals = [anonymised
            ? [label, number, .empty, .empty, .empty, .empty, .empty, .money(granted), .money(paid), .empty]
            : [label, number, .empty, .empty, .empty, .money(requested), .money(granted), .money(paid), .empty, .empty]]
        let selection = describe(query, anonymised: anonymised)
        var paragraphs = ["Sélection : \(selection) — \(FrenchWords.count(count, "dossier"))."]
        if anonymised {
            paragraphs.append("Liste anonymisée : ni nom, ni adresse, ni date de naissance, ni commentaire ; "
                              + "le demandeur est décrit par son type, sa tranche d'âge et la commune du logement.")
        }
        return context.document(title: anonymised ? "Liste des dossiers d'aide (anonymisée)" : "Liste des dossiers d'aide",
                                subtitle: selection,
                                sections: [ReportSection(heading: "Dossiers", paragraphs: paragraphs, tables: [table])],
                                orientation: .landscape)
    }

    /// The filters in words: "état Accordé / engagé, dispositif ACC, recherche « dupont »". The
    /// anonymised list never prints the searched text: it is usually a name.
    public static func describe(_ q: DossierQuery, anonymised: Bool = false) -> String {
        var parts: [String] = []
        if let y = q.year { parts.append("année \(y)") }
        if !q.statuses.isEmpty { parts.append("état " + q.statuses.sorted().map(\.label).joined(separator: ", ")) }
        if !q.schemes.isEmpty { parts.append("dispositif " + q.schemes.sorted().joined(separator: ", ")) }
        if let t = q.text?.trimmingCharacters(in: .whitespaces), !t.isEmpty {
            parts.append(anonymised ? "recherche par texte (non reproduit)" : "recherche « \(InputLimits.quoted(t)) »")
        }
        return parts.isEmpty ? "tous les dossiers" : parts.joined(separator: ", ")
    }

    static let longestStatus = DossierStatus.allCases.map(\.label).max { $0.count < $1.count } ?? ""

    static let namedColumns = [
        ReportColumn("N° de dossier", .text, width: 13).whole(fitting: "2026-ACCM-0000"), ReportColumn("Demandeur", .text, width: 26),
        ReportColumn("Commune", .text, width: 18), ReportColumn("Dispositif", .text, width: 9).whole(fitting: "ACCM"),
        ReportColumn("État", .text, width: 14).whole(fitting: longestStatus), ReportColumn("Montant demandé", .money),
        ReportColumn("Montant accordé", .money), ReportColumn("Montant versé", .money),
        ReportColumn("Déposé le", .date, width: 10), ReportColumn("Dernière modification", .date, width: 10),
    ]

    /// One row of the named list.
    public static func cells(_ r: DossierListRow, parisOffset: (Date) -> Int) -> [ReportCell] {
        let t = r.lastChange.timeIntervalSince1970 + Double(parisOffset(r.lastChange))
        let changed = CalendarDate(dayNumber: Int((t / 86_400).rounded(.down)))
        return [.text(r.number.formatted), .text(r.applicant), .text(r.commune), .text(r.scheme), .text(r.status.label),
                r.requested.map { .money($0) } ?? .empty, .money(r.granted), .money(r.paid), Cells.date(r.receivedOn), .date(changed)]
    }

    static func namedTable(store: any GuichetStore, query: DossierQuery, catalog: SchemeCatalog?) -> ReportTable {
        ReportTable(name: "Dossiers", columns: namedColumns, rows: ReportRows { emit in
            let offset = ParisOffset()
            try store.read { s in
                try s.forEachDossierRow(query) { try emit(cells($0, parisOffset: offset.seconds)) }
            }
        })
    }

    static func anonymisedTable(store: any GuichetStore, query: DossierQuery, catalog: SchemeCatalog?, on date: CalendarDate) -> ReportTable {
        let columns = [
            ReportColumn("N° de dossier", .text, width: 13).whole(fitting: "2026-ACCM-0000"), ReportColumn("Type de demandeur", .text, width: 18),
            ReportColumn("Tranche d'âge", .text, width: 14), ReportColumn("Personnes", .integer, width: 8),
            ReportColumn("Commune", .text, width: 18), ReportColumn("Dispositif", .text, width: 9).whole(fitting: "ACCM"),
            ReportColumn("État", .text, width: 14).whole(fitting: longestStatus), ReportColumn("Montant accordé", .money),
            ReportColumn("Montant versé", .money), ReportColumn("Année de dépôt", .text, width: 7),
        ]
        return ReportTable(name: "Dossiers (anonymisés)", columns: columns, rows: ReportRows { emit in
            try store.read { s in try s.forEachDossier(query) { try emit(anonymisedCells($0, on: date)) } }
        })
    }

    /// A dossier without anything that names or locates a person.
    public static func anonymisedCells(_ d: AidDossier, on date: CalendarDate) -> [ReportCell] {
        let applicant = d.applicant.household?.members.first { $0.role == .applicant } ?? d.applicant.household?.members.first
        let band = d.applicant.organisation != nil ? "—" : (applicant?.birthDate.map { Anonymise.ageBand($0, on: date) } ?? "non renseignée")
        let size: ReportCell = d.applicant.household.map { .integer($0.size) } ?? .text("—")
        return [.text(d.number.formatted), .text(d.applicant.kind.label), .text(band), size, .text(d.property.commune),
                .text(d.schemeCode), .text(d.status.label), .money(d.grantedAmount), .money(d.paidAmount),
                d.receivedOn.map { .text(String($0.year)) } ?? .text("—")]
    }
}

/// Paris's offset from UTC, asked of the time zone once per hour of time rather than once per row.
final class ParisOffset {
    private let zone = TimeZone(identifier: "Europe/Paris") ?? .current
    private var cache: [Int: Int] = [:]

    func seconds(_ date: Date) -> Int {
        let hour = Int((date.timeIntervalSince1970 / 3_600).rounded(.down))
        if let s = cache[hour] { return s }
        let s = zone.secondsFromGMT(for: date)
        if cache.count > 100_000 { cache.removeAll() }
        cache[hour] = s
        return s
    }
}
