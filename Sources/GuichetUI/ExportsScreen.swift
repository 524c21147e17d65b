import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// "Exports": pick a report of the catalogue (`ReportKind`, the one `guichet report` uses), its
/// format, year and variant, then "Exporter…" asks where to save it; the use cases build and
/// write it off the main thread, and the agent can interrupt a long export.
@MainActor
public final class ExportsScreen: Screen {
    public static let section = SectionInfo(id: "exports", title: "Exports", iconName: "document-send-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget

    private let guichet: Guichet
    private weak var window: Window?
    private let today: () -> CalendarDate
    private let reportChoice: DropDown
    private let formatChoice: DropDown
    private let yearChoice: DropDown
    private let yearLabel: Label
    private let anonymisedCheck: CheckButton
    private let applicantLabel: Label
    private let applicantEntry: Entry
    private let descriptionLabel: Label
    private let exportButton: Button
    private let statusLabel: Label
    /// Year choices in dropdown order; nil stands for every year (the whole PLH period for the bilan).
    private let years: [Int?]
    private var formats: [ReportFormat] = []

    /// What the last export said (tests read it).
    private(set) var lastOutcome: ReportSaver.Outcome?
    /// An export under way.
    let progress = WorkProgress()

    public init(guichet: Guichet, window: Window?) throws {
        self.guichet = guichet
        self.window = window
        self.today = { guichet.today }
        let builder = try Builder(uiFile: "exports-screen.ui")
        root = try builder.get("page")
        reportChoice = try builder.get("report")
        formatChoice = try builder.get("format")
        yearChoice = try builder.get("year")
        yearLabel = try builder.get("year-label")
        anonymisedCheck = try builder.get("anonymised")
        applicantLabel = try builder.get("applicant-label")
        applicantEntry = try builder.get("applicant")
        descriptionLabel = try builder.get("description")
        exportButton = try builder.get("export")
        statusLabel = try builder.get("status")
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        let current = self.today().year
        let plhYears = guichet.profile.plh?.years ?? current...current
        years = [nil] + Array(min(plhYears.lowerBound, current - 3)...max(plhYears.upperBound, current)).map { Optional($0) }
        reportChoice.items = ReportKind.allCases.map(\.title)
        reportChoice.selectedIndex = 0
        reportChoice.onSelectionChanged { [weak self] in self?.kindChanged() }
        exportButton.onClicked { [weak self] in self?.export() }
        applicantEntry.onActivate { [weak self] in self?.export() }
        kindChanged()
    }

    public static let factory = ScreenFactory(
        section, unavailable: "Aucune base ouverte : ouvrez une base pour produire les tableaux et bilans.",
        make: { context, guichet in try ExportsScreen(guichet: guichet, window: context.window) })

    var kind: ReportKind { ReportKind.allCases[reportChoice.selectedIndex ?? 0] }

    func select(_ kind: ReportKind) { reportChoice.selectedIndex = ReportKind.allCases.firstIndex(of: kind) }
    func select(format: ReportFormat) { formatChoice.selectedIndex = formats.firstIndex(of: format) }
    func select(year: Int?) { yearChoice.selectedIndex = years.firstIndex(of: year) }
    var anonymised: Bool {
        get { anonymisedCheck.isActive }
        set { anonymisedCheck.isActive = newValue }
    }
    var applicant: String {
        get { applicantEntry.text }
        set { applicantEntry.text = newValue }
    }

    var selectedFormat: ReportFormat { formats[min(formats.count - 1, formatChoice.selectedIndex ?? 0)] }
    var selectedYear: Int? { yearChoice.selectedIndex.flatMap { $0 < years.count ? years[$0] : nil } }

    /// Shows only the options the chosen report uses.
    private func kindChanged() {
        let kind = kind
        descriptionLabel.text = kind.summary
        let previousFormat = formats.isEmpty ? ReportFormat.pdf : selectedFormat
        formats = kind.formats
        formatChoice.items = formats.map { Self.formatTitle($0) }
        formatChoice.selectedIndex = formats.firstIndex(of: previousFormat) ?? 0
        formatChoice.isSensitive = formats.count > 1
        let previousYear = yearChoice.selectedIndex.flatMap { $0 < years.count ? years[$0] : nil }
        yearChoice.items = years.map { y in
            y.map(String.init) ?? (kind == .bilanPLH ? guichet.profile.plh.map { "Période \($0.firstYear)-\($0.lastYear)" } : nil)
                ?? "Toutes les années"
        }
        yearChoice.selectedIndex = years.firstIndex(of: previousYear) ?? 0
        yearChoice.isVisible = kind.usesYear
        yearLabel.isVisible = kind.usesYear
        anonymisedCheck.isVisible = kind.usesAnonymised
        applicantLabel.isVisible = kind.usesApplicant
        applicantEntry.isVisible = kind.usesApplicant
    }

    static func formatTitle(_ f: ReportFormat) -> String {
        switch f {
        case .pdf: "PDF (à imprimer)"
        case .csv: "CSV (Excel)"
        case .ods: "Classeur OpenDocument (.ods)"
        }
    }

    /// The report as chosen on screen.
    var request: ReportRequest {
        ReportRequest(kind, year: selectedYear, anonymised: anonymised, applicant: applicant, date: today())
    }

    private func export() {
        if kind.usesApplicant && applicant.trimmingCharacters(in: .whitespaces).isEmpty {
            show(ReportSaver.Outcome(message: "Indiquez le nom et le prénom de la personne.", failed: true))
            applicantEntry.grabFocus()
            return
        }
        let (guichet, request) = (guichet, request)
        ReportSaver.save(parent: window, title: "Exporter : \(kind.title)",
                         suggestedStem: kind.stem(year: selectedYear, anonymised: anonymised), format: selectedFormat,
                         progress: progress, export: { format, url in try await guichet.exportReport(request, format: format, to: url) },
                         done: { [weak self] outcome in self?.show(outcome) })
    }

    /// Writes the chosen report to `path` without the file chooser (tests).
    @discardableResult
    func export(to path: String) async -> ReportSaver.Outcome {
        let (guichet, request) = (guichet, request)
        show(await ReportSaver.write(to: path, format: selectedFormat) { format, url in
            try await guichet.exportReport(request, format: format, to: url)
        })
        return lastOutcome!
    }

    private func show(_ outcome: ReportSaver.Outcome) {
        lastOutcome = outcome
        statusLabel.text = outcome.message
        if outcome.failed { statusLabel.addCSSClass("error") } else { statusLabel.removeCSSClass("error") }
    }
}
