import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// Bailleurs et conventions › "Bilan de la CIA": the agglomeration view of the allocation
/// agreement recomputed from the register. The review's headline table with each computed figure
/// above the published one (differences marked ≠), then for a year each landlord's and each
/// reservation holder's obligations with the gap in allocations, the perimeter of every
/// published figure, what the register does not know, and the sources' inconsistencies.
/// The review is computed off the main thread; the page shows it when it arrives.
@MainActor
final class CIAReviewPage {
    let root: Widget
    private let context: ScreenContext
    let yearChoice: DropDown
    let formatChoice: DropDown
    private let status: Label
    private let summary: Label
    private let headlinePerimeter: Label
    private let headlineHolder: Box
    private let landlordsTitle: Label
    private let landlordsPerimeter: Label
    private let landlordsHolder: Box
    private let holdersTitle: Label
    private let holdersPerimeter: Label
    private let holdersHolder: Box
    private let notesHolder: Box
    /// The review on screen, nil until the first computation arrives.
    private(set) var data: AllocationReviewData?
    private(set) var years: [Int] = []
    private var updating = false
    /// Bumped by each reload, so that a late computation never replaces a newer one.
    private var generation = 0
    static let formats: [(String, ReportFormat)] = [("PDF", .pdf), ("Tableur (.ods)", .ods), ("CSV", .csv)]
    /// An export under way.
    let progress = WorkProgress()

    init(context: ScreenContext) throws {
        self.context = context
        let builder = try Builder(uiFile: "cia-review-page.ui")
        root = try builder.get("page")
        yearChoice = try builder.get("yearChoice")
        formatChoice = try builder.get("formatChoice")
        status = try builder.get("status")
        summary = try builder.get("summary")
        headlinePerimeter = try builder.get("headlinePerimeter")
        headlineHolder = try builder.get("headlineHolder")
        landlordsTitle = try builder.get("landlordsTitle")
        landlordsPerimeter = try builder.get("landlordsPerimeter")
        landlordsHolder = try builder.get("landlordsHolder")
        holdersTitle = try builder.get("holdersTitle")
        holdersPerimeter = try builder.get("holdersPerimeter")
        holdersHolder = try builder.get("holdersHolder")
        notesHolder = try builder.get("notesHolder")
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        root.setAccessibleLabel("Bilan de la CIA")
        formatChoice.items = Self.formats.map(\.0)
        formatChoice.selectedIndex = 0
        yearChoice.onSelectionChanged { [weak self] in
            guard let self, !self.updating else { return }
            self.showYear()
        }
        try builder.get("exportButton", as: Button.self).onClicked { [weak self] in self?.export() }
    }

    var selectedYear: Int? { yearChoice.selectedIndex.flatMap { $0 < years.count ? years[$0] : nil } }

    /// Computes the review again (on another thread) and shows it when it arrives.
    func reload() {
        guard let guichet = context.guichet else {
            showStatus("Aucune base de données ouverte.", error: true)
            return
        }
        generation += 1
        let mine = generation
        showStatus("Calcul du bilan sur le registre des attributions…")
        Task { @MainActor [weak self] in
            let result = await Result { try await guichet.allocationReviewData() }
            guard let self, mine == self.generation else { return }
            switch result {
            case .success(let data): self.show(data)
            case .failure(let error): self.showStatus("Bilan impossible : \(error)", error: true)
            }
        }
    }

    func show(_ data: AllocationReviewData) {
        self.data = data
        let review = data.review
        updating = true
        let previous = selectedYear
        years = review.years
        yearChoice.items = years.isEmpty ? ["aucune année"] : years.map(String.init)
        yearChoice.selectedIndex = years.isEmpty ? 0 : (previous.flatMap { years.firstIndex(of: $0) } ?? years.count - 1)
        yearChoice.isSensitive = !years.isEmpty
        updating = false
        if data.registerSize == 0 {
            showStatus("Le registre des attributions est vide : importez les extraits des bailleurs, du SNE ou de SYPLO, "
                       + "ou saisissez une attribution (onglet « Registre des attributions »).")
        } else {
            showStatus(nil)
        }
        let counted = review.indicators.filter { $0.scope == .agglomeration }.reduce(0) { $0 + $1.allocations }
        let awaiting = review.awaitingLease.values.reduce(0, +)
        summary.text = "Registre : \(FrenchFormat.integer(data.registerSize)) attribution(s), dont \(FrenchFormat.integer(counted)) "
            + "suivie(s) d'un bail signé, comptée(s) l'année du bail"
            + (awaiting > 0 ? " ; \(FrenchFormat.integer(awaiting)) décision(s) de CAL en attente de bail, comptée(s) dans aucune année" : "")
            + ". Calculé : \(PublishedAllocationFigures.Perimeter.computed)."
        showHeadline(data)
        showYear()
    }

    // MARK: Headline table

    private func showHeadline(_ data: AllocationReviewData) {
        headlineHolder.removeAll()
        let h = data.headline
        headlinePerimeter.text = "Chaque case : le chiffre calculé, puis le chiffre publié ; « ≠ » quand ils diffèrent. "
            + "Mutations incluses jusqu'en \(data.rules.priorityExcludesTransfersFrom.value.map(String.init) ?? "—"), hors mutations ensuite. "
            + "Chiffres publiés : \(PublishedAllocationFigures.Perimeter.agglomerationPriority) ; "
            + "en \(h.columns.last?.year ?? 0), \(PublishedAllocationFigures.Perimeter.agglomerationStateOnly) lorsque le bilan le dit."
        guard !h.columns.isEmpty else { return }
        let grid = Grid.make(rowSpacing: 6, columnSpacing: 16)
        header(grid, ["Indicateur"] + h.columns.map(\.title))
        for (r, row) in h.rows.enumerated() {
            let name = Label(row.label)
            name.xAlign = 0
            name.wraps = true
            name.setSizeRequest(width: 260, height: -1)
            grid.attach(name, column: 0, row: r + 1)
            for (c, cell) in row.cells.enumerated() {
                grid.attach(headlineCell(cell, row.unit, name: "\(row.label), \(h.columns[c].title)"), column: c + 1, row: r + 1)
            }
        }
        headlineHolder.append(grid)
    }

    /// The computed figure, and below it the published one (marked and coloured when they differ).
    private func headlineCell(_ cell: ComparedValue, _ unit: AgglomerationHeadline.Unit, name: String) -> Widget {
        let box = Box(vertical: true, spacing: 0)
        let computed = Label(CIAReviewText.headlineValue(cell.computed, unit))
        computed.xAlign = 1
        computed.addCSSClass("numeric")
        box.append(computed)
        if let text = CIAReviewText.publishedLine(cell, unit) {
            let published = Label(text)
            published.xAlign = 1
            published.addCSSClass("caption")
            published.addCSSClass(cell.differs ? "warning" : "dim-label")
            box.append(published)
        }
        box.setAccessibleLabel(name + " : " + CIAReviewText.headlineCell(cell, unit).replacingOccurrences(of: "\n", with: ", "))
        return box
    }

    // MARK: One year: landlords, reservation holders, notes

    private func showYear() {
        landlordsHolder.removeAll()
        holdersHolder.removeAll()
        notesHolder.removeAll()
        guard let data, let year = selectedYear else {
            landlordsTitle.text = ""
            holdersTitle.text = ""
            return
        }
        let review = data.review
        let priorityCounting = data.headlineCounting(.priority, year: year)
        let qpvCounting = data.headlineCounting(.outsideQPVFirstQuartile, year: year)
        landlordsTitle.text = "Obligations par bailleur en \(year)"
        let threshold = data.counter.threshold(for: year)
        landlordsPerimeter.text = "Objectifs de la CIA : \(CIAReviewText.objective(data.counter.objectives.priorityHouseholds)) des attributions "
            + "aux ménages prioritaires (chiffre retenu : \(priorityCounting.label)), "
            + "\(CIAReviewText.objective(data.counter.objectives.outsideQPVFirstQuartile)) des attributions hors QPV au 1er quartile "
            + "ou aux relogés ANRU, \(CIAReviewText.objective(data.counter.objectives.inQPVAboveFirstQuartile)) des attributions en QPV "
            + "aux quartiles 2 à 4 (\(qpvCounting.label)). Seuil du 1er quartile : "
            + (threshold.map { "\(FrenchFormat.money($0.perUc)) par UC" + ($0.year == year ? "" : " (seuil \($0.year), aucun pour \(year))") }
               ?? "aucun dans le profil")
            + ", \(data.rules.firstQuartileBoundary.value.label). Publié par bailleur : \(PublishedAllocationFigures.Perimeter.landlordPriority) ; "
            + "hors QPV : \(PublishedAllocationFigures.Perimeter.outsideQPV)."
        let landlordGrid = Grid.make(rowSpacing: 6, columnSpacing: 14)
        header(landlordGrid, ["Bailleur", "Prioritaires (mutations incluses)", "Prioritaires (hors mutations)", "Écart (chiffre retenu)",
                              "Publié", "Hors QPV : 1er quartile ou ANRU", "Écart", "Publié", "En QPV : quartiles 2 à 4", "Écart"])
        for (r, scope) in ([AllocationScope.agglomeration] + review.landlordScopes).enumerated() {
            guard let i = review.indicators(scope, year: year) else { continue }
            let name = data.name(scope)
            let headline = i.figure(.priority, priorityCounting)
            let outside = i.figure(.outsideQPVFirstQuartile, qpvCounting)
            let inside = i.figure(.inQPVAboveFirstQuartile, qpvCounting)
            let cells: [(String, Bool)] = [
                (CIAReviewText.figure(i.figure(.priority, .included)), false),
                (CIAReviewText.figure(i.figure(.priority, .excluded)), false),
                (headline?.gapText ?? "—", headline?.reached == false),
                (CIAReviewText.published(data.published(headline!, scope: scope, year: year), computed: headline?.share), false),
                (CIAReviewText.figure(outside), false),
                (outside?.gapText ?? "—", outside?.reached == false),
                (CIAReviewText.published(outside.flatMap { data.published($0, scope: scope, year: year) }, computed: outside?.share), false),
                (CIAReviewText.figure(inside), false),
                (inside?.gapText ?? "—", inside?.reached == false),
            ]
            row(landlordGrid, r + 1, name: name, cells: cells, bold: scope == .agglomeration)
        }
        landlordsHolder.append(landlordGrid)

        holdersTitle.text = "Ménages prioritaires par réservataire en \(year)"
        holdersPerimeter.text = "Chaque réservataire est tenu à son propre objectif (profil : État "
            + "\(data.counter.holderObjectives[.state].map(CIAReviewText.objective) ?? "—") de son contingent, autres réservataires "
            + "\(data.counter.holderObjectives[.commune].map(CIAReviewText.objective) ?? "—") de leurs attributions). Chiffre retenu : "
            + "\(priorityCounting.label). L'État rapporté à l'objectif annuel de l'agglomération figure dans la synthèse."
        let holderGrid = Grid.make(rowSpacing: 6, columnSpacing: 14)
        header(holderGrid, ["Réservataire", "Mutations incluses", "Hors mutations", "Objectif", "Écart (chiffre retenu)"])
        for (r, scope) in review.holderScopes.enumerated() {
            guard let i = review.indicators(scope, year: year), let f = i.figure(.priority, priorityCounting) else { continue }
            row(holderGrid, r + 1, name: data.name(scope), cells: [
                (CIAReviewText.figure(i.figure(.priority, .included)), false),
                (CIAReviewText.figure(i.figure(.priority, .excluded)), false),
                (CIAReviewText.objective(f.objective), false),
                (f.gapText, f.reached == false),
            ], bold: false)
        }
        holdersHolder.append(holderGrid)
        showNotes(data, year: year)
    }

    private func showNotes(_ data: AllocationReviewData, year: Int) {
        var notes: [(String, String?)] = []
        if let i = data.review.indicators(.agglomeration, year: year) {
            notes.append((CIAReviewText.unknowns(i) ?? "\(year) : aucune information manquante au registre.", nil))
        }
        if let n = data.review.awaitingLease[year], n > 0 {
            notes.append(("\(n) décision(s) de CAL de \(year) sans bail signé : comptée(s) dans aucune année.", nil))
        }
        for i in data.inconsistencies {
            notes.append(("⚠ \(i.message) — chiffre conservé tel que publié.", "warning"))
        }
        let r = data.rules
        notes.append(("Règles : 1er quartile, \(r.firstQuartileBoundary.value.label) (\(r.firstQuartileBoundary.source.frenchDescription)) ; "
                      + "mutations : \(r.priorityExcludesTransfersFrom.source.frenchDescription) ; parts QPV "
                      + "\(r.qpvSharesExcludeTransfers.value ? "hors mutations" : "mutations incluses") (\(r.qpvSharesExcludeTransfers.source.frenchDescription)).", "dim-label"))
        for (text, style) in notes {
            let label = Label(text)
            label.xAlign = 0
            label.wraps = true
            if let style { label.addCSSClass(style) }
            notesHolder.append(label)
        }
    }

    private func header(_ grid: Grid, _ titles: [String]) {
        for (c, title) in titles.enumerated() {
            let label = Label(title)
            label.xAlign = c == 0 ? 0 : 1
            label.wraps = true
            label.addCSSClass("dim-label")
            grid.attach(label, column: c, row: 0)
        }
    }

    /// A row: the perimeter's name, then its cells; a missed objective in the error colour.
    private func row(_ grid: Grid, _ r: Int, name: String, cells: [(String, Bool)], bold: Bool) {
        let title = Label(name)
        title.xAlign = 0
        if bold { title.addCSSClass("heading") }
        grid.attach(title, column: 0, row: r)
        for (c, (text, missed)) in cells.enumerated() {
            let label = Label(text)
            label.xAlign = 1
            if missed { label.addCSSClass("error") }
            if text.hasSuffix("≠") { label.addCSSClass("warning") }
            label.setAccessibleLabel("\(name) : \(text)")
            grid.attach(label, column: c + 1, row: r)
        }
    }

    func showStatus(_ text: String?, error: Bool = false) {
        status.show(text)
        status.removeCSSClass("error")
        if error { status.addCSSClass("error") }
    }

    // MARK: Export

    /// The yearly review of the selected year in the chosen format, from the report catalogue.
    private func export() {
        guard data != nil, let year = selectedYear, let guichet = context.guichet else {
            showStatus("Aucun bilan à exporter : le registre des attributions est vide.", error: true)
            return
        }
        let format = Self.formats[min(formatChoice.selectedIndex ?? 0, Self.formats.count - 1)].1
        let request = ReportRequest(.cia, year: year)
        ReportSaver.save(parent: context.window, title: "Exporter le bilan de la CIA \(year)",
                         suggestedStem: ReportKind.cia.stem(year: year, anonymised: false), format: format, progress: progress,
                         export: { format, url in try await guichet.exportReport(request, format: format, to: url) },
                         done: { [weak self] outcome in self?.showStatus(outcome.message, error: outcome.failed) })
    }

    /// Writes the yearly review of `year` to `path` (the export button's work, without the chooser).
    func export(year: Int, format: ReportFormat, to path: String) async -> ReportSaver.Outcome {
        guard data != nil, let guichet = context.guichet else { return ReportSaver.Outcome(message: "Aucun bilan", failed: true) }
        let request = ReportRequest(.cia, year: year)
        return await ReportSaver.write(to: path, format: format) { format, url in
            try await guichet.exportReport(request, format: format, to: url)
        }
    }
}
