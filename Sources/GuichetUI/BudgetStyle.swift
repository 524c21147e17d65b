import GtkKit
import GuichetCore

/// How consumption of an envelope looks: level bar fill and share colour (orange when the
/// envelope lags behind the time elapsed, red when it is overspent), with words for the tooltip
/// since colour alone tells nothing to some readers.
@MainActor
enum BudgetStyle {
    enum State {
        case none, normal, under, over

        var labelClasses: [String] {
            switch self {
            case .none, .normal: []
            case .under: ["budget-under-text"]
            case .over: ["error"]
            }
        }

        var barClass: String? {
            switch self {
            case .none, .normal: nil
            case .under: "budget-under"
            case .over: "budget-over"
            }
        }
    }

    static func state(of c: BudgetLineStatus.Consumption) -> State {
        switch c {
        case .noEnvelope: .none
        case .normal: .normal
        case .under: .under
        case .over: .over
        }
    }

    /// The level bar's fill colours; the theme's named colours keep dark themes right.
    static func install() {
        StyleSheet.install("budget", css: """
            levelbar.budget-bar block.filled { background-color: @theme_selected_bg_color; }
            levelbar.budget-under block.filled { background-color: @warning_color; }
            levelbar.budget-over block.filled { background-color: @error_color; }
            label.budget-under-text { color: #c64600; font-weight: bold; }
            """)
    }

    /// The committed share as a figure above a bar (full at 100 %; beyond, the figure says it),
    /// coloured by state, with the reason in the tooltip.
    static func consumption(share: Percentage?, elapsed: Percentage, consumption: BudgetLineStatus.Consumption,
                            name: String) -> Widget {
        let state = state(of: consumption)
        let box = Box(vertical: true, spacing: 3)
        box.centerVertically()
        let figure = Label(share.map { FrenchFormat.percent($0) } ?? "—")
        figure.xAlign = 1
        figure.addCSSClass("numeric")
        for c in state.labelClasses { figure.addCSSClass(c) }
        box.append(figure)
        let bar = LevelBar(maxValue: 1)
        bar.removeDefaultOffsets()
        bar.value = min(1, Double(share?.basisPoints ?? 0) / 10_000)
        bar.addCSSClass("budget-bar")
        if let c = state.barClass { bar.addCSSClass(c) }
        bar.setSizeRequest(width: 72, height: -1)
        bar.isVisible = share != nil
        bar.setAccessibleLabel("Consommation de l’enveloppe \(name)")
        box.append(bar)
        let reason = explanation(consumption, elapsed: elapsed)
        box.tooltip = share.map { "Engagé : \(FrenchFormat.percent($0)) de l’enveloppe ; temps écoulé : \(FrenchFormat.percent(elapsed))."
            + (reason.map { " " + $0 } ?? "") } ?? reason
        return box
    }

    /// Words for the share's tooltip.
    static func explanation(_ c: BudgetLineStatus.Consumption, elapsed: Percentage) -> String? {
        switch c {
        case .noEnvelope: "Pas d’enveloppe annuelle propre."
        case .normal: nil
        case .over: "Enveloppe dépassée."
        case .under(let years):
            "Sous-consommation en \(years.map(String.init).joined(separator: ", ")) : part engagée en retard de plus de "
                + "20 points sur la part de l’année écoulée."
        }
    }
}
