/// Reads one data row of an allocation extract: each column through its cell reader; a cell
/// that does not read is left unknown with a warning at its line and column, and is not a fact
/// the row gives (it never overwrites a stored one).
struct AllocationRowReader {
    let columns: [AllocationColumn]
    let directory: LandlordDirectory
    let categories: [PriorityCategory]
    /// The landlord of every row (a landlord's own export), when given.
    let landlord: Landlord?
    /// A SYPLO export: every allocation is on the State contingent.
    let stateContingent: Bool

    private func column(_ f: AllocationField) -> AllocationColumn? { columns.first { $0.field == f } }

    private func cell(_ record: TableReading<AllocationField>.Record, _ f: AllocationField) -> String? {
        guard let c = column(f), c.index <= record.cells.count else { return nil }
        let t = record.cells[c.index - 1].trimmingSpaces()
        return t.isEmpty ? nil : t
    }

    mutating func read(_ record: TableReading<AllocationField>.Record, issues: inout [ImportIssue]) -> ImportedAllocation? {
        var given: Set<AllocationField> = []
        func unreadable(_ f: AllocationField, _ text: String, _ expected: String) {
            issues.append(ImportIssue(.warning, line: record.line, column: column(f)?.source,
                "« \(ImportText.cut(text, 40)) » illisible pour « \(f.label) » (\(expected)) : laissé inconnu"))
        }
        func read<V>(_ f: AllocationField, _ expected: String, _ parse: (String) -> V?) -> V? {
            guard let text = cell(record, f) else { return nil }
            guard let v = parse(text) else { unreadable(f, text, expected); return nil }
            given.insert(f)
            return v
        }
        let sne = read(.sneNumber, "numéro") { t in AllocationKey.sne(t) == nil ? nil : t }
        let cal = read(.calDecisionDate, "date JJ/MM/AAAA", AllocationCells.date)
        let lease = read(.leaseDate, "date JJ/MM/AAAA", AllocationCells.date)
        if let cal, let lease, lease < cal {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.leaseDate)?.source,
                "bail signé le \(FrenchFormat.date(lease)), avant la décision de la CAL du \(FrenchFormat.date(cal)) : conservé tel quel"))
        }
        var landlordId = landlord?.id
        var landlordName = landlord?.name ?? ""
        if let text = cell(record, .landlord) {
            given.insert(.landlord)
            landlordName = text
            landlordId = directory.match(text)?.id
            if landlordId == nil {
                issues.append(ImportIssue(.error, line: record.line, column: column(.landlord)?.source,
                    "bailleur inconnu « \(ImportText.cut(text, 60)) » : attribution importée sans bailleur reconnu ; "
                    + "ajoutez ce nom aux alias du bailleur (guichet landlords alias) puis réimportez"))
            }
        } else if landlord != nil {
            given.insert(.landlord)
        } else if column(.landlord) != nil {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.landlord)?.source, "bailleur vide"))
        }
        let holderName = cell(record, .reservationHolderName)
        var holder = read(.reservationHolder, "État, commune, Action Logement, EPCI, Département, bailleur…") {
            AllocationCells.holder($0, name: holderName)
        }
        if holder == nil, let holderName, column(.reservationHolder) == nil {
            holder = ReservationHolder(kind: .commune, name: holderName)
            given.insert(.reservationHolder)
        }
        if holder != nil, holderName != nil { given.insert(.reservationHolderName) }
        if stateContingent && holder == nil {
            holder = ReservationHolder(kind: .state)
            given.insert(.reservationHolder)
        }
        let commune = cell(record, .commune) ?? ""
        if !commune.isEmpty { given.insert(.commune) }
        let insee: InseeCode? = read(.inseeCode, "code INSEE de 5 caractères") { try? InseeCode($0) }
        let qpv = read(.inQPV, "oui / non, « hors QPV », « en QPV » ou code du QPV", AllocationCells.qpv)
        var qpvName = cell(record, .qpvName)
        if qpvName != nil { given.insert(.qpvName) }
        if qpvName == nil, let named = qpv?.name { qpvName = named; given.insert(.qpvName) }
        if qpvName != nil, qpv?.inQPV == false {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.qpvName)?.source,
                "nom de QPV donné pour un logement hors QPV : conservé tel quel"))
        }
        let typology = read(.typology, "T1 à T5 et plus", AllocationCells.typology)
        let size = read(.householdSize, "nombre de personnes de 1 à 20", AllocationCells.householdSize)
        let resources = read(.resourcesPerUC, "montant en euros par an et par UC") { t -> Money? in
            guard let m = CellReader.money(t).value, !m.isNegative, m.cents <= 100_000_000 else { return nil }
            return m
        }
        let quartile = read(.quartile, "quartile de 1 à 4", AllocationCells.quartile)
        var priority = read(.priority, "oui / non", AllocationCells.flag)
        var labels: [PriorityLabel] = []
        if let dalo = read(.dalo, "oui / non", AllocationCells.flag), dalo {
            labels.append(PriorityLabel(basis: .dalo, categoryId: "dalo", text: "DALO"))
        }
        if let text = cell(record, .syploLabel) {
            given.insert(.syploLabel)
            if let f = AllocationCells.flag(text) {
                if f { labels.append(PriorityLabel(basis: .syplo)) }
            } else {
                let c = AllocationCells.category(text, in: categories)
                labels.append(PriorityLabel(basis: .syplo, categoryId: c?.id, text: text))
            }
        }
        if let text = cell(record, .ciaCategory) {
            given.insert(.ciaCategory)
            if AllocationCells.flag(text) != false {
                let c = AllocationCells.category(text, in: categories)
                labels.append(PriorityLabel(basis: .cia, categoryId: c?.id, text: text))
            }
        }
        if priority == false && !labels.isEmpty {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.priority)?.source,
                "ménage dit non prioritaire mais avec un motif de priorité (\(labels.map(\.basis.label).joined(separator: ", "))) : compté prioritaire"))
        }
        if priority == nil && !labels.isEmpty { priority = true; given.insert(.priority) }
        let transfer = read(.transfer, "mutation / première attribution, oui / non", AllocationCells.transfer)
        let anru = read(.anruRehousing, "oui / non", AllocationCells.flag)
        guard !given.isEmpty else { return nil }
        if cal == nil && lease == nil && (column(.calDecisionDate) != nil || column(.leaseDate) != nil) {
            issues.append(ImportIssue(.warning, line: record.line,
                "ni date de décision de la CAL ni date de bail : attribution importée, comptée dans aucune année"))
        }
        if commune.isEmpty && column(.commune) != nil {
            issues.append(ImportIssue(.warning, line: record.line, column: column(.commune)?.source, "commune vide"))
        }
        let allocation = Allocation(
            sneNumber: sne, calDecisionDate: cal, leaseDate: lease, landlordId: landlordId, landlordName: landlordName,
            reservationHolder: holder, commune: commune, inseeCode: insee, inQPV: qpv?.inQPV, qpvName: qpvName,
            typology: typology, householdSize: size, resourcesPerUC: resources, quartile: quartile, priority: priority,
            priorityLabels: labels, transfer: transfer, anruRehousing: anru ?? false)
        return ImportedAllocation(line: record.line, key: "", allocation: allocation, fields: given)
    }
}
