import GtkKit
import GuichetApp
import GuichetCore

/// "Budget du PLH": per envelope the yearly amount, committed, paid, remaining, dossiers and the
/// committed share against the share of the year elapsed; then the PLH synthesis table (brief §3)
/// with committed and paid per action. Re-read on every `activate()` (off the main thread): grants
/// and payments made in the Dossiers section change the figures.
@MainActor
public final class BudgetScreen: Screen {
    public static let section = SectionInfo(id: "budget", title: "Budget du PLH", iconName: "accessories-calculator-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget

    private let guichet: Guichet
    private let plh: PLHProgramme
    private weak var window: Window?
    private let today: () -> CalendarDate
    private let yearChoice: DropDown
    private let exportButton: Button
    private let elapsedLabel: Label
    private let errorLabel: Label
    private let legendLabel: Label
    private let synthesisHeading: Label
    private let envelopeGrid: Grid
    private let synthesisGrid: Grid
    private let outsideGrid: Grid
    /// Year choices in dropdown order; nil stands for the whole period.
    private let choices: [Int?]

    /// What is on screen (tests read it back).
    private(set) var view: BudgetView?
    /// Labels of the envelope total row: enveloppe, engagé, payé, reste, dossiers.
    private(set) var envelopeTotalLabels: [Label] = []
    /// Labels of the synthesis total row: investment 6 y, per year, operating 6 y, per year, committed, paid.
    private(set) var synthesisTotalLabels: [Label] = []
    /// Status of the last export, for the status line and tests.
    private(set) var lastExport: ReportSaver.Outcome?
    /// An export under way.
    let progress = WorkProgress()
    private var reading: Task<Void, Never>?
    /// True while the figures are being read.
    var isLoading: Bool { reading != nil }

    /// Throws when the profile has no PLH or no schemes (the factory shows the placeholder then).
    public init(guichet: Guichet, window: Window?) throws {
        guard let plh = guichet.profile.plh, guichet.profile.schemes != nil else {
            throw GtkKitError("Le profil « \(guichet.profile.id) » ne définit pas de PLH ou de dispositifs.")
        }
        self.guichet = guichet
        self.plh = plh
        self.window = window
        self.today = { guichet.today }
        let builder = try Builder(uiFile: "budget-screen.ui")
        root = try builder.get("page")
        yearChoice = try builder.get("year")
        exportButton = try builder.get("export")
        elapsedLabel = try builder.get("elapsed")
        errorLabel = try builder.get("error")
        legendLabel = try builder.get("legend")
        synthesisHeading = try builder.get("synthesis-heading")
        envelopeGrid = try builder.get("envelopes")
        synthesisGrid = try builder.get("synthesis")
        outsideGrid = try builder.get("outside")
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        choices = plh.years.map { Optional($0) } + [nil]
        yearChoice.items = choices.map { $0.map(String.init) ?? "Période \(plh.firstYear)-\(plh.lastYear)" }
        let current = self.today().year
        yearChoice.selectedIndex = choices.firstIndex(of: current) ?? choices.count - 1
        BudgetStyle.install()
        yearChoice.onSelectionChanged { [weak self] in self?.refresh() }
        exportButton.onClicked { [weak self] in self?.export() }
        refresh()
    }

    /// The Budget section, or the honest placeholder when the window has no database or the
    /// territory no PLH.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Aucune base ouverte ou aucun PLH dans le profil du territoire : le budget ne peut pas être suivi.",
        needs: { $0.profile.plh != nil && $0.profile.schemes != nil },
        make: { context, guichet in try BudgetScreen(guichet: guichet, window: context.window) })

    public func activate() { refresh() }

    /// The chosen year, nil for the whole period.
    var selectedYear: Int? {
        guard let i = yearChoice.selectedIndex, i < choices.count else { return nil }
        return choices[i]
    }

    func select(year: Int?) { yearChoice.selectedIndex = choices.firstIndex(of: year) }

    /// Re-reads the figures from the database and redraws the tables once read.
    func refresh() {
        reading?.cancel()
        let (guichet, years) = (guichet, plh.years)
        reading = Task { [weak self] in
            do {
                let ledger = try await guichet.budgetLedger(years: years)
                guard !Task.isCancelled, let self else { return }
                self.reading = nil
                self.errorLabel.show(nil)
                self.show(ledger)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.reading = nil
                self?.errorLabel.show("Lecture du budget impossible : \(ReportSaver.message(of: error))")
            }
        }
    }

    private func show(_ ledger: BudgetLedger) {
        let period: BudgetView.Period = selectedYear.map { .year($0) } ?? .whole
        let view = BudgetView(ledger: ledger, plh: plh, period: period, today: today())
        self.view = view
        let date = FrenchFormat.date(today())
        let elapsed = FrenchFormat.percent(view.elapsed)
        elapsedLabel.text = switch period {
        case .year(let y): "\(plh.title) — année \(y) écoulée à \(elapsed) au \(date)"
        case .whole: "\(plh.title) — période \(view.periodLabel) écoulée à \(elapsed) au \(date)"
        }
        if let lastExport { elapsedLabel.text += "\n" + lastExport.message }
        fillEnvelopes(view)
        fillSynthesis(view)
        fillOutside(view)
    }

    // MARK: Tables

    private static func money(_ m: Money?) -> String { m.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }

    private func fillEnvelopes(_ view: BudgetView) {
        var table = FigureGrid(grid: envelopeGrid, columns: [
            .init("Dispositif", trailing: false, maxWidthChars: 22),
            .init(view.years.count == 1 ? "Enveloppe\n\(view.periodLabel)" : "Enveloppes\n\(view.periodLabel)"),
            .init("Engagé"), .init("Payé"), .init("Reste à\nengager"), .init("Dossiers"),
            .init("Part engagée", trailing: false),
        ])
        for row in view.envelopes {
            var name = row.name
            if !row.sharedWith.isEmpty { name += " (avec \(row.sharedWith.joined(separator: ", ")))" }
            let envelope = row.envelope.map { (row.approximate ? "≈ " : "") + Self.money($0) } ?? "—"
            let remaining = row.remaining.map { Self.money($0) } ?? "—"
            table.addRow([
                .text(name, tooltip: "\(row.code) — action \(row.action.map(String.init) ?? "?") du PLH"),
                .text(envelope), .text(Self.money(row.committed)), .text(Self.money(row.paid)),
                .text(remaining, classes: row.remaining?.isNegative == true ? ["error"] : []),
                .text(FrenchFormat.integer(row.dossiers)),
                .widget(BudgetStyle.consumption(share: row.committedShare, elapsed: view.elapsed, consumption: row.consumption,
                                                name: row.name)),
            ])
        }
        table.addSeparator()
        let totalShare = Percentage.ratio(view.envelopesCommitted.cents, of: view.envelopeTotal.cents)
        let labels = table.addRow([
            .text("Total des enveloppes"), .text(Self.money(view.envelopeTotal)),
            .text(Self.money(view.envelopesCommitted)), .text(Self.money(view.envelopesPaid)),
            .text(Self.money(view.envelopeTotal - view.envelopesCommitted)),
            .text(FrenchFormat.integer(view.envelopesDossiers)),
            .text(totalShare.map { FrenchFormat.percent($0) } ?? "—"),
        ], classes: ["heading"])
        envelopeTotalLabels = [1, 2, 3, 4, 5].flatMap { labels[$0] }
        legendLabel.text = "Part engagée de chaque enveloppe, à comparer avec la part \(view.years.count == 1 ? "de l’année" : "de la période") écoulée "
            + "(\(FrenchFormat.percent(view.elapsed))). En orange : sous-consommation (retard de plus de 20 points sur "
            + "l’année écoulée) ; en rouge : enveloppe dépassée."
    }

    private func fillSynthesis(_ view: BudgetView) {
        let n = plh.durationYears
        synthesisHeading.text = "Synthèse budgétaire du \(plh.title)"
        // Six-year amount above the yearly one: the table fits a laptop screen.
        var table = FigureGrid(grid: synthesisGrid, columns: [
            .init("N°"), .init("Action", trailing: false, maxWidthChars: 40),
            .init("Investissement\n\(n) ans · par an"), .init("Fonctionnement\n\(n) ans · par an"),
            .init("Engagé\n\(view.periodLabel)"), .init("Payé\n\(view.periodLabel)"),
        ])
        func line(_ l: BudgetLine?, _ perYear: Money?) -> FigureGrid.Cell {
            guard let l, let perYear else { return .text("—", classes: ["dim-label"]) }
            let yearly = "\(Self.money(perYear)) par an"
            return l.outsideBudget
                ? .stacked("hors budget", Self.money(l.sixYears), classes: ["dim-label"],
                           tooltip: "Ligne hors budget du PLH, non comprise dans le total (\(yearly)).")
                : .stacked(Self.money(l.sixYears), yearly)
        }
        for row in view.synthesis {
            table.addRow([
                .text(String(row.action)), .text(row.title),
                line(row.investment, row.investmentPerYear), line(row.operating, row.operatingPerYear),
                .text(Self.money(row.committed)), .text(Self.money(row.paid)),
            ])
        }
        table.addSeparator()
        let labels = table.addRow([
            .text(""), .text("Total du budget du PLH (hors lignes hors budget)",
                             tooltip: "Les lignes « hors budget » sont présentées à part, sous ce tableau."),
            .stacked(Self.money(view.investment.inside), "\(Self.money(view.investment.insidePerYear)) par an"),
            .stacked(Self.money(view.operating.inside), "\(Self.money(view.operating.insidePerYear)) par an"),
            .text(Self.money(view.committedTotal)), .text(Self.money(view.paidTotal)),
        ], classes: ["heading"])
        synthesisTotalLabels = [2, 3, 4, 5].flatMap { labels[$0] }
    }

    private func fillOutside(_ view: BudgetView) {
        var table = FigureGrid(grid: outsideGrid, columns: [
            .init("N°"), .init("Action", trailing: false, maxWidthChars: 24), .init("Nature", trailing: false),
            .init("Sur \(plh.durationYears) ans"), .init("Par an"),
        ])
        for line in view.outside {
            table.addRow([.text(String(line.action)), .text(line.title), .text(line.kind.label),
                          .text(Self.money(line.sixYears)), .text(Self.money(line.perYear))])
        }
    }

    // MARK: Export

    /// The bilan of the chosen year (nil: the whole period) as the catalogue builds it.
    private var bilan: ReportRequest { ReportRequest(.bilanPLH, year: selectedYear, date: today()) }

    private func export() {
        let stem = ReportKind.bilanPLH.stem(year: selectedYear, anonymised: false) + (selectedYear == nil ? "-\(plh.firstYear)-\(plh.lastYear)" : "")
        let (guichet, request) = (guichet, bilan)
        ReportSaver.save(parent: window, title: "Exporter le bilan du PLH", suggestedStem: stem, format: .pdf, progress: progress,
                         export: { format, url in try await guichet.exportReport(request, format: format, to: url) },
                         done: { [weak self] outcome in self?.exported(outcome) })
    }

    private func exported(_ outcome: ReportSaver.Outcome) {
        lastExport = outcome
        refresh()
        if outcome.failed { MessageDialog.inform(parent: window, kind: .error, title: "Export impossible", detail: outcome.message) }
    }

    /// Writes the bilan of the chosen year to `path` without the file chooser (tests).
    func exportBilan(to path: String, format: ReportFormat) async -> ReportSaver.Outcome {
        let (guichet, request) = (guichet, bilan)
        let outcome = await ReportSaver.write(to: path, format: format) { format, url in
            try await guichet.exportReport(request, format: format, to: url)
        }
        lastExport = outcome
        return outcome
    }
}
