import GuichetCore

/// `requests`: social-housing requests ranked by their cotation (brief §7). The anonymised
/// variant, for allocation committees, drops the request ids, SNE numbers and names, shows the
/// requester's age as a band and the request date as a month.
public enum RequestsReport {
    /// One ranked request: computed now (`RankedRequest`) or as stored with its latest score.
    public struct Entry: Sendable {
        public var position: Int
        public var request: SocialHousingRequest
        public var points: Int
        public var isPriorityHousehold: Bool
        public var computedOn: CalendarDate

        public init(position: Int, request: SocialHousingRequest, points: Int, isPriorityHousehold: Bool, computedOn: CalendarDate) {
            self.position = position; self.request = request; self.points = points
            self.isPriorityHousehold = isPriorityHousehold; self.computedOn = computedOn
        }

        public init(_ r: RankedRequest) {
            self.init(position: r.position, request: r.request, points: r.result.total,
                      isPriorityHousehold: r.isPriorityHousehold, computedOn: r.result.computedOn)
        }

        /// A stored request in ranked order; without a stored score it counts 0 points on `date`.
        public init(position: Int, stored: StoredRequest, on date: CalendarDate) {
            self.init(position: position, request: stored.request, points: stored.score?.total ?? 0,
                      isPriorityHousehold: stored.score?.isPriorityHousehold ?? false, computedOn: stored.score?.computedOn ?? date)
        }
    }

    public static func document(context: ReportContext, ranked: [RankedRequest], anonymised: Bool = false,
                                filterLabel: String? = nil) -> ReportDocument {
        document(context: context, entries: ranked.map(Entry.init), anonymised: anonymised, filterLabel: filterLabel)
    }

    public static func document(context: ReportContext, entries ranked: [Entry], anonymised: Bool = false,
                                filterLabel: String? = nil) -> ReportDocument {
        var columns = [ReportColumn("Rang", .integer, width: 5)]
        if !anonymised {
            columns += [ReportColumn("Demande", .text, width: 17), ReportColumn("N° unique", .text, width: 18),
                        ReportColumn("Demandeur", .text, width: 20)]
        }
        columns += [ReportColumn(anonymised ? "Mois de la demande" : "Date de la demande", anonymised ? .text : .date, width: 11),
                    ReportColumn("Points", .integer, width: 7), ReportColumn("Public prioritaire", .text, width: 10),
                    ReportColumn("Personnes", .integer, width: 8),
                    ReportColumn(anonymised ? "Âge du demandeur" : "Âge du demandeur (ans)", anonymised ? .text : .integer, width: 10),
                    ReportColumn("Logement actuel", .text, width: 20), ReportColumn("Communes souhaitées", .text, width: 26),
                    ReportColumn("Typologies", .text, width: 10)]
        let rows: [[ReportCell]] = ranked.map { r in
            let q = r.request, on = r.computedOn
            let requester = q.members.first { $0.role == .requester } ?? q.members.first
            var row: [ReportCell] = [.integer(r.position)]
            if !anonymised { row += [.text(q.id), .text(q.sneNumber ?? "—"), .text(q.applicantName ?? "—")] }
            row += [anonymised ? .text(Anonymise.month(q.requestDate)) : .date(q.requestDate),
                    .integer(r.points), .text(r.isPriorityHousehold ? "oui" : "non"), .integer(q.members.count)]
            if let b = requester?.birthDate {
                row.append(anonymised ? .text(Anonymise.ageBand(b, on: on)) : .integer(b.age(on: on)))
            } else {
                row.append(.text("—"))
            }
            row += [.text(q.home?.status.frenchLabel ?? "sans logement propre"),
                    .text(q.wishedCommunes.map(\.description).joined(separator: ", ")),
                    .text(q.wishedTypologies.map(\.rawValue).joined(separator: ", "))]
            return row
        }
        let table = ReportTable(name: anonymised ? "Demandes classées (anonymisées)" : "Demandes classées", columns: columns, rows: rows)
        var paragraphs = ["Classement par points décroissants ; à points égaux, la demande la plus ancienne passe devant. "
                          + "Un critère sans justificatif valide ne rapporte aucun point. Demandes radiées exclues."]
        if let filterLabel { paragraphs.append("Sélection : \(filterLabel).") }
        if anonymised {
            paragraphs.append("Document anonymisé pour la commission : ni nom, ni identifiant de demande, ni numéro unique, "
                              + "âge par tranche et date de demande au mois.")
        }
        return context.document(title: anonymised ? "Demandes de logement social — classement anonymisé" : "Demandes de logement social — classement",
                                subtitle: FrenchWords.count(ranked.count, "demande classée") + " selon la grille de cotation",
                                sections: [ReportSection(heading: "Classement", paragraphs: paragraphs, tables: [table])],
                                orientation: .landscape)
    }
}

/// How exports for committees generalise personal data (brief §9).
public enum Anonymise {
    /// "moins de 30 ans", "30 à 44 ans", "45 à 59 ans", "60 à 74 ans", "75 ans et plus".
    public static func ageBand(_ birth: CalendarDate, on date: CalendarDate) -> String {
        let age = birth.age(on: date)
        switch age {
        case ..<30: return "moins de 30 ans"
        case 30..<45: return "30 à 44 ans"
        case 45..<60: return "45 à 59 ans"
        case 60..<75: return "60 à 74 ans"
        default: return "75 ans et plus"
        }
    }

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    /// "mars 2024".
    public static func month(_ d: CalendarDate) -> String { "\(months[d.month - 1]) \(d.year)" }
}
