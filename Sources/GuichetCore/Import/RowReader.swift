/// Reads data rows of one table into programmes, remembering their figures for the total rows.
struct RowReader {
    enum Parsed { case construction(ConstructionProgramme), rehabilitation(RehabilitationProgramme) }

    static let moneyFields: Set<ProgrammeField> = [.stateSubsidy, .epciSubsidy]
    static let countFields: [ProgrammeField] = [.plus, .plai, .plaiAdapte, .pls, .total, .t1, .t2, .t3, .t4, .t5Plus, .dwellings]

    let columns: [SourceColumn]
    let directory: LandlordDirectory
    let kind: ProgrammeTableKind
    /// Figures of every imported row, in order: year and value per field (cents for money).
    private(set) var figures: [(year: Int?, values: [ProgrammeField: Int64])] = []

    init(columns: [SourceColumn], directory: LandlordDirectory, kind: ProgrammeTableKind) {
        self.columns = columns; self.directory = directory; self.kind = kind
    }

    private func column(_ field: ProgrammeField) -> SourceColumn? { columns.first { $0.field == field } }

    private func cell(_ record: DelimitedText.Record, _ field: ProgrammeField) -> String? {
        guard let c = column(field) else { return nil }
        return c.index <= record.cells.count ? record.cells[c.index - 1] : ""
    }

    /// A cell through `reader`; notProvided when the column is absent; a warning when doubtful.
    private func value<V>(_ record: DelimitedText.Record, _ field: ProgrammeField, _ reader: (String) -> SourceValue<V>,
                          _ issues: inout [ImportIssue]) -> SourceValue<V> {
        guard let text = cell(record, field) else { return .notProvided }
        let v = reader(text)
        if v.doubtful {
            let message = v.value.map { "valeur douteuse « \(text.trimmingSpaces()) » : \($0) retenu, marqué douteux" }
                ?? "valeur illisible « \(text.trimmingSpaces()) » : laissée inconnue"
            issues.append(ImportIssue(.warning, line: record.line, column: column(field), message))
        }
        return v
    }

    mutating func read(_ record: DelimitedText.Record, issues: inout [ImportIssue]) -> (key: String, programme: Parsed)? {
        if record.cells.count > columns.count,
           record.cells[columns.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
            issues.append(ImportIssue(.warning, line: record.line, "cellules au-delà de la dernière colonne ignorées"))
        }
        let commune = cell(record, .commune)?.trimmingSpaces() ?? ""
        let name = cell(record, .programme)?.trimmingSpaces() ?? ""
        var fatal = false
        for (field, text) in [(ProgrammeField.commune, commune), (.programme, name)] where text.isEmpty {
            issues.append(ImportIssue(.error, line: record.line, column: column(field), "\(field.label) manquant(e) : ligne ignorée"))
            fatal = true
        }
        if fatal { return nil }

        var insee: InseeCode?
        if let text = cell(record, .inseeCode), !text.trimmingSpaces().isEmpty {
            do { insee = try InseeCode(text) } catch {
                issues.append(ImportIssue(.warning, line: record.line, column: column(.inseeCode), "\(error.message) : ignoré"))
            }
        }
        let landlordName = cell(record, .landlord)?.trimmingSpaces() ?? ""
        let landlord = directory.match(landlordName)
        if landlordName.isEmpty {
            issues.append(ImportIssue(.error, line: record.line, column: column(.landlord), "bailleur manquant"))
        } else if landlord == nil {
            issues.append(ImportIssue(.error, line: record.line, column: column(.landlord),
                "bailleur inconnu « \(landlordName) » : ligne importée sans bailleur, ajouter ce nom aux alias du bailleur"))
        }
        let year = value(record, .financingYear, CellReader.year, &issues)
        if !year.isKnown && !year.doubtful {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.financingYear), "année de financement vide"))
        }
        let state = value(record, .stateSubsidy, CellReader.money, &issues)
        let epci = value(record, .epciSubsidy, CellReader.money, &issues)
        let key = ProgrammeKey.natural(kind: kind, year: year, commune: commune, name: name)

        var numbers: [ProgrammeField: Int64] = [:]
        if let c = state.value { numbers[.stateSubsidy] = c.cents }
        if let c = epci.value { numbers[.epciSubsidy] = c.cents }
        func count(_ field: ProgrammeField, _ issues: inout [ImportIssue]) -> SourceValue<Int> {
            let v = value(record, field, CellReader.count, &issues)
            if let n = v.value { numbers[field] = Int64(n) }
            return v
        }

        let parsed: Parsed
        switch kind {
        case .construction:
            let typologies = Typologies(t1: count(.t1, &issues), t2: count(.t2, &issues), t3: count(.t3, &issues),
                                        t4: count(.t4, &issues), t5Plus: count(.t5Plus, &issues))
            let p = ConstructionProgramme(
                commune: commune, inseeCode: insee, name: name, landlordId: landlord?.id, landlordName: landlordName,
                financingYear: year, plus: count(.plus, &issues), plai: count(.plai, &issues),
                plaiAdapte: count(.plaiAdapte, &issues), pls: count(.pls, &issues), totalAsGiven: count(.total, &issues),
                stateSubsidy: state, epciSubsidy: epci,
                projectManagement: value(record, .projectManagement, CellReader.projectManagement, &issues),
                worksKind: value(record, .worksKind, CellReader.worksKind, &issues),
                typologies: typologies, status: cell(record, .status).map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 })
            if p.totalDisagreesWithParts {
                issues.append(ImportIssue(.warning, line: record.line, column: column(.total),
                    "total indiqué \(p.totalAsGiven.value!) différent de PLUS + PLAI + PLS = \(p.sumOfParts!) : conservé tel quel"))
            }
            if let a = p.plaiAdapte.value, let b = p.plai.value, a > b {
                issues.append(ImportIssue(.warning, line: record.line, column: column(.plaiAdapte),
                    "\(a) PLAI adaptés pour \(b) PLAI : les PLAI adaptés font partie des PLAI"))
            }
            parsed = .construction(p)
        case .rehabilitation:
            let operation = cell(record, .operationType)?.trimmingSpaces()
            let p = RehabilitationProgramme(
                commune: commune, inseeCode: insee, name: name, landlordId: landlord?.id, landlordName: landlordName,
                operationType: operation.flatMap { $0.isEmpty ? nil : $0 }, financingYear: year,
                dwellings: count(.dwellings, &issues),
                status: value(record, .status, CellReader.rehabilitationStatus, &issues),
                stateSubsidy: state, epciSubsidy: epci,
                labelBefore: value(record, .labelBefore, CellReader.label, &issues),
                labelAfter: value(record, .labelAfter, CellReader.label, &issues))
            parsed = .rehabilitation(p)
        }
        figures.append((year.value, numbers))
        return (key, parsed)
    }

    /// Compares a "TOTAL" row with the rows of its year ("TOTAL 2022" or a year cell), else with
    /// the rows since the previous total row or all rows above, whichever it matches.
    func checkTotal(_ record: DelimitedText.Record, report: ImportReport, sectionStart: Int) -> TotalRowCheck {
        let label = record.cells.first?.trimmingSpaces() ?? ""
        let yearInLabel = label.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first { (1900...2100).contains($0) }
        let year = yearInLabel ?? cell(record, .financingYear).flatMap { CellReader.year($0).value }
        var given: [ProgrammeField: Int64] = [:]
        for c in columns {
            guard let field = c.field, c.index <= record.cells.count else { continue }
            let text = record.cells[c.index - 1]
            if RowReader.moneyFields.contains(field) {
                if let m = CellReader.money(text).value { given[field] = m.cents }
            } else if RowReader.countFields.contains(field), let n = CellReader.count(text).value {
                given[field] = Int64(n)
            }
        }
        func compare(_ rows: ArraySlice<(year: Int?, values: [ProgrammeField: Int64])>) -> [TotalRowCheck.Comparison] {
            given.keys.sorted { $0.rawValue < $1.rawValue }.map { field in
                TotalRowCheck.Comparison(field: field, given: given[field]!,
                                         computed: rows.reduce(0) { $0 + ($1.values[field] ?? 0) })
            }
        }
        if let year {
            let rows = figures.filter { $0.year == year }
            return TotalRowCheck(line: record.line, label: label, scope: .year(year), comparisons: compare(rows[...]))
        }
        let section = TotalRowCheck(line: record.line, label: label, scope: .section, comparisons: compare(figures[sectionStart...]))
        let all = TotalRowCheck(line: record.line, label: label, scope: .allRowsAbove, comparisons: compare(figures[...]))
        if sectionStart == 0 || all.matches { return all }
        return section
    }
}
