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

    /// A social-housing request where the person is requester or co-requester, with its scores.
    public struct RequestEntry: Encodable, Sendable {
        public var roles: [String]
        public var request: SocialHousingRequest
        public var scores: [StoredScore]
        public var history: [HistoryEvent]
    }

    public var subject: String
    public var territory: String
    public var producedOn: CalendarDate
    public var dossiers: [Entry]
    public var requests: [RequestEntry] = []
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

    /// The roles `name` holds in a social-housing request (requester, co-requester).
    public static func roles(of name: String, in r: SocialHousingRequest) -> [String] {
        r.members.filter { $0.isApplicant && names(name, [$0.lastName ?? "", $0.firstName ?? ""]) }.map(\.role.frenchLabel)
    }

    /// Scans every dossier (a person may be a co-applicant, whom the list search does not index)
    /// and every social-housing request, struck off or not.
    public static func collect(name: String, in session: any StoreSession, context: ReportContext) throws -> RGPDExport {
        var entries: [RGPDExport.Entry] = []
        try session.forEachDossier(DossierQuery()) { d in
            let r = roles(of: name, in: d)
            guard !r.isEmpty else { return }
            entries.append(RGPDExport.Entry(roles: r, dossier: d, history: try session.history(entity: "dossier", key: d.number.formatted)))
        }
        var requests: [RGPDExport.RequestEntry] = []
        try session.forEachRequest(RequestQuery(includeStruckOff: true)) { stored in
            let r = roles(of: name, in: stored.request)
            guard !r.isEmpty else { return }
            requests.append(RGPDExport.RequestEntry(
                roles: r, request: stored.request, scores: try session.scoreHistory(requestId: stored.id),
                history: try session.history(entity: SocialHousingRequest.historyEntity, key: stored.id)))
        }
        return RGPDExport(subject: name, territory: context.territory, producedOn: context.producedOn, dossiers: entries,
                          requests: requests)
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
                         + FrenchWords.count(export.dossiers.count, "dossier") + " d'aide et " + FrenchWords.count(export.requests.count, "demande") + " de logement social "
                         + "où la personne apparaît, avec l'historique de chacun et les cotations des demandes. "
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
        sections += export.requests.map(requestSection)
        return context.document(title: "Communication des données personnelles", subtitle: "Droit d'accès — \(export.subject)",
                                sections: sections, orientation: .portrait)
    }

    /// A request as the person reads it: the household, the situations declared and their
    /// documents, the CAL proposals, every score and the history of the request.
    static func requestSection(_ entry: RGPDExport.RequestEntry) -> ReportSection {
        let r = entry.request
        var rows: [[ReportCell]] = [[.text("Date de la demande"), .text(FrenchFormat.date(r.requestDate))],
                                    [.text("Numéro unique"), .text(r.sneNumber ?? "—")]]
        for (i, m) in r.members.enumerated() {
            rows.append([.text("Personne \(i + 1)"), .text([m.displayName, m.role.frenchLabel, "née le " + FrenchFormat.date(m.birthDate)]
                .compactMap { $0 }.joined(separator: ", "))])
        }
        rows.append([.text("Ressources annuelles"), .text(FrenchFormat.money(r.annualResources))])
        if let h = r.home {
            rows.append([.text("Logement actuel"), .text("\(h.status.frenchLabel), loyer \(FrenchFormat.money(h.monthlyRent)), charges "
                + "\(FrenchFormat.money(h.monthlyCharges)), aide au logement \(FrenchFormat.money(h.monthlyHousingBenefit))")])
        }
        rows.append([.text("Communes souhaitées"), .text(r.wishedCommunes.map(\.description).joined(separator: ", "))])
        rows.append([.text("Typologies souhaitées"), .text(r.wishedTypologies.map(\.rawValue).joined(separator: ", "))])
        for c in r.criteria {
            rows.append([.text("Situation déclarée"), .text("\(c.criterionId) (justificatif : \(c.document.status.rawValue))" + (c.detail.map { " — \($0)" } ?? ""))])
        }
        for p in r.calProposals {
            rows.append([.text("Proposition en CAL"), .text("\(FrenchFormat.date(p.date)), rang \(p.rank), \(p.effectiveOutcome.frenchLabel)" + (p.landlord.map { ", \($0)" } ?? ""))])
        }
        for id in r.priorityCategories { rows.append([.text("Public prioritaire déclaré"), .text(id)]) }
        if let off = r.struckOffOn { rows.append([.text("Radiée le"), .text(FrenchFormat.date(off))]) }
        let scores = entry.scores.map { s -> [ReportCell] in
            [.date(s.computedOn), .text(s.gridVersion), .integer(s.total), .text(s.isPriorityHousehold ? "oui" : "non")]
        }
        let history = entry.history.map { h -> [ReportCell] in
            [.text(h.action), .text(h.agent), .text(h.comment ?? ""), .text(h.changes.map(\.field).prefix(12).joined(separator: ", "))]
        }
        return ReportSection(
            heading: "Demande de logement social \(r.id) — \(entry.roles.joined(separator: ", "))",
            paragraphs: [],
            tables: [
                ReportTable(name: "Données enregistrées", columns: [ReportColumn("Champ", .text, width: 34), ReportColumn("Valeur", .text, width: 60)], rows: rows),
                ReportTable(name: "Cotations", columns: [ReportColumn("Calculée au", .date), ReportColumn("Grille", .text, width: 12),
                                                         ReportColumn("Points", .integer, width: 8), ReportColumn("Ménage prioritaire", .text, width: 12)], rows: scores),
                ReportTable(name: "Historique de la demande", columns: [ReportColumn("Action", .text, width: 14), ReportColumn("Agent", .text, width: 12),
                                                                        ReportColumn("Commentaire", .text, width: 30), ReportColumn("Champs modifiés", .text, width: 40)], rows: history),
            ])
    }
}
