/// Reads data rows of a programme table into programmes, and their figures for the TOTAL rows.
struct RowReader {
    enum Parsed { case construction(ConstructionProgramme), rehabilitation(RehabilitationProgramme) }
    struct Row {
        var line: Int
        var programme: Parsed
        /// The row's own period (from its status), nil when it says nothing.
        var statusPeriod: ProgrammePeriod?
        var figures: [ProgrammeField: Int64]
    }

    let columns: [ProgrammeField: ProgrammeColumn]
    let columnCount: Int
    let directory: LandlordDirectory
    let kind: ProgrammeTableKind
    let limits: ImportLimits

    init(columns: [ProgrammeColumn], directory: LandlordDirectory, kind: ProgrammeTableKind, limits: ImportLimits) {
        var byField: [ProgrammeField: ProgrammeColumn] = [:]
        for c in columns { if let f = c.field { byField[f] = c } }
        self.columns = byField; columnCount = columns.count
        self.directory = directory; self.kind = kind; self.limits = limits
    }

    private func cell(_ cells: [String], _ field: ProgrammeField) -> String? {
        guard let c = columns[field] else { return nil }
        return c.index <= cells.count ? cells[c.index - 1] : ""
    }

    /// A cell through `reader`; notProvided when the column is absent; a warning when doubtful.
    private func value<V>(_ cells: [String], line: Int, _ field: ProgrammeField, _ reader: (String) -> SourceValue<V>,
                          _ issues: inout [ImportIssue]) -> SourceValue<V> {
        guard let text = cell(cells, field) else { return .notProvided }
        let v = reader(text)
        if v.doubtful {
            let shown = ImportText.cut(text.trimmingSpaces(), 40)
            let message = v.value.map { "valeur douteuse « \(shown) » : \($0) retenu, marqué douteux" }
                ?? "valeur illisible « \(shown) » : laissée inconnue"
            issues.append(ImportIssue(.warning, line: line, column: columns[field]?.source, message))
        }
        return v
    }

    /// A money or count cell within the limits: beyond them (or a negative subsidy) an error, the value unknown.
    private func checked<V>(_ cells: [String], line: Int, _ field: ProgrammeField,
                            _ reader: (String) -> (SourceValue<V>, problem: String?), _ issues: inout [ImportIssue]) -> SourceValue<V> {
        guard let text = cell(cells, field) else { return .notProvided }
        let (v, problem) = reader(text)
        if let problem {
            issues.append(ImportIssue(.error, line: line, column: columns[field]?.source, problem))
            return v
        }
        return value(cells, line: line, field, { _ in v }, &issues)
    }

    func read(_ record: TableReading<ProgrammeField>.Record, issues: inout [ImportIssue]) -> Row {
        let cells = record.cells, line = record.line
        if cells.count > columnCount, cells[columnCount...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
            issues.append(ImportIssue(.warning, line: line, "cellules au-delà de la dernière colonne ignorées"))
        }
        let commune = String((cell(cells, .commune)?.trimmingSpaces() ?? "").prefix(200))
        var name = String((cell(cells, .programme)?.trimmingSpaces() ?? "").prefix(500))
        if commune.isEmpty {
            issues.append(ImportIssue(.warning, line: line, column: columns[.commune]?.source,
                "commune manquante : ligne importée, commune à compléter"))
        }
        if name.isEmpty {
            name = "sans nom (ligne \(line))"
            issues.append(ImportIssue(.warning, line: line, column: columns[.programme]?.source,
                "programme sans nom : importé sous « \(name) », nom à compléter"))
        }
        var insee: InseeCode?
        if let text = cell(cells, .inseeCode), !text.trimmingSpaces().isEmpty {
            do { insee = try InseeCode(String(text.prefix(20))) } catch {
                issues.append(ImportIssue(.warning, line: line, column: columns[.inseeCode]?.source, "\(error.message) : ignoré"))
            }
        }
        let landlordName = String((cell(cells, .landlord)?.trimmingSpaces() ?? "").prefix(200))
        let landlord = directory.match(landlordName)
        if landlordName.isEmpty {
            issues.append(ImportIssue(.error, line: line, column: columns[.landlord]?.source, "bailleur manquant"))
        } else if landlord == nil {
            issues.append(ImportIssue(.error, line: line, column: columns[.landlord]?.source,
                "bailleur inconnu « \(ImportText.cut(landlordName, 60)) » : ligne importée sans bailleur, ajouter ce nom aux alias du bailleur"))
        }
        let year = value(cells, line: line, .financingYear, CellReader.year, &issues)
        if !year.isKnown && !year.doubtful {
            issues.append(ImportIssue(.warning, line: line, column: columns[.financingYear]?.source, "année de financement vide"))
        }
        let money = { (t: String) in CellReader.money(t, limits: limits, allowNegative: false) }
        let state = checked(cells, line: line, .stateSubsidy, money, &issues)
        let epci = checked(cells, line: line, .epciSubsidy, money, &issues)

        var figures: [ProgrammeField: Int64] = [:]
        if let c = state.value { figures[.stateSubsidy] = c.cents }
        if let c = epci.value { figures[.epciSubsidy] = c.cents }
        func count(_ field: ProgrammeField, _ issues: inout [ImportIssue]) -> SourceValue<Int> {
            let v = checked(cells, line: line, field, { CellReader.count($0, limits: limits) }, &issues)
            if let n = v.value { figures[field] = Int64(n) }
            return v
        }
        let statusText = cell(cells, .status).map { String($0.trimmingSpaces().prefix(200)) }.flatMap { $0.isEmpty ? nil : $0 }
        let statusPeriod = statusText.flatMap { CellReader.rehabilitationStatus($0).value }.map(ProgrammePeriod.from(status:))
            ?? statusText.flatMap(ProgrammePeriod.from(label:))

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
                projectManagement: value(cells, line: line, .projectManagement, CellReader.projectManagement, &issues),
                worksKind: value(cells, line: line, .worksKind, CellReader.worksKind, &issues),
                typologies: typologies, status: statusText)
            if p.totalDisagreesWithParts {
                issues.append(ImportIssue(.warning, line: line, column: columns[.total]?.source,
                    "total indiqué \(p.totalAsGiven.value!) différent de PLUS + PLAI + PLS = \(p.sumOfParts!) : conservé tel quel"))
            }
            if let a = p.plaiAdapte.value, let b = p.plai.value, a > b {
                issues.append(ImportIssue(.warning, line: line, column: columns[.plaiAdapte]?.source,
                    "\(a) PLAI adaptés pour \(b) PLAI : les PLAI adaptés font partie des PLAI"))
            }
            parsed = .construction(p)
        case .rehabilitation:
            let operation = cell(cells, .operationType).map { String($0.trimmingSpaces().prefix(200)) }
            let p = RehabilitationProgramme(
                commune: commune, inseeCode: insee, name: name, landlordId: landlord?.id, landlordName: landlordName,
                operationType: operation.flatMap { $0.isEmpty ? nil : $0 }, financingYear: year,
                dwellings: count(.dwellings, &issues),
                status: value(cells, line: line, .status, CellReader.rehabilitationStatus, &issues),
                stateSubsidy: state, epciSubsidy: epci,
                labelBefore: value(cells, line: line, .labelBefore, CellReader.label, &issues),
                labelAfter: value(cells, line: line, .labelAfter, CellReader.label, &issues))
            parsed = .rehabilitation(p)
        }
        return Row(line: line, programme: parsed, statusPeriod: statusPeriod, figures: figures)
    }
}
