import GuichetCore

/// What every report of a territory shares: who publishes it and when.
public struct ReportContext: Sendable {
    /// "Communauté d'agglomération du Pays de Saint-Omer" (with "données fictives" for a demo).
    public var territory: String
    public var producedOn: CalendarDate
    /// The service signing letters and named in report headers.
    public var service: String

    public init(territory: String, producedOn: CalendarDate, service: String = "Service Habitat") {
        self.territory = territory
        self.producedOn = producedOn
        self.service = service
    }

    /// From a territory profile; a demonstration profile says so on every page.
    public init(profile: TerritoryProfile, producedOn: CalendarDate) {
        let name = profile.name
        let demo = profile.manifest.demonstration && !name.localizedCaseInsensitiveContains("fictive")
        self.init(territory: demo ? "\(name) (données fictives)" : name, producedOn: producedOn)
    }

    func document(title: String, subtitle: String? = nil, sections: [ReportSection],
                  orientation: ReportOrientation = .automatic) -> ReportDocument {
        ReportDocument(territory: territory, title: title, subtitle: subtitle, producedOn: producedOn,
                       sections: sections, orientation: orientation)
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
