import Foundation
import GuichetCore

/// Right of access (RGPD art. 15, brief §9): everything stored about one person, the dossiers
/// where they appear (as applicant, household member or contact) and the history of those
/// dossiers, as PDF for the person and as JSON for a machine.
public struct RGPDExport: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        /// How the person appears in the dossier ("demandeur", "co-demandeur", "contact de l'organisme").
        public var roles: [String]
        public var dossier: AidDossier
        public var history: [HistoryEvent]
    }

    public var subject: String
    public var territory: String
    public var producedOn: CalendarDate
    public var dossiers: [Entry]
}

public enum RGPDReport {
    /// Whether `name` designates this person: every word of it is one of their names (any order,
    /// case and accents ignored), so "Marie Dupont" and "DUPONT Marie" both match.
    static func names(_ name: String, _ parts: [String]) -> Bool {
        let wanted = DossierQuery.fold(name).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," }).map(String.init)
        let have = Set(parts.flatMap { DossierQuery.fold($0).split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) })
        return !wanted.isEmpty && wanted.allSatisfy(have.contains)
    }

    /// The roles `name` holds in a dossier; empty when the person does not appear in it.
    public static func roles(of name: String, in d: AidDossier) -> [String] {
        var roles: [String] = []
        for m in d.applicant.household?.members ?? [] where names(name, [m.lastName, m.firstName]) {
            roles.append(m.role.label.lowercased())
        }
        if let c = d.applicant.organisation?.contactName, names(name, [c]) { roles.append("contact de l'organisme") }
        return roles
    }

    /// Scans every dossier (a person may be a co-applicant, whom the list search does not index).
    public static func collect(name: String, in session: any StoreSession, context: ReportContext) throws -> RGPDExport {
        var entries: [RGPDExport.Entry] = []
        try session.forEachDossier(DossierQuery()) { d in
            let r = roles(of: name, in: d)
            guard !r.isEmpty else { return }
            entries.append(RGPDExport.Entry(roles: r, dossier: d, history: try session.history(entity: "dossier", key: d.number.formatted)))
        }
        return RGPDExport(subject: name, territory: context.territory, producedOn: context.producedOn, dossiers: entries)
    }

    /// One dossier's export, whoever appears in it (`rgpd export --dossier`).
    public static func collect(dossier number: DossierNumber, in session: any StoreSession, context: ReportContext) throws -> RGPDExport? {
        guard let d = try session.dossier(number: number) else { return nil }
        return RGPDExport(subject: d.applicant.displayName, territory: context.territory, producedOn: context.producedOn,
                          dossiers: [RGPDExport.Entry(roles: ["demandeur"], dossier: d,
                                                      history: try session.history(entity: "dossier", key: number.formatted))])
    }

    public static func json(_ export: RGPDExport) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return try e.encode(export)
    }

    /// Writes the JSON atomically.
    public static func writeJSON(_ export: RGPDExport, to url: URL) throws {
        let data = try json(export)
        try AtomicOutput.write(to: url) { try data.write(to: $0) }
    }

    /// A value as a person reads it (see `DossierFieldLabels.value`).
    static func readable(_ change: FieldChange) -> String { DossierFieldLabels.value(change.new, at: change.field) }

    public static func document(_ export: RGPDExport, context: ReportContext) -> ReportDocument {
        var sections = [ReportSection(
            heading: "Objet de la communication",
            paragraphs: ["Droit d'accès (article 15 du RGPD) : données enregistrées par le service concernant « \(export.subject) ». "
                         + "\(FrenchFormat.integer(export.dossiers.count)) dossier(s) d'aide où la personne apparaît, avec l'historique de chaque dossier. "
                         + "Montants en euros, dates au format jj/mm/aaaa ; l'export JSON joint contient les mêmes données sous forme structurée.",
                         "Aucun numéro de sécurité sociale ni donnée de nationalité n'est enregistré."])]
        for entry in export.dossiers {
            let d = entry.dossier
            let fields = FieldChange.diff(old: nil as AidDossier?, new: d).filter(DossierFieldLabels.isShown)
                .map { [ReportCell.text(DossierFieldLabels.label($0.field)), .text(readable($0))] }
            let history = entry.history.map { h -> [ReportCell] in
                let paris = TimeZone(identifier: "Europe/Paris") ?? .current
                let t = h.at.timeIntervalSince1970 + Double(paris.secondsFromGMT(for: h.at))
                let changed = h.changes.map { DossierFieldLabels.label($0.field) }.prefix(12).joined(separator: ", ")
                    + (h.changes.count > 12 ? "…" : "")
                return [.date(CalendarDate(dayNumber: Int((t / 86_400).rounded(.down)))), .text(h.agent), .text(h.action),
                        .text(h.comment ?? ""), .text(changed)]
            }
            sections.append(ReportSection(
                heading: "Dossier \(d.number.formatted) — \(entry.roles.joined(separator: ", "))",
                paragraphs: ["Dispositif \(d.schemeCode), état « \(d.status.label) », commune \(d.property.commune)."],
                tables: [
                    ReportTable(name: "Données enregistrées", columns: [ReportColumn("Champ", .text, width: 34), ReportColumn("Valeur", .text, width: 60)],
                                rows: fields),
                    ReportTable(name: "Historique du dossier",
                                columns: [ReportColumn("Date", .date), ReportColumn("Agent", .text, width: 12), ReportColumn("Action", .text, width: 12),
                                          ReportColumn("Commentaire", .text, width: 24), ReportColumn("Champs modifiés", .text, width: 40)],
                                rows: history),
                ]))
        }
        return context.document(title: "Communication des données personnelles", subtitle: "Droit d'accès — \(export.subject)",
                                sections: sections, orientation: .portrait)
    }
}
