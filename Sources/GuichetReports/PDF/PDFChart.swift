/// Axis graduation for a bar chart: a "nice" step (1, 2 or 5 × 10^k) and at most 5 steps.
struct ChartScale: Equatable {
    let step: Int64
    let steps: Int
    var maximum: Int64 { step * Int64(steps) }

    init(maximum value: Int64, minimumStep: Int64 = 1) {
        let target = max(value, 1)
        var magnitude: Int64 = max(1, minimumStep)
        var step = magnitude
        search: while true {
            for factor: Int64 in [1, 2, 5] {
                step = magnitude * factor
                if step >= minimumStep && (target + step - 1) / step <= 5 { break search }
            }
            magnitude *= 10
        }
        self.step = step
        self.steps = Int(max(1, (target + step - 1) / step))
    }
}

extension PDFComposer {
    static let chartHeight = 230.0

    /// A grouped bar chart kept on one page: title, graduated axis in French format,
    /// bars, category labels, legend. Negative values are drawn as zero.
    func chart(_ chart: ReportChart) {
        let height = PDFComposer.chartHeight
        ensureSpace(height)
        let left = page.contentLeft, width = page.contentWidth
        let top = y
        y += canvas.text(chart.title, PDFTheme.caption, x: left, y: y, width: width) + 8

        let peak = chart.series.flatMap(\.values).max() ?? 0
        // Money axes graduate in whole euros, share axes in whole percents.
        let scale = ChartScale(maximum: peak, minimumStep: chart.unit == .count ? 1 : 100)
        let labels = (0...scale.steps).map { chart.label(Int64($0) * scale.step) }
        let labelWidth = labels.map { canvas.measure($0, PDFTheme.axis).width }.max() ?? 0

        let legendHeight = 16.0
        // Category labels wrap on up to three lines under their bars: room for the tallest.
        let labelStyle = PDFTheme.axis.with { $0.alignment = .center; $0.maxLines = 3; $0.color = PDFTheme.ink }
        let groupWidth = (width - labelWidth - 10) / Double(max(1, chart.categories.count))
        let categoryHeight = max(22, (chart.categories.map { canvas.measure($0, labelStyle, width: groupWidth - 4).height }.max() ?? 0) + 6)
        let plotLeft = left + labelWidth + 6
        let plotRight = left + width - 4
        let plotTop = y + 4
        let plotBottom = top + height - legendHeight - categoryHeight - 6
        let plotHeight = plotBottom - plotTop

        // Grid lines and graduations.
        let axisStyle = PDFTheme.axis.with { $0.alignment = .trailing }
        for (i, label) in labels.enumerated() {
            let gy = plotBottom - plotHeight * Double(i) / Double(scale.steps)
            canvas.line(from: (plotLeft, gy), to: (plotRight, gy), i == 0 ? PDFTheme.grey : PDFTheme.rule, width: i == 0 ? 0.8 : 0.4)
            let h = canvas.measure(label, axisStyle).height
            canvas.text(label, axisStyle, x: left, y: gy - h / 2, width: labelWidth)
        }

        // Bars, grouped by category.
        let categories = max(1, chart.categories.count)
        let group = (plotRight - plotLeft) / Double(categories)
        let seriesCount = max(1, chart.series.count)
        let barWidth = min(28, group * 0.72 / Double(seriesCount))
        let groupInner = barWidth * Double(seriesCount)
        for (c, category) in chart.categories.enumerated() {
            let groupLeft = plotLeft + group * Double(c) + (group - groupInner) / 2
            for (s, series) in chart.series.enumerated() where c < series.values.count {
                let value = max(0, series.values[c])
                let barHeight = plotHeight * Double(value) / Double(scale.maximum)
                canvas.fill(x: groupLeft + barWidth * Double(s), y: plotBottom - barHeight,
                            width: barWidth - 1, height: barHeight, PDFTheme.series[s % PDFTheme.series.count])
            }
            canvas.text(category, labelStyle, x: plotLeft + group * Double(c) + 2, y: plotBottom + 4, width: group - 4)
        }

        // Legend: a swatch and the series name, side by side.
        var x = plotLeft
        let legendY = top + height - legendHeight
        let legendStyle = PDFTheme.axis.with { $0.color = PDFTheme.ink; $0.size = 8 }
        for (s, series) in chart.series.enumerated() {
            canvas.fill(x: x, y: legendY + 2, width: 9, height: 9, PDFTheme.series[s % PDFTheme.series.count])
            let w = canvas.measure(series.name, legendStyle).width
            canvas.text(series.name, legendStyle, x: x + 13, y: legendY + 1)
            x += 13 + w + 16
        }
        y = top + height
    }
}
