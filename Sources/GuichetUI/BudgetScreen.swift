import GtkKit
import GuichetApp
import GuichetCore

/// "Budget du PLH": per envelope the yearly amount, committed, paid, remaining, dossiers, the
/// committed share against the share of the year elapsed and the year's average per dwelling
/// against its target; the PLH's other budget lines; the PLH synthesis table (brief §3) with
/// committed and paid per action; the outside-budget lines; the reconciliation of envelopes with
/// the PLH's lines. Everything comes from `BudgetOverview`, the calculator `guichet budget` and
/// the bilan use, read through the use cases off the main thread. Re-read on every `activate()`:
/// grants and payments change the figures.
@MainActor
public final class BudgetScreen: Screen {
    public static let section = SectionInfo(id: "budget", title: "Budget du PLH", iconName: "accessories-calculator-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget

    private let guichet: Guichet
    private let plh: PLHProgramme
    private weak var window: Window?
    /// The workspace's clock: the current year and the date reports are produced on.
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
    private let linesGrid: Grid
    private let reconciliationGrid: Grid
    private let reconciliationLegend: Label
    /// Year choices in dropdown order; nil stands for the whole period.
    private let choices: [Int?]

    /// What is on screen (tests read it back).
    private(set) var overview: BudgetOverview?
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
    public var isReading: Bool { isLoading }

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
        linesGrid = try builder.get("lines")
        reconciliationGrid = try builder.get("reconciliation")
        reconciliationLegend = try builder.get("reconciliation-legend")
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        choices = plh.years.map { Optional($0) } + [nil]
        yearChoice.items = choices.map { $0.map(String.init) ?? "Période \(plh.firstYear)-\(plh.lastYear)" }
        let current = today().year
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

    /// Re-reads the figures from the database and redraws the tables once read (a newer read
    /// cancels an older one).
    func refresh() {
        let period: BudgetPeriod = selectedYear.map { .year($0) } ?? .whole
        reading?.cancel()
        let (guichet, day) = (guichet, today())
        reading = Task { [weak self] in
            do {
                let overview = try await guichet.budgetOverview(period, on: day)
                guard !Task.isCancelled, let self else { return }
                self.reading = nil
                self.errorLabel.show(nil)
                self.show(overview)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.reading = nil
                self?.errorLabel.show("Lecture du budget impossible : \(ReportSaver.message(of: error))")
            }
        }
    }

    private func show(_ overview: BudgetOverview) {
        self.overview = overview
        let date = FrenchFormat.date(today())
        let elapsed = FrenchFormat.percent(Percentage(basisPoints: overview.yearElapsedBp))
        let label = overview.year.map { "année \($0)" } ?? "période \(periodLabel(overview))"
        elapsedLabel.text = "\(plh.title) — \(label) écoulée à \(elapsed) au \(date)"
        if let lastExport { elapsedLabel.text += "\n" + lastExport.message }
        fillEnvelopes(overview)
        fillLines(overview)
        fillSynthesis(overview)
        fillOutside(overview)
        fillReconciliation(overview)
    }

    /// "2026" or "2023-2028".
    private func periodLabel(_ o: BudgetOverview) -> String { o.year.map(String.init) ?? "\(plh.firstYear)-\(plh.lastYear)" }

    // MARK: Tables

    private static func money(_ m: Money?) -> String { m.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }

    /// The envelope cell: "≈ 30 000 €", "60 000 € pour la période" (what is left of it in a year), "—".
    private static func envelopeText(_ row: BudgetLineStatus, wholePeriod: Bool) -> String {
        if row.periodOnly, let p = row.periodEnvelope {
            return wholePeriod ? "\(money(p)) pour la période" : "reste \(money(row.envelope))\nsur \(money(p)) (période)"
        }
        if let e = row.envelope { return (row.approximate ? "≈ " : "") + money(e) }
        return "—"
    }

    private func fillEnvelopes(_ o: BudgetOverview) {
        let elapsed = Percentage(basisPoints: o.yearElapsedBp)
        var table = FigureGrid(grid: envelopeGrid, columns: [
            .init("Dispositif", trailing: false, maxWidthChars: 22),
            .init(o.years.count == 1 ? "Enveloppe\n\(periodLabel(o))" : "Enveloppes\n\(periodLabel(o))"),
            .init("Engagé"), .init("Payé"), .init("Reste à\nengager"), .init("Dossiers"),
            .init("Aide moyenne\npar logement"), .init("Part engagée", trailing: false),
        ])
        for row in o.schemes where row.envelopeOf == row.code {
            var name = row.name
            if !row.sharedWith.isEmpty { name += " (avec \(row.sharedWith.joined(separator: ", ")))" }
            let average: FigureGrid.Cell = row.average.map { a in
                .stacked(a.average.map { Self.money($0) } ?? "—", "visée : \(Self.money(a.target))",
                         classes: a.aboveTarget ? ["budget-under-text"] : [],
                         tooltip: "Moyenne de l’année sur \(FrenchFormat.integer(a.dwellings)) logement(s) aidé(s). "
                             + "La moyenne du PLH est un objectif sur l’année, non un plafond par dossier.")
            } ?? .text("—", classes: ["dim-label"])
            table.addRow([
                .text(name, tooltip: "\(row.code) — action \(row.action.map(String.init) ?? "?") du PLH — enveloppe : \(row.source ?? "")"),
                .text(Self.envelopeText(row, wholePeriod: o.year == nil)), .text(Self.money(row.committed)), .text(Self.money(row.paid)),
                .text(row.remaining.map { Self.money($0) } ?? "—", classes: row.remaining?.isNegative == true ? ["error"] : []),
                .text(FrenchFormat.integer(row.dossiers)),
                average,
                .widget(BudgetStyle.consumption(share: row.committedShareBp.map { Percentage(basisPoints: $0) }, elapsed: elapsed,
                                                consumption: row.consumption, name: row.name)),
            ])
        }
        table.addSeparator()
        let t = o.total
        let labels = table.addRow([
            .text("Total des enveloppes"), .text(Self.money(t.envelope)),
            .text(Self.money(t.committed)), .text(Self.money(t.paid)),
            .text(Self.money(t.remaining)),
            .text(FrenchFormat.integer(t.dossiers)), .text(""),
            .text(t.committedShareBp.map { FrenchFormat.percent(Percentage(basisPoints: $0)) } ?? "—"),
        ], classes: ["heading"])
        envelopeTotalLabels = [1, 2, 3, 4, 5].flatMap { labels[$0] }
        legendLabel.text = "Part engagée de chaque enveloppe, à comparer avec la part \(o.years.count == 1 ? "de l’année" : "de la période") écoulée "
            + "(\(FrenchFormat.percent(elapsed))). En orange : sous-consommation (retard de plus de "
            + "\(o.toleranceBp / 100) points sur l’année écoulée) ou aide moyenne au-dessus de la moyenne visée ; en rouge : enveloppe dépassée."
    }

    private func fillLines(_ o: BudgetOverview) {
        var table = FigureGrid(grid: linesGrid, columns: [
            .init("N°"), .init("Ligne", trailing: false, maxWidthChars: 36), .init("Nature", trailing: false),
            .init("Enveloppe\n\(periodLabel(o))"), .init("Engagé"), .init("Payé"), .init("Reste à\nengager"), .init("Engagements"),
        ])
        for row in o.lines {
            let nature = (BudgetKind(rawValue: row.kind ?? "")?.label ?? "—") + (row.outsideBudget ? "\nhors budget" : "")
            table.addRow([
                .text(row.action.map(String.init) ?? ""), .text(row.name, tooltip: "\(row.code) — \(row.source ?? "")"),
                .text(nature, classes: row.outsideBudget ? ["dim-label"] : []),
                .text(Self.envelopeText(row, wholePeriod: o.year == nil)), .text(Self.money(row.committed)), .text(Self.money(row.paid)),
                .text(row.remaining.map { Self.money($0) } ?? "—", classes: row.overspent ? ["error"] : []),
                .text(FrenchFormat.integer(row.dossiers)),
            ])
        }
    }

    private func fillSynthesis(_ o: BudgetOverview) {
        guard let p = o.plh else { return }
        let n = plh.durationYears
        synthesisHeading.text = "Synthèse budgétaire du \(plh.title)"
        // Six-year amount above the yearly one: the table fits a laptop screen.
        var table = FigureGrid(grid: synthesisGrid, columns: [
            .init("N°"), .init("Action", trailing: false, maxWidthChars: 40),
            .init("Investissement\n\(n) ans · par an"), .init("Fonctionnement\n\(n) ans · par an"),
            .init("Engagé\n\(periodLabel(o))"), .init("Payé\n\(periodLabel(o))"),
        ])
        func line(_ l: PLHOverview.Line, _ kind: BudgetKind) -> FigureGrid.Cell {
            let x = l.line(kind)
            guard let six = x.sixYears, let perYear = x.perYear else { return .text("—", classes: ["dim-label"]) }
            let yearly = "\(Self.money(perYear)) par an"
            return x.outside
                ? .stacked("hors budget", Self.money(six), classes: ["dim-label"],
                           tooltip: "Ligne hors budget du PLH, non comprise dans le total (\(yearly)).")
                : .stacked(Self.money(six), yearly)
        }
        func committed(_ l: PLHOverview.Line) -> FigureGrid.Cell {
            let inv = l.investmentFigures.committedYear, op = l.operatingFigures.committedYear
            guard inv != .zero && op != .zero else { return .text(Self.money(l.committedYear)) }
            return .stacked(Self.money(l.committedYear), "invest. \(Self.money(inv)) · fonct. \(Self.money(op))")
        }
        for row in p.lines {
            let title = row.budgetNote.map { "\(row.title) (\($0))" } ?? row.title
            table.addRow([
                .text(String(row.action)), .text(title), line(row, .investment), line(row, .operating),
                committed(row), .text(Self.money(row.paidYear)),
            ])
        }
        table.addSeparator()
        let inside = [p.investment.insideFigures, p.operating.insideFigures]
        let labels = table.addRow([
            .text(""), .text("Total du budget du PLH (hors lignes hors budget)",
                             tooltip: "Les lignes « hors budget » sont présentées à part, sous ce tableau."),
            .stacked(Self.money(p.investment.inside), "\(Self.money(p.investment.insidePerYear)) par an"),
            .stacked(Self.money(p.operating.inside), "\(Self.money(p.operating.insidePerYear)) par an"),
            .text(Self.money(inside.sum(\.committedYear))), .text(Self.money(inside.sum(\.paidYear))),
        ], classes: ["heading"])
        synthesisTotalLabels = [2, 3, 4, 5].flatMap { labels[$0] }
    }

    private func fillOutside(_ o: BudgetOverview) {
        var table = FigureGrid(grid: outsideGrid, columns: [
            .init("N°"), .init("Action", trailing: false, maxWidthChars: 24), .init("Nature", trailing: false),
            .init("Sur \(plh.durationYears) ans"), .init("Par an"), .init("Engagé\n\(periodLabel(o))"), .init("Payé\n\(periodLabel(o))"),
        ])
        for l in o.plh?.lines ?? [] {
            for kind in BudgetKind.allCases {
                let x = l.line(kind)
                guard x.outside, let six = x.sixYears else { continue }
                let f = l.figures(kind)
                table.addRow([.text(String(l.action)), .text(l.title), .text(kind.label), .text(Self.money(six)),
                              .text(Self.money(x.perYear)), .text(Self.money(f.committedYear)), .text(Self.money(f.paidYear))])
            }
        }
    }

    private func fillReconciliation(_ o: BudgetOverview) {
        var table = FigureGrid(grid: reconciliationGrid, columns: [
            .init("N°"), .init("Action", trailing: false, maxWidthChars: 30), .init("Nature", trailing: false),
            .init("Ligne du PLH\n\(periodLabel(o))"), .init("Enveloppes des\ndispositifs"), .init("Autres\nlignes"), .init("Écart"),
        ])
        for r in o.reconciliation {
            let sign = r.difference.cents > 0 ? "+" : ""
            table.addRow([
                .text(String(r.action)), .text(r.title), .text(BudgetKind(rawValue: r.kind)?.label ?? r.kind),
                .text(Self.money(r.plhLine)), .text(Self.money(r.schemeEnvelopes), tooltip: r.schemes.joined(separator: ", ")),
                .text(Self.money(r.lineEnvelopes), tooltip: r.lines.joined(separator: ", ")),
                .text(sign + Self.money(r.difference), classes: r.difference == .zero ? [] : ["budget-under-text"]),
            ])
        }
        let gaps = o.reconciliationGaps.count
        reconciliationLegend.text = "Enveloppes fixées dans le profil (dispositifs d’aide et autres lignes) comparées aux lignes du PLH ; "
            + "une enveloppe sur la durée du PLH compte pour sa moyenne annuelle. "
            + (gaps == 0 ? "Aucun écart." : "En orange : \(gaps) écart\(gaps > 1 ? "s" : "") à examiner.")
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
