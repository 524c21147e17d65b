import GtkKit
import GuichetApp
import GuichetCore

/// "Bilan du PLH": the PLH's yearly review by action (action 20 of the PLH). The list of the 20
/// actions; for the chosen one its maître d'ouvrage, partners and objectives, its levers year by
/// year (each cell opens the lever's progress), its result indicators (target, each year since
/// the PLH began, gap, trend; « Détail… » opens what a derived figure counts, « Saisir… » enters
/// a value with its history), its money from the ledger, and for action 7 the territorialised
/// targets. The review is computed off the main thread and shown when it arrives.
@MainActor
public final class PLHReviewScreen: Screen {
    public static let section = SectionInfo(id: "bilan-plh", title: "Bilan du PLH", iconName: "x-office-spreadsheet-symbolic")
    public var section: SectionInfo { Self.section }
    public let root: Widget

    private let guichet: Guichet
    private let plh: PLHProgramme
    private let sheets: PLHActionSheets
    private weak var window: Window?
    private let yearChoice: DropDown
    private let kindChoice: DropDown
    private let formatChoice: DropDown
    private let status: Label
    private let errorLabel: Label
    private let actionList: ListBox
    private let actionTitle: Label
    private let actionSheet: Label
    private let actionObjectives: Label
    private let leverGrid: Grid
    private let indicatorGrid: Grid
    private let moneyGrid: Grid
    private let moneyFrame: Widget
    private let moneyNote: Label
    private let targetsBox: Widget
    private let targetGrid: Grid
    private let years: [Int]
    private let actions: [PLHAction]
    static let formats: [(String, ReportFormat)] = [("PDF (conseil)", .pdf), ("Tableur .ods (service)", .ods), ("CSV", .csv)]

    /// The review on screen (tests read it), nil until the first computation arrives.
    private(set) var review: PLHReview?
    private var reading: Task<Void, Never>?
    /// True while the review is being computed.
    var isLoading: Bool { reading != nil }
    /// An export under way.
    let progress = WorkProgress()
    /// Buttons of the indicators table by measure id ("Détail…" or "Saisir…"), for tests.
    private(set) var measureButtons: [String: Button] = [:]
    private(set) var lastExport: ReportSaver.Outcome?

    public init(guichet: Guichet, window: Window?) throws {
        guard let plh = guichet.profile.plh, let sheets = guichet.profile.plhActions else {
            throw GtkKitError("Le profil « \(guichet.profile.id) » ne contient pas les fiches actions du PLH.")
        }
        self.guichet = guichet
        self.plh = plh
        self.sheets = sheets
        self.window = window
        let builder = try Builder(uiFile: "plh-review-screen.ui")
        root = try builder.get("page")
        yearChoice = try builder.get("year")
        kindChoice = try builder.get("kind")
        formatChoice = try builder.get("format")
        status = try builder.get("status")
        errorLabel = try builder.get("error")
        actionList = try builder.get("actions")
        actionTitle = try builder.get("action-title")
        actionSheet = try builder.get("action-sheet")
        actionObjectives = try builder.get("action-objectives")
        leverGrid = try builder.get("levers")
        indicatorGrid = try builder.get("indicators")
        moneyGrid = try builder.get("money")
        moneyFrame = try builder.get("money-frame")
        moneyNote = try builder.get("money-note")
        targetsBox = try builder.get("targets-box")
        targetGrid = try builder.get("targets")
        try builder.get("progress-slot", as: Box.self).append(progress.root)
        years = Array(plh.years)
        actions = plh.actions.sorted { $0.number < $1.number }.filter { sheets.sheet($0.number) != nil }
        yearChoice.items = years.map(String.init)
        let current = min(max(guichet.today.year, plh.firstYear), plh.lastYear)
        yearChoice.selectedIndex = years.firstIndex(of: current)
        kindChoice.items = ["Bilan annuel", "Bilan à mi-parcours"]
        kindChoice.selectedIndex = 0
        formatChoice.items = Self.formats.map(\.0)
        formatChoice.selectedIndex = 0
        for a in actions {
            let label = Label("\(a.number). \(a.title)")
            label.xAlign = 0
            label.wraps = true
            label.setEdgeMargins(top: 4, bottom: 4, start: 6, end: 6)
            label.setAccessibleLabel("Action \(a.number)")
            actionList.append(label)
        }
        actionList.selectRow(at: 0)
        actionList.onRowSelected { [weak self] _ in self?.showAction() }
        yearChoice.onSelectionChanged { [weak self] in self?.reload() }
        kindChoice.onSelectionChanged { [weak self] in self?.reload() }
        try builder.get("export", as: Button.self).onClicked { [weak self] in self?.export() }
        try builder.get("add-target", as: Button.self).onClicked { [weak self] in self?.addTarget() }
        reload()
    }

    /// The section, or the honest placeholder when there is no database or the territory's
    /// profile has no action sheets.
    public static let factory = ScreenFactory(
        section,
        unavailable: "Aucune base ouverte, ou le profil du territoire ne contient pas les fiches actions du PLH (partie « plhActions ») : "
            + "le bilan par action ne peut pas être fait.",
        needs: { $0.profile.plh != nil && $0.profile.plhActions != nil },
        make: { context, guichet in try PLHReviewScreen(guichet: guichet, window: context.window) })

    public func activate() { reload() }

    var selectedYear: Int { yearChoice.selectedIndex.flatMap { $0 < years.count ? years[$0] : nil } ?? plh.firstYear }
    var kind: PLHReview.Kind { kindChoice.selectedIndex == 1 ? .midTerm : .annual }
    var selectedAction: Int? { actionList.selectedIndex.flatMap { $0 < actions.count ? actions[$0].number : nil } }

    func select(year: Int) { yearChoice.selectedIndex = years.firstIndex(of: year) }
    func select(action: Int) { actionList.selectRow(at: actions.firstIndex { $0.number == action }) }

    /// Computes the review again (off the main thread) and shows it when it arrives; a newer
    /// request cancels an older one.
    func reload() {
        reading?.cancel()
        let (guichet, year, kind) = (guichet, selectedYear, kind)
        status.text = "Calcul du bilan \(year)…"
        reading = Task { [weak self] in
            do {
                let review = try await guichet.plhReview(year: year, kind: kind)
                guard !Task.isCancelled, let self else { return }
                self.reading = nil
                self.review = review
                self.errorLabel.show(nil)
                self.status.text = "\(review.title) — années \(review.years.first!)-\(review.year), au \(FrenchFormat.date(guichet.today))"
                    + (self.lastExport.map { "\n" + $0.message } ?? "")
                self.showAction()
            } catch is CancellationError {
            } catch {
                guard !Task.isCancelled, let self else { return }
                self.reading = nil
                self.status.text = ""
                self.errorLabel.show("Bilan impossible : \(ReportSaver.message(of: error))")
            }
        }
    }

    // MARK: The chosen action

    private func showAction() {
        guard let number = selectedAction, let review, let a = review.action(number) else { return }
        actionTitle.text = "Action \(a.number) — \(a.title)"
        actionSheet.text = "Maître d'ouvrage : \(a.sheet.owner)\nPartenaires : \(a.sheet.partners.joined(separator: ", "))"
        actionObjectives.text = a.sheet.objectives.map { $0.hasSuffix(":") ? $0 : "– \($0)" }.joined(separator: "\n")
        showLevers(a, review)
        showIndicators(a, review)
        showMoney(a, review)
        let territorial = a.measures.contains { $0.measure.derived?.from == .territorialTargets }
        targetsBox.isVisible = territorial
        if territorial { showTargets(review) }
    }

    private func showLevers(_ a: PLHActionReview, _ r: PLHReview) {
        var table = FigureGrid(grid: leverGrid, columns: [.init("Levier", trailing: false, maxWidthChars: 50)] + r.years.map { .init(String($0), trailing: false) })
        for l in a.levers {
            var cells: [FigureGrid.Cell] = [.text(l.lever.labelWithPhases, tooltip: l.lever.reading)]
            for y in r.years {
                let year = l.years[y]
                let button = Button(label: year?.text ?? "—")
                button.addCSSClass("flat")
                if year?.progress == nil { button.addCSSClass("dim-label") }
                if year?.state == .done { button.addCSSClass("success") }
                if year?.state == .dropped { button.addCSSClass("warning") }
                button.tooltip = [year?.calendarText.map { "Calendrier du PLH : \($0)" }, year?.progress?.note].compactMap { $0 }.joined(separator: "\n")
                button.setAccessibleLabel("Levier \(l.lever.id), \(y) : \(year?.text ?? "non prévu")")
                button.onClicked { [weak self] in self?.editLever(a.number, l, y) }
                cells.append(.widget(button))
            }
            table.addRow(cells)
        }
    }

    private func showIndicators(_ a: PLHActionReview, _ r: PLHReview) {
        measureButtons = [:]
        var table = FigureGrid(grid: indicatorGrid, columns: [
            .init("Indicateur", trailing: false, maxWidthChars: 34), .init("Mesure", trailing: false, maxWidthChars: 26),
            .init("Unité", trailing: false, maxWidthChars: 12), .init("Objectif", trailing: false, maxWidthChars: 16),
        ] + r.years.map { .init(String($0)) } + [.init(r.kind == .annual ? "Écart \(r.year)" : "Écart\ncumulé"), .init("Tendance", trailing: false), .init("", trailing: false)])
        var previous: String?
        for m in a.measures {
            let indicator = m.indicator.text == previous ? "" : m.indicator.text
            previous = m.indicator.text
            let gap = r.kind == .midTerm || m.measure.target?.per == .period ? m.periodGap(through: r.year) : m.gap(for: r.year)
            var cells: [FigureGrid.Cell] = [
                .text(indicator), .text(m.label == m.indicator.text ? "" : m.label, tooltip: m.definition),
                .text(m.unitText), .text(m.targetText ?? "—", tooltip: m.measure.target.map { "PLH, action \(a.number) : « \($0.source.text) »" }),
            ]
            for y in r.years {
                let text = m.text(y)
                let short = m.measure.kind == .text && text.count > 24 ? String(text.prefix(23)) + "…" : text
                cells.append(.text(short, classes: y == r.year && (gap ?? 0) < 0 ? ["warning"] : [],
                                   tooltip: m.measure.kind == .text ? text : m.entryText(y) ?? m.values[y]?.figure?.note))
            }
            cells.append(.text(gap.map { m.format($0, signed: true) } ?? "", classes: (gap ?? 0) < 0 ? ["warning"] : []))
            cells.append(.text(m.trend(r.year).map { "\($0.arrow) \($0.label)" } ?? ""))
            let button = Button(label: m.isDerived ? "Détail…" : "Saisir…")
            button.setAccessibleLabel("\(m.isDerived ? "Détail" : "Saisir") : \(m.label)")
            button.tooltip = m.isDerived ? "Ce qui est compté en \(r.year), et ses répartitions" : "Saisir la valeur de \(r.year), avec un commentaire"
            button.onClicked { [weak self] in self?.open(a, m) }
            measureButtons[m.measure.id] = button
            cells.append(.widget(button))
            // The table scrolls sideways: the PLH's wording keeps a readable width instead of
            // wrapping word by word.
            let labels = table.addRow(cells)
            labels[0].first?.setSizeRequest(width: 230, height: -1)
            labels[1].first?.setSizeRequest(width: 170, height: -1)
        }
    }

    private func showMoney(_ a: PLHActionReview, _ r: PLHReview) {
        guard let money = a.money, !money.schemes.isEmpty else {
            moneyFrame.isVisible = false
            moneyNote.text = "Aucun dispositif d'aide n'est payé sur la ligne de cette action (voir la section Budget du PLH)."
            return
        }
        moneyFrame.isVisible = true
        moneyNote.text = "Dispositifs payés sur la ligne de l'action : \(money.schemes.joined(separator: ", ")) (registre des engagements du budget du PLH)."
        let euros = { (m: Money?) in m.map { FrenchFormat.money($0, alwaysCents: false) } ?? "—" }
        var table = FigureGrid(grid: moneyGrid, columns: [.init("Année", trailing: false), .init("Enveloppe"), .init("Engagé"), .init("Versé"), .init("Dossiers")])
        for y in r.years {
            let v = money.years[y]
            table.addRow([.text(String(y)), .text(euros(v?.envelope)), .text(euros(v?.committed)), .text(euros(v?.paid)),
                          .text(FrenchFormat.integer(v?.dossiers ?? 0))])
        }
        table.addSeparator()
        let t = money.total(through: r.year)
        table.addRow([.text("\(r.years.first!)-\(r.year)"), .text(euros(t.envelope)), .text(euros(t.committed)), .text(euros(t.paid)),
                      .text(FrenchFormat.integer(t.dossiers))], classes: ["heading"])
    }

    private func showTargets(_ r: PLHReview) {
        var table = FigureGrid(grid: targetGrid, columns: [.init("Territoire", trailing: false, maxWidthChars: 30), .init("Produit", trailing: false),
                                                           .init("Objectif"), .init("Réalisé"), .init("Atteinte"), .init("", trailing: false)])
        if r.territorial.isEmpty {
            table.addRow([.text("Aucun objectif saisi pour \(r.year).", classes: ["dim-label"])])
        }
        for t in r.territorial {
            let edit = Button(label: "Modifier…")
            edit.setAccessibleLabel("Modifier l'objectif \(t.target.scope.label) \(t.target.product.label)")
            edit.onClicked { [weak self] in self?.editTarget(t.target) }
            table.addRow([.text(t.target.scope.label, tooltip: t.target.comment), .text(t.target.product.label),
                          .text(FrenchFormat.integer(t.target.dwellings)), .text(FrenchFormat.integer(t.produced)),
                          .text(t.share.map { FrenchFormat.percent($0) } ?? "—", classes: t.gap < 0 ? ["warning"] : []), .widget(edit)])
        }
    }

    // MARK: Dialogs

    private func open(_ a: PLHActionReview, _ m: MeasureReview) {
        guard let review else { return }
        do {
            if m.isDerived {
                try PLHFigureDetail.present(parent: window, action: a, measure: m, year: review.year)
            } else {
                try PLHEntryForm.present(parent: window, guichet: guichet, action: a, measure: m, year: review.year) { [weak self] in self?.reload() }
            }
        } catch { errorLabel.show("Fenêtre impossible : \(error)") }
    }

    private func editLever(_ action: Int, _ lever: LeverReview, _ year: Int) {
        do { try PLHLeverForm.present(parent: window, guichet: guichet, action: action, lever: lever, year: year) { [weak self] in self?.reload() } }
        catch { errorLabel.show("Fenêtre impossible : \(error)") }
    }

    private func addTarget() { editTarget(nil) }

    private func editTarget(_ target: TerritorialTarget?) {
        do { try PLHTargetForm.present(parent: window, guichet: guichet, year: selectedYear, editing: target) { [weak self] in self?.reload() } }
        catch { errorLabel.show("Fenêtre impossible : \(error)") }
    }

    // MARK: Export

    /// The bilan the section shows: the chosen year, annual or mid-term.
    var bilan: ReportRequest { ReportRequest(.bilanPLH, year: selectedYear, midTerm: kind == .midTerm) }

    private func export() {
        let (guichet, request) = (guichet, bilan)
        let format = Self.formats[formatChoice.selectedIndex ?? 0].1
        let stem = ReportKind.bilanPLH.stem(year: selectedYear, anonymised: false) + (kind == .midTerm ? "-mi-parcours" : "")
        ReportSaver.save(parent: window, title: "Exporter le bilan du PLH", suggestedStem: stem, format: format, progress: progress,
                         export: { format, url in try await guichet.exportReport(request, format: format, to: url) },
                         done: { [weak self] outcome in
                             self?.lastExport = outcome
                             self?.reload()
                             if outcome.failed { MessageDialog.inform(parent: self?.window, kind: .error, title: "Export impossible", detail: outcome.message) }
                         })
    }

    /// Writes the chosen review to `path` without the file chooser (tests).
    func exportBilan(to path: String, format: ReportFormat) async -> ReportSaver.Outcome {
        let (guichet, request) = (guichet, bilan)
        let outcome = await ReportSaver.write(to: path, format: format) { format, url in
            try await guichet.exportReport(request, format: format, to: url)
        }
        lastExport = outcome
        return outcome
    }
}
