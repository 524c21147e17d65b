import GuichetCore

/// One part of a report: a heading, then text, tables and an optional chart, in that order.
public struct ReportSection: Sendable {
    public var heading: String
    public var paragraphs: [String]
    public var tables: [ReportTable]
    public var chart: ReportChart?

    public init(heading: String, paragraphs: [String] = [], tables: [ReportTable] = [], chart: ReportChart? = nil) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.tables = tables
        self.chart = chart
    }
}

public enum ReportOrientation: Sendable {
    case portrait, landscape
    /// Landscape when a table is too wide for a portrait page.
    case automatic
}

/// A report independent of the domain: the writers know nothing of dossiers or budgets.
public struct ReportDocument: Sendable {
    /// Shown on every PDF page ("Communauté d'agglomération du Val de Sèvre").
    public var territory: String
    public var title: String
    public var subtitle: String?
    /// "Édité le …" on every page; a parameter so output is reproducible.
    public var producedOn: CalendarDate
    public var sections: [ReportSection]
    public var orientation: ReportOrientation
    /// The service's letterhead, above the title on the first page (none: the territory only).
    public var letterhead: Letterhead?
    /// "Document de travail" / "Version définitive", on every page; nil says nothing.
    public var status: ReportStatus?

    public init(territory: String, title: String, subtitle: String? = nil, producedOn: CalendarDate,
                sections: [ReportSection], orientation: ReportOrientation = .portrait) {
        self.territory = territory
        self.title = title
        self.subtitle = subtitle
        self.producedOn = producedOn
        self.sections = sections
        self.orientation = orientation
    }

    /// Every table, in reading order.
    public var tables: [ReportTable] { sections.flatMap(\.tables) }
}
