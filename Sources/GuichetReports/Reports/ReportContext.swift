import GuichetCore

/// What every report and letter of a territory shares: who publishes it, when, and in what
/// standing; for letters, the service's rules and who produces them.
public struct ReportContext: Sendable {
    /// "Communauté d'agglomération du Pays de Saint-Omer" (with "données fictives" for a demo).
    public var territory: String
    public var producedOn: CalendarDate
    /// The service signing letters and named in report headers.
    public var service: String
    /// The letterhead printed at the head of letters and of reports' first page.
    public var letterhead: Letterhead
    /// The profile's `service.json` (signatory, agents, deliberations, imputations, delays).
    public var serviceProfile: ServiceProfile?
    /// The login of the agent producing the document (letters name the agent, never the login).
    public var agent: String?
    /// "Document de travail" unless the agent says the report is final.
    public var status: ReportStatus

    public init(territory: String, producedOn: CalendarDate, service: String = "Service Habitat",
                letterhead: Letterhead? = nil, serviceProfile: ServiceProfile? = nil, agent: String? = nil,
                status: ReportStatus = .draft) {
        self.territory = territory
        self.producedOn = producedOn
        self.service = service
        self.letterhead = letterhead ?? Letterhead(authority: territory, service: service)
        self.serviceProfile = serviceProfile
        self.agent = agent
        self.status = status
    }

    /// From a territory profile; a demonstration profile says so on every page.
    public init(profile: TerritoryProfile, producedOn: CalendarDate, agent: String? = nil, status: ReportStatus = .draft) {
        let name = profile.name
        let demo = profile.manifest.demonstration && !name.localizedCaseInsensitiveContains("fictive")
        let letterhead = Letterhead(profile: profile)
        self.init(territory: demo ? "\(name) (données fictives)" : name, producedOn: producedOn, service: letterhead.service,
                  letterhead: letterhead, serviceProfile: profile.service, agent: agent, status: status)
    }

    func document(title: String, subtitle: String? = nil, sections: [ReportSection],
                  orientation: ReportOrientation = .automatic) -> ReportDocument {
        var d = ReportDocument(territory: territory, title: title, subtitle: subtitle, producedOn: producedOn,
                               sections: sections, orientation: orientation)
        d.letterhead = letterhead
        d.status = status
        return d
    }
}

/// Cells shared by the report builders.
enum Cells {
    /// A count the source may not give: "n.c." (non communiqué) when unknown.
    static func count(_ n: Int?) -> ReportCell { n.map { .integer($0) } ?? .text("n.c.") }
    static func share(_ p: Percentage?) -> ReportCell { p.map { .percent($0) } ?? .text("n.c.") }
    static func money(_ m: Money?) -> ReportCell { m.map { .money($0) } ?? .text("—") }
    static func date(_ d: CalendarDate?) -> ReportCell { d.map { .date($0) } ?? .empty }
}
