import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// The "Bailleurs et conventions" section: the landlords with their figures as the sources give
/// them (inconsistencies flagged, never corrected) and, for the selected landlord and a year, the
/// review of its agreement: objective, result and gap per indicator, missed targets in colour,
/// the trend over the years as a chart, and the review meetings. Two more views: the CIA review
/// recomputed from the allocation register (`CIAReviewPage`) and the register itself
/// (`AllocationRegisterPage`).
@MainActor
public final class LandlordsScreen: Screen {
    public static let section = SectionInfo(id: "bailleurs", title: "Bailleurs et conventions", iconName: "x-office-address-book-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget

    private let context: ScreenContext
    let table: LazyTable
    private let rows = TableRows()
    private let nameLabel: Label
    private let factsLabel: Label
    private let inconsistencyBox: Box
    let yearChoice: DropDown
    private let reviewHolder: Box
    private let chartIndicator: DropDown
    private let chartCaption: Label
    private let meetingsBox: Box
    let chart: TrendChart
    let views: Stack
    let ciaPage: CIAReviewPage
    let registerPage: AllocationRegisterPage
    /// The register changed since the CIA review was last computed.
    private var reviewIsStale = true
    private(set) var landlords: [Landlord] = []
    private var convention: Convention?
    private(set) var lines: [ReviewLine] = []
    private var years: [Int] = []
    private var updating = false
    /// The year the agent chose, kept from one landlord to the next; the latest year with
    /// published results until then.
    private var preferredYear: Int?
    /// The reads under way (list, then a landlord's convention); a newer one cancels the older.
    private var listReading: Task<Void, Never>?
    private var reviewReading: Task<Void, Never>?
    /// True while the list or a review is being read.
    var isLoading: Bool { listReading != nil || reviewReading != nil }
    public var isReading: Bool { isLoading }

    static let listColumns: [TableColumn] = [
        TableColumn(id: "name", title: "Bailleur", sortable: false),
        TableColumn(id: "aliases", title: "Autres noms", sortable: false),
        TableColumn(id: "outsideQPV", title: "Hors QPV", sortable: false, alignment: .trailing),
        TableColumn(id: "inQPV", title: "QPV", sortable: false, alignment: .trailing),
        TableColumn(id: "total", title: "Total publié", sortable: false, alignment: .trailing),
        TableColumn(id: "flag", title: "Cohérence de la source", sortable: false, expands: true),
    ]

    /// The chart's indicators: (label, indicator used, the indicator it falls back to when absent).
    private static let chartIndicators: [(String, ReviewLine.Indicator, ReviewLine.Indicator?)] = [
        ("Attributions aux publics prioritaires (hors mutations quand publié)", .allocationPriorityExcludingTransfers, .allocationPriority),
        ("Attributions hors QPV au 1er quartile", .allocationOutsideQPVFirstQuartile, nil),
        ("Attributions en QPV au-dessus du 1er quartile", .allocationInQPVAboveFirstQuartile, nil),
    ]

    public static let factory = ScreenFactory(section) { try LandlordsScreen(context: $0) }

    public init(context: ScreenContext) throws {
        self.context = context
        let builder = try Builder(uiFile: "landlords-screen.ui")
        root = try builder.get("page")
        nameLabel = try builder.get("name")
        factsLabel = try builder.get("facts")
        inconsistencyBox = try builder.get("inconsistencies")
        yearChoice = try builder.get("yearChoice")
        reviewHolder = try builder.get("reviewHolder")
        chartIndicator = try builder.get("chartIndicator")
        chartCaption = try builder.get("chartCaption")
        meetingsBox = try builder.get("meetings")
        chart = TrendChart(area: try builder.get("chart", as: DrawingArea.self))
        table = LazyTable(columns: Self.listColumns, dataSource: rows)
        table.setColumnWidths(["name": 230, "aliases": 170, "outsideQPV": 84, "inQPV": 70, "total": 96])
        table.columnView.setAccessibleLabel("Bailleurs")
        try builder.get("listHolder", as: Box.self).append(table.view)
        root.setAccessibleLabel("Bailleurs et conventions")
        views = try builder.get("views")
        ciaPage = try CIAReviewPage(context: context)
        registerPage = try AllocationRegisterPage(context: context)
        views.addChild(ciaPage.root, name: "cia", title: "Bilan de la CIA")
        views.addChild(registerPage.root, name: "registre", title: "Registre des attributions")
        registerPage.onRegisterChanged = { [weak self] in self?.reviewIsStale = true }
        views.onNotify("visible-child-name") { [weak self] in self?.viewChanged() }
        chartIndicator.items = Self.chartIndicators.map(\.0)
        chartIndicator.selectedIndex = 0

        table.onSelectionChanged = { [weak self] _ in self?.landlordChanged() }
        yearChoice.onSelectionChanged { [weak self] in
            guard let self, !self.updating else { return }
            self.preferredYear = self.selectedYear
            self.showReview()
        }
        chartIndicator.onSelectionChanged { [weak self] in self?.showChart() }
        reload()
    }

    public func activate() {
        reviewIsStale = true
        viewChanged()
    }

    /// Shows a view by name ("bailleurs", "cia", "registre"): tests, and links from elsewhere.
    func show(view name: String) { views.visibleChildName = name }

    /// The visible view reads its data: the landlords, the CIA review (computed again only when
    /// the register may have changed), or the register's counts.
    private func viewChanged() {
        switch views.visibleChildName {
        case "cia":
            if reviewIsStale || ciaPage.data == nil {
                reviewIsStale = false
                ciaPage.reload()
            }
        case "registre": registerPage.reload()
        default: reload()
        }
    }

    /// Reads the landlords again (off the main thread), keeping the selected one.
    func reload() {
        guard let guichet = context.guichet else {
            nameLabel.text = "Aucune base de données ouverte."
            return
        }
        listReading?.cancel()
        listReading = Task { [weak self] in
            do {
                let read = try await guichet.landlords()
                guard !Task.isCancelled, let self else { return }
                self.listReading = nil
                self.show(read.landlords, latestResultYear: read.latestResultYear)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled else { return }
                self?.listReading = nil
                self?.nameLabel.text = "Lecture des bailleurs impossible : \(error)"
            }
        }
    }

    private func show(_ read: [Landlord], latestResultYear: Int?) {
        let selectedId = table.selectedRow.flatMap { $0 < landlords.count ? landlords[$0].id : nil }
        landlords = read
        if preferredYear == nil { preferredYear = latestResultYear }
        rows.rows = landlords.map(LandlordReviewText.listCells)
        table.reload()
        table.selectedRow = selectedId.flatMap { id in landlords.firstIndex { $0.id == id } } ?? (landlords.isEmpty ? nil : 0)
        landlordChanged()
    }

    /// Selects a landlord by name (tests, and the other sections' links later).
    @discardableResult
    func select(landlordNamed name: String) -> Bool {
        guard let i = landlords.firstIndex(where: { $0.name == name }) else { return false }
        table.select(row: i) // reported as a click: the review follows
        return true
    }

    /// Selects a year of the review; false when the agreement has no such year.
    @discardableResult
    func select(year: Int) -> Bool {
        guard let i = years.firstIndex(of: year) else { return false }
        yearChoice.selectedIndex = i
        preferredYear = year
        showReview()
        return true
    }

    var selectedLandlord: Landlord? { table.selectedRow.flatMap { $0 < landlords.count ? landlords[$0] : nil } }
    var selectedYear: Int? { yearChoice.selectedIndex.flatMap { $0 < years.count ? years[$0] : nil } }

    private func landlordChanged() {
        guard let landlord = selectedLandlord, let guichet = context.guichet else {
            nameLabel.text = landlords.isEmpty ? "Aucun bailleur enregistré." : "Choisissez un bailleur."
            factsLabel.text = ""
            convention = nil; lines = []; years = []
            showReview()
            return
        }
        nameLabel.text = landlord.name
        factsLabel.text = LandlordReviewText.facts(landlord)
        reviewReading?.cancel()
        reviewReading = Task { [weak self] in
            do {
                let review = try await guichet.conventionReview(landlordId: landlord.id)
                guard !Task.isCancelled, let self else { return }
                self.reviewReading = nil
                self.show(review.convention, review.lines, of: landlord)
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled, let self else { return }
                self.reviewReading = nil
                self.show(nil, [], of: landlord)
                self.factsLabel.text = "Lecture de la convention impossible : \(error)"
            }
        }
    }

    private func show(_ convention: Convention?, _ lines: [ReviewLine], of landlord: Landlord) {
        self.convention = convention
        self.lines = lines
        inconsistencyBox.removeAll()
        let flagged = landlord.sourceInconsistencies.map { "\(landlord.name) : \($0)" }
            + (convention.map { ConventionReview.inconsistencies([$0]).map(\.message) } ?? [])
        for message in flagged {
            let label = Label("⚠ \(message) — chiffre conservé tel que publié.")
            label.xAlign = 0
            label.wraps = true
            label.addCSSClass("warning")
            inconsistencyBox.append(label)
        }
        updating = true
        years = Set(lines.map(\.year)).sorted()
        yearChoice.items = years.isEmpty ? ["aucune année"] : years.map(String.init)
        yearChoice.selectedIndex = years.isEmpty ? 0 : (preferredYear.flatMap { years.firstIndex(of: $0) } ?? years.count - 1)
        yearChoice.isSensitive = !years.isEmpty
        updating = false
        showReview()
        showMeetings()
        showChart()
    }

    private func showReview() {
        reviewHolder.removeAll()
        guard let year = selectedYear else {
            let none = Label(convention == nil ? "Pas de convention enregistrée pour ce bailleur." : "Aucun objectif enregistré.")
            none.xAlign = 0
            none.addCSSClass("dim-label")
            reviewHolder.append(none)
            return
        }
        let grid = Grid.make(rowSpacing: 6, columnSpacing: 18)
        for (column, title) in ["Indicateurs \(year)", "Objectif", "Résultat", "Écart", ""].enumerated() {
            let header = Label(title)
            header.xAlign = column == 0 ? 0 : 1
            header.addCSSClass("dim-label")
            grid.attach(header, column: column, row: 0)
        }
        for (i, line) in lines.filter({ $0.year == year }).enumerated() {
            let share = line.indicator.isShare
            let name = Label(line.indicator.label.prefix(1).uppercased() + line.indicator.label.dropFirst()
                             + (line.resultSource == .derivedFromProgrammes ? " (d'après les programmes)" : ""))
            name.xAlign = 0
            name.wraps = true
            let objective = Label(LandlordReviewText.value(line.objective, share: share))
            let result = Label(line.result.map { LandlordReviewText.value($0, share: share) } ?? "—")
            let gap = Label(line.gap.map { LandlordReviewText.gap($0, share: share) } ?? "—")
            let state = Label(line.result == nil ? "sans résultat" : (line.missed ? "✗ Objectif manqué" : "✓ Atteint"))
            for l in [objective, result, gap] { l.xAlign = 1 }
            state.xAlign = 0
            if line.missed {
                for l in [result, gap, state] { l.addCSSClass("error") }
            } else if line.result == nil {
                state.addCSSClass("dim-label")
            } else {
                state.addCSSClass("success")
            }
            state.setAccessibleLabel("\(line.indicator.label) \(year) : " + (line.missed ? "objectif manqué" : (line.result == nil ? "sans résultat" : "atteint")))
            for (column, label) in [name, objective, result, gap, state].enumerated() { grid.attach(label, column: column, row: i + 1) }
        }
        reviewHolder.append(grid)
    }

    private func showChart() {
        let choice = Self.chartIndicators[min(chartIndicator.selectedIndex ?? 0, Self.chartIndicators.count - 1)]
        var points: [TrendChart.Point] = []
        var fellBack = false
        for year in years {
            let ofYear = lines.filter { $0.year == year }
            var line = ofYear.first { $0.indicator == choice.1 && $0.result != nil }
            if line == nil, let fallback = choice.2, let l = ofYear.first(where: { $0.indicator == fallback && $0.result != nil }) {
                line = l
                fellBack = true
            }
            let objective = (line ?? ofYear.first { $0.indicator == choice.1 })?.objective
            points.append(TrendChart.Point(label: String(year) + (line?.indicator == choice.2 && choice.2 != nil ? " *" : ""),
                                           value: line?.result, objective: objective))
        }
        // Years after the last result (objectives already set for the coming years) are left out.
        while let last = points.last, last.value == nil { points.removeLast() }
        chart.format = { FrenchFormat.percent(Percentage(basisPoints: $0), decimals: 1) }
        chart.points = points.contains { $0.value != nil } ? points : []
        var caption = "Barres : résultat de l'année (rouge sous l'objectif) ; tirets : objectif."
        if fellBack { caption += " * mutations incluses (taux hors mutations non publié cette année-là)." }
        chartCaption.text = caption
        chart.area.setAccessibleDescription(points.map { p in
            "\(p.label) : \(p.value.map { FrenchFormat.percent(Percentage(basisPoints: $0), decimals: 2) } ?? "sans résultat")"
        }.joined(separator: ", "))
    }

    private func showMeetings() {
        meetingsBox.removeAll()
        let meetings = (convention?.meetings ?? []).sorted { $0.date > $1.date }
        if meetings.isEmpty {
            let none = Label("Aucune réunion de bilan enregistrée pour ce bailleur.")
            none.xAlign = 0
            none.addCSSClass("dim-label")
            meetingsBox.append(none)
        }
        for m in meetings {
            let l = Label(LandlordReviewText.meeting(m))
            l.xAlign = 0
            l.wraps = true
            meetingsBox.append(l)
        }
    }
}
