import GuichetCore

/// One part of a report: a heading, then text, tables and an optional chart, in that order.
public struct ReportSection: Sendable {
    public var heading: String
    public var paragraphs: [String]
    public var tables: [ReportTable]
    public var chart: ReportChart?
    /// Who the part is for: a part laid out for print (one small table per subject) can have a
    /// spreadsheet twin (the same figures in one filterable table); each format keeps its own.
    public var audience: ReportAudience

    public init(heading: String, paragraphs: [String] = [], tables: [ReportTable] = [], chart: ReportChart? = nil,
                audience: ReportAudience = .all) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.tables = tables
        self.chart = chart
        self.audience = audience
    }
}

public enum ReportAudience: Sendable {
    case all
    /// The PDF only.
    case print
    /// ODS and CSV only.
    case spreadsheet

    func includes(_ format: ReportFormat) -> Bool {
        switch self {
        case .all: true
        case .print: format == .pdf
        case .spreadsheet: format != .pdf
        }
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

    /// The document as written in `format`: the parts meant for it.
    public func laidOut(for format: ReportFormat) -> ReportDocument {
        var d = self
        d.sections = sections.filter { $0.audience.includes(format) }
        return d
    }
}
