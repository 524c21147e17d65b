import GuichetCore

/// `cia`: the yearly review of the intercommunal allocation agreement recomputed from the
/// allocation register: the headline table of the agglomeration beside the published figures,
/// each obligation per landlord, per reservation holder and per commune (numerator, denominator,
/// share, objective, allocations missing), what the register does not know, and the sources'
/// own inconsistencies. Shares to the basis point, as the review prints them.
public enum CIAReviewReport {
    public static func document(context: ReportContext, data: AllocationReviewData, year: Int? = nil) -> ReportDocument {
        let review = data.review
        let years = review.years.filter { year == nil || $0 == year }
        let period = years.isEmpty ? "" : (years.count == 1 ? "\(years[0])" : "\(years.first!)-\(years.last!)")
        let sections = [
            headlineSection(data, year: year),
            obligationSection("2. Ménages prioritaires par bailleur", data, .priority, scopes: review.landlordScopes, years: years,
                              intro: "Objectif de la CIA : \(percent(data.counter.objectives.priorityHouseholds)) des attributions de chaque bailleur "
                                + "aux ménages prioritaires. Chiffres publiés : \(PublishedAllocationFigures.Perimeter.landlordPriority) ; "
                                + "les chiffres calculés le sont à l'agglomération, d'où des écarts attendus."),
            obligationSection("3. Attributions hors QPV au 1er quartile ou relogements ANRU", data, .outsideQPVFirstQuartile,
                              scopes: [.agglomeration] + review.landlordScopes, years: years,
                              intro: thresholdText(data, years: years)),
            obligationSection("4. Attributions en QPV aux ménages des quartiles 2 à 4", data, .inQPVAboveFirstQuartile,
                              scopes: [.agglomeration] + review.landlordScopes, years: years,
                              intro: "Aucun résultat publié pour cette obligation : seuls les chiffres calculés sont montrés."),
            obligationSection("5. Ménages prioritaires par réservataire", data, .priority, scopes: review.holderScopes, years: years,
                              intro: "Chaque réservataire est tenu à son propre objectif : l'État à "
                                + "\(data.counter.holderObjectives[.state].map(percent) ?? "—") de son contingent, les autres à "
                                + "\(data.counter.holderObjectives[.commune].map(percent) ?? "—") de leurs attributions."),
            communeSection(data, years: years),
            unknownSection(data, years: years),
            sourcesSection(data, year: year),
        ]
        return context.document(title: "Bilan de la convention intercommunale d'attribution",
                                subtitle: "Attributions calculées sur le registre" + (period.isEmpty ? "" : " — \(period)"),
                                sections: sections, orientation: .landscape)
    }

    static func percent(_ p: Percentage) -> String { FrenchFormat.percent(p, decimals: p.basisPoints % 100 == 0 ? 0 : 2) }

    static func value(_ v: Int?, _ unit: AgglomerationHeadline.Unit) -> ReportCell {
        guard let v else { return .text("—") }
        return unit == .count ? .integer(v) : .rate(Percentage(basisPoints: v))
    }

    // MARK: 1. Headline

    static func headlineSection(_ data: AllocationReviewData, year: Int?) -> ReportSection {
        let h = data.headline
        let kept = h.columns.indices.filter { year == nil || h.columns[$0].year == year }
        var columns = [ReportColumn("Indicateur", .text, width: 34)]
        for i in kept {
            columns.append(ReportColumn("\(h.columns[i].title) calculé", .integer, width: 11))
            columns.append(ReportColumn("\(h.columns[i].title) publié", .integer, width: 11))
        }
        let rows: [[ReportCell]] = h.rows.map { row in
            [.text(row.label)] + kept.flatMap { i -> [ReportCell] in
                let c = row.cells[i]
                return [value(c.computed, row.unit), c.published.map { _ in value(c.published?.value, row.unit) } ?? .text("—")]
            }
        }
        let flagged = kept.flatMap { i in h.rows.compactMap { row -> String? in
            let c = row.cells[i]
            guard c.differs, let p = c.published else { return nil }
            let show = { (v: Int) in row.unit == .count ? FrenchFormat.integer(v) : FrenchFormat.percent(Percentage(basisPoints: v), decimals: 2) }
            return "\(row.label), \(h.columns[i].title) : calculé \(show(c.computed!)), publié \(show(p.value)) (\(p.perimeter))."
        } }
        let register = data.review.indicators.filter { $0.scope == .agglomeration }.reduce(0) { $0 + $1.allocations }
        var paragraphs = [
            "Périmètre calculé : \(PublishedAllocationFigures.Perimeter.computed) — " + FrenchWords.count(register, "attribution suivie")
                + " d'un bail signé, comptées l'année du bail, sur \(FrenchFormat.integer(data.registerSize)) au registre.",
            "Chaque colonne suit le mode de calcul de la CIA : mutations incluses jusqu'en "
                + "\(data.rules.priorityExcludesTransfersFrom.value.map(String.init) ?? "—"), hors mutations à partir de cette année-là "
                + "(\(data.rules.priorityExcludesTransfersFrom.source.frenchDescription)).",
        ]
        paragraphs += flagged.isEmpty ? ["Tous les chiffres calculés sont égaux aux chiffres publiés."]
            : ["Écarts entre chiffres calculés et publiés :"] + flagged.map { "• " + $0 }
        let share = h.row(AgglomerationHeadline.Label.share)
        let chart = share.map { row in
            ReportChart(title: "Part des attributions aux ménages prioritaires (agglomération)", unit: .basisPoints,
                        categories: kept.map { h.columns[$0].title },
                        series: [ReportChart.Series(name: "Calculé", values: kept.map { Int64(row.cells[$0].computed ?? 0) }),
                                 ReportChart.Series(name: "Publié", values: kept.map { Int64(row.cells[$0].published?.value ?? 0) }),
                                 ReportChart.Series(name: "Objectif", values: kept.map { _ in Int64(data.counter.objectives.priorityHouseholds.basisPoints) })])
        }
        return ReportSection(heading: "1. Synthèse de l'agglomération", paragraphs: paragraphs,
                             tables: [ReportTable(name: "Synthèse de l'agglomération", columns: columns, rows: rows)], chart: chart)
    }

    // MARK: 2-5. Obligations by perimeter

    static func obligationSection(_ heading: String, _ data: AllocationReviewData, _ obligation: AllocationObligation,
                                  scopes: [AllocationScope], years: [Int], intro: String) -> ReportSection {
        let columns = [ReportColumn("Périmètre", .text, width: 24), ReportColumn("Année", .text, width: 6),
                       ReportColumn("Mutations", .text, width: 16), ReportColumn(obligation.numeratorLabel.prefix(1).uppercased()
                                                                                 + obligation.numeratorLabel.dropFirst(), .integer, width: 11),
                       ReportColumn(obligation.denominatorLabel.prefix(1).uppercased() + obligation.denominatorLabel.dropFirst(), .integer, width: 11),
                       ReportColumn("Part", .percent, width: 8), ReportColumn("Objectif", .percent, width: 8),
                       ReportColumn("Attributions manquantes", .integer, width: 11), ReportColumn("Publié", .percent, width: 8),
                       ReportColumn("Écart au publié", .text, width: 10)]
        var rows: [[ReportCell]] = []
        for scope in scopes {
            for y in years {
                guard let i = data.review.indicators(scope, year: y) else { continue }
                for counting in TransferCounting.allCases {
                    guard let f = i.figure(obligation, counting), f.denominator > 0 else { continue }
                    let headline = data.headlineCounting(obligation, year: y) == counting
                    let p = data.published(f, scope: scope, year: y)
                    rows.append([.text(data.name(scope)), .text(String(y)), .text(counting.label + (headline ? " *" : "")),
                                 .integer(f.numerator), .integer(f.denominator), f.share.map { .rate($0) } ?? .text("—"),
                                 .rate(f.objective), .integer(f.missing), p.map { .rate(Percentage(basisPoints: $0.value)) } ?? .text("—"),
                                 .text(p.map { $0.value == f.share?.basisPoints ? "=" : "≠" } ?? "")])
                }
            }
        }
        var chart: ReportChart?
        if let last = years.last {
            let shown = scopes.filter { data.review.indicators($0, year: last) != nil }.prefix(12)
            let counting = data.headlineCounting(obligation, year: last)
            func share(_ s: AllocationScope) -> Int64 {
                Int64(data.review.indicators(s, year: last)?.figure(obligation, counting)?.share?.basisPoints ?? 0)
            }
            let published = shown.map { s in Int64(data.published.share(obligation, scope: s, column: ReviewColumn(year: last, transfers: counting))?.value ?? 0) }
            var series = [ReportChart.Series(name: "Calculé \(last) (\(counting.label))", values: shown.map(share))]
            if published.contains(where: { $0 > 0 }) { series.append(ReportChart.Series(name: "Publié", values: published)) }
            series.append(ReportChart.Series(name: "Objectif", values: shown.map { s in
                Int64(data.review.indicators(s, year: last)?.figure(obligation, counting)?.objective.basisPoints ?? 0)
            }))
            if !shown.isEmpty {
                chart = ReportChart(title: "\(obligation.label) — \(last)", unit: .basisPoints, categories: shown.map(data.name), series: series)
            }
        }
        return ReportSection(heading: heading,
                             paragraphs: [intro, "* chiffre retenu par la CIA cette année-là. « Attributions manquantes » : attributions "
                                          + "qu'il aurait fallu consacrer au public visé pour atteindre l'objectif sur le même nombre d'attributions."],
                             tables: [ReportTable(name: String(heading.drop { $0 != " " }.dropFirst()), columns: columns, rows: rows)], chart: chart)
    }

    static func thresholdText(_ data: AllocationReviewData, years: [Int]) -> String {
        let thresholds = years.map { y -> String in
            guard let t = data.counter.threshold(for: y) else { return "\(y) : aucun seuil" }
            return "\(y) : \(FrenchFormat.money(t.perUc)) par UC" + (t.year == y ? "" : " (seuil \(t.year), aucun pour \(y))")
        }
        return "Objectif : \(percent(data.counter.objectives.outsideQPVFirstQuartile)) des attributions hors QPV aux ménages "
            + "sous le seuil du 1er quartile de l'année ou relogés dans le cadre de l'ANRU. Seuils : " + thresholds.joined(separator: " ; ")
            + ". Règle : \(data.rules.firstQuartileBoundary.value.label) (\(data.rules.firstQuartileBoundary.source.frenchDescription)). "
            + "Chiffres publiés : \(PublishedAllocationFigures.Perimeter.outsideQPV)."
    }

    // MARK: 6. Communes

    static func communeSection(_ data: AllocationReviewData, years: [Int]) -> ReportSection {
        let columns = [ReportColumn("Commune", .text, width: 24), ReportColumn("Année", .text, width: 6),
                       ReportColumn("Attributions", .integer), ReportColumn("dont mutations", .integer),
                       ReportColumn("Ménages prioritaires", .integer), ReportColumn("Part prioritaires", .percent),
                       ReportColumn("Hors QPV", .integer), ReportColumn("En QPV", .integer), ReportColumn("QPV non renseigné", .integer),
                       ReportColumn("Hors QPV 1er quartile ou ANRU", .percent), ReportColumn("En QPV quartiles 2 à 4", .percent)]
        var rows: [[ReportCell]] = []
        for scope in data.review.communeScopes {
            for y in years {
                guard let i = data.review.indicators(scope, year: y) else { continue }
                func share(_ o: AllocationObligation) -> ReportCell {
                    i.headline(o, rules: data.rules)?.share.map { .rate($0) } ?? .text("—")
                }
                rows.append([.text(data.name(scope)), .text(String(y)), .integer(i.allocations), .integer(i.transfers),
                             .integer(i.priority), share(.priority), .integer(i.outsideQPV), .integer(i.inQPV), .integer(i.unknownQPV),
                             share(.outsideQPVFirstQuartile), share(.inQPVAboveFirstQuartile)])
            }
        }
        return ReportSection(heading: "6. Attributions par commune du logement",
                             paragraphs: ["Parts selon le mode de calcul retenu par la CIA pour l'année."],
                             tables: [ReportTable(name: "Attributions par commune", columns: columns, rows: rows)])
    }

    // MARK: 7. What the register does not know

    static func unknownSection(_ data: AllocationReviewData, years: [Int]) -> ReportSection {
        let columns = [ReportColumn("Année", .text, width: 6), ReportColumn("Attributions", .integer),
                       ReportColumn("QPV non renseigné", .integer), ReportColumn("Mutation non renseignée", .integer),
                       ReportColumn("Ressources inconnues (hors QPV)", .integer), ReportColumn("Ressources inconnues (en QPV)", .integer),
                       ReportColumn("Priorité non renseignée", .integer), ReportColumn("Décisions de CAL sans bail", .integer)]
        let rows: [[ReportCell]] = years.compactMap { y in
            guard let i = data.review.indicators(.agglomeration, year: y) else { return nil }
            let outside = i.figure(.outsideQPVFirstQuartile, .included), inside = i.figure(.inQPVAboveFirstQuartile, .included)
            return [.text(String(y)), .integer(i.allocations), .integer(i.unknownQPV), .integer(i.unknownTransfer),
                    .integer(outside?.unknownResources ?? 0), .integer(inside?.unknownResources ?? 0),
                    .integer(i.figure(.priority, .included)?.unknownPriority ?? 0), .integer(data.review.awaitingLease[y] ?? 0)]
        }
        return ReportSection(heading: "7. Informations manquantes au registre",
                             paragraphs: ["Rien n'est supposé : une attribution sans situation QPV n'entre dans aucune des deux parts QPV "
                                          + "(jamais comptée hors QPV) ; sans indication de mutation, elle n'entre pas dans les parts "
                                          + "« hors mutations » ; sans ressources ni quartile, elle n'est comptée dans aucun quartile ; "
                                          + "sans indication de priorité, elle n'est pas comptée comme prioritaire. Une décision de CAL "
                                          + "sans bail signé n'est comptée dans aucune année."],
                             tables: [ReportTable(name: "Informations manquantes", columns: columns, rows: rows)])
    }

    // MARK: 8. Sources

    static func sourcesSection(_ data: AllocationReviewData, year: Int?) -> ReportSection {
        let flagged = data.inconsistencies.filter { year == nil || $0.year == nil || $0.year == year }.map { "⚠ " + $0.message }
        let rules = [
            "1er quartile : \(data.rules.firstQuartileBoundary.value.label) — \(data.rules.firstQuartileBoundary.source.frenchDescription)",
            "Mutations : \(data.rules.priorityExcludesTransfersFrom.source.frenchDescription)",
            "Parts QPV \(data.rules.qpvSharesExcludeTransfers.value ? "hors mutations" : "mutations incluses") : "
                + data.rules.qpvSharesExcludeTransfers.source.frenchDescription,
        ]
        return ReportSection(heading: "8. Sources, règles et incohérences",
                             paragraphs: rules + (flagged.isEmpty ? ["Aucune incohérence relevée dans les chiffres publiés."]
                                                                  : ["Incohérences des chiffres publiés, conservés tels quels :"] + flagged))
    }
}
