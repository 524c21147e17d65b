/// Computes the derived measures of the PLH's sheets from the product's data, year by year.
/// Pure: everything comes in `PLHReviewData`; every figure keeps the records it counts.
public struct PLHIndicatorEngine: Sendable {
    public let data: PLHReviewData
    public let groups: CommuneGroups?
    /// Article 55 of the SRU law as the profile states it (default: the CABBALR rules' figures).
    public let sru: ProgrammeRules.SruRule
    /// Schemes whose granted dossiers count as assisted ownership in territorialised targets.
    public let accessionSchemes: [String]
    let communes: CommuneFactsTable

    public init(data: PLHReviewData, groups: CommuneGroups?, sru: ProgrammeRules.SruRule?, accessionSchemes: [String]) {
        self.data = data
        self.groups = groups
        self.sru = sru ?? ProgrammeRules.cabbalr.sru
        self.accessionSchemes = accessionSchemes
        self.communes = CommuneFactsTable(data.communeFacts)
    }

    public func figure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        switch d.from {
        case .dossiers: dossierFigure(d, year: year)
        case .construction: constructionFigure(d, year: year)
        case .rehabilitation: rehabilitationFigure(d, year: year)
        case .allocations: allocationFigure(d, year: year)
        case .conventions: conventionFigure(d, year: year)
        case .requests: MeasureFigure(value: Int64(data.requestsByYear[year] ?? 0) * 100)
        case .territorialTargets: attainmentFigure(year: year)
        default: .noData("source inconnue « \(d.from.rawValue) »")
        }
    }

    func groupName(commune: String, inseeCode: String?) -> String {
        groups?.group(ofCommune: commune, inseeCode: inseeCode)?.name ?? "hors groupe"
    }

    // MARK: Dossiers

    /// The dossiers a measure counts in a year.
    public func dossiers(_ d: DerivedMeasure, year: Int) -> [DossierReviewFacts] {
        let schemes = Set(d.allSchemes)
        return data.dossiers.filter { (schemes.isEmpty || schemes.contains($0.scheme)) && $0.counts(in: year, at: d.effectiveStage) }
    }

    func dossierFigure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        var members: [FigureMember] = []
        var total: Int64 = 0
        var rows: [(DossierReviewFacts, Int64)] = []
        for f in dossiers(d, year: year) {
            let amount: Int64 = switch d.quantity {
            case .count: 100
            case .dwellings: Int64(f.dwellings) * 100
            case .households: f.householdApplicant ? 100 : 0
            case .adaptedDwellings: Int64(f.adaptedDwellings) * 100
            case .grantedAmount: f.grantedAmount.cents
            default: 0
            }
            guard amount > 0 || d.quantity == .count else { continue }
            total += amount
            rows.append((f, amount))
            let who = f.organisation ?? "ménage"
            members.append(FigureMember(kind: .dossier, key: f.number, label: "\(f.number) — \(who) — \(f.commune)", contribution: amount))
        }
        let splits = d.allBreakdowns.map { b in
            FigureSplit.grouping(b, rows.map { (f, amount) in
                let label: String = switch b {
                case .scheme: f.scheme
                case .ownerStatus: f.ownerStatus == "occupant" ? "propriétaires occupants" : f.ownerStatus == "landlord" ? "propriétaires bailleurs" : "statut non précisé"
                case .commune: f.commune
                case .communeGroup: groupName(commune: f.commune, inseeCode: f.inseeCode)
                case .applicant: f.organisation ?? "ménages"
                default: "—"
                }
                return (label, amount, f.number)
            })
        }
        return MeasureFigure(value: total, members: members, splits: splits)
    }

    // MARK: Programmes

    func isSruDeficit(commune: String, inseeCode: InseeCode?) -> Bool {
        guard let facts = communes.facts(commune: commune, inseeCode: inseeCode), let population = facts.population,
              let share = facts.socialHousingShare else { return false }
        return population > sru.populationAbove && share < sru.socialShareBelow
    }

    /// Construction programmes financed in `year` (forecasts left out), as a measure filters them.
    public func constructions(_ d: DerivedMeasure, year: Int) -> [ConstructionRecord] {
        data.constructions.filter { r in
            r.programme.effectivePeriod == .financed && r.programme.financingYear.value == year
                && (d.sruDeficit != true || isSruDeficit(commune: r.programme.commune, inseeCode: r.programme.inseeCode))
        }
    }

    func programmeLabel(name: String, commune: String, landlord: String) -> String { "\(name) — \(commune) — \(landlord)" }

    func landlordName(id: String?, asGiven: String) -> String { id.flatMap { data.landlordNames[$0] } ?? asGiven }

    func constructionFigure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        // A year the database holds no programme of (financed or forecast) is unknown, not zero.
        guard data.constructions.contains(where: { $0.programme.financingYear.value == year }) else {
            return .noData("aucun programme de construction enregistré pour \(year)")
        }
        let records = constructions(d, year: year)
        func count(_ p: ConstructionProgramme, _ q: DerivedQuantity) -> Int? {
            switch q {
            case .dwellings: p.dwellings
            case .plus: p.confirmedCount(p.plus)
            case .plai: p.confirmedCount(p.plai)
            case .plaiAdapte: p.confirmedCount(p.plaiAdapte)
            case .pls: p.confirmedCount(p.pls)
            default: nil
            }
        }
        var unknown = 0
        if d.quantity == .plaiShare {
            var plai = 0, plusPlai = 0
            var members: [FigureMember] = []
            for r in records {
                let p = r.programme
                guard let a = p.confirmedCount(p.plai), let b = p.confirmedCount(p.plus) else { unknown += 1; continue }
                plai += a; plusPlai += a + b
                members.append(FigureMember(kind: .construction, key: r.key, label: programmeLabel(name: p.name, commune: p.commune, landlord: landlordName(id: p.landlordId, asGiven: p.landlordName)),
                                            contribution: Int64(a) * 100))
            }
            let share = Percentage.ratio(plai, of: plusPlai)
            return MeasureFigure(value: share.map { Int64($0.basisPoints) }, members: members,
                                 note: share == nil ? "aucun PLUS ni PLAI financé dans l'année" : unknownNote(unknown))
        }
        var rows: [(ConstructionRecord, Int64)] = []
        for r in records {
            guard let n = count(r.programme, d.quantity) else { unknown += 1; continue }
            rows.append((r, Int64(n) * 100))
        }
        let members = rows.map { r, n in
            FigureMember(kind: .construction, key: r.key, label: programmeLabel(name: r.programme.name, commune: r.programme.commune,
                                                                               landlord: landlordName(id: r.programme.landlordId, asGiven: r.programme.landlordName)),
                         contribution: n)
        }
        let splits = d.allBreakdowns.map { b in constructionSplit(b, rows: rows) }
        return MeasureFigure(value: rows.reduce(0) { $0 + $1.1 }, members: members, splits: splits, note: unknownNote(unknown))
    }

    func unknownNote(_ unknown: Int) -> String? {
        unknown == 0 ? nil : unknown == 1 ? "1 programme au nombre de logements inconnu, non compté" : "\(unknown) programmes au nombre de logements inconnu, non comptés"
    }

    func constructionSplit(_ b: Breakdown, rows: [(ConstructionRecord, Int64)]) -> FigureSplit {
        switch b {
        case .product:
            var entries: [(String, Int64, String)] = []
            for (r, _) in rows {
                let p = r.programme
                for (label, v) in [("PLUS", p.confirmedCount(p.plus)), ("PLAI", p.confirmedCount(p.plai)), ("PLS", p.confirmedCount(p.pls))] {
                    entries.append((v == nil ? "financement inconnu" : label, Int64(v ?? 0) * 100, r.key))
                }
                if let a = p.confirmedCount(p.plaiAdapte), a > 0 { entries.append(("dont PLAI adaptés", Int64(a) * 100, r.key)) }
            }
            return .grouping(b, entries.filter { $0.1 > 0 })
        case .typology:
            var entries: [(String, Int64, String)] = []
            for (r, n) in rows {
                let t = r.programme.typologies
                guard t.isComplete else { entries.append(("typologie inconnue", n, r.key)); continue }
                for (label, v) in [("T1", t.t1), ("T2", t.t2), ("T3", t.t3), ("T4", t.t4), ("T5 et plus", t.t5Plus)] where (v.value ?? 0) > 0 {
                    entries.append((label, Int64(v.value!) * 100, r.key))
                }
            }
            return .grouping(b, entries)
        default:
            return .grouping(b, rows.map { r, n in
                let p = r.programme
                let label: String = switch b {
                case .commune: p.commune
                case .communeGroup: groupName(commune: p.commune, inseeCode: p.inseeCode?.value)
                case .landlord: landlordName(id: p.landlordId, asGiven: p.landlordName)
                case .projectManagement: p.projectManagement.value.map { $0 == .mod ? "MOD" : "VEFA" } ?? "non renseigné"
                case .worksKind: p.worksKind.value.map { $0 == .newBuild ? "construction neuve" : "acquisition-amélioration" } ?? "non renseigné"
                default: "—"
                }
                return (label, n, r.key)
            })
        }
    }

    public func rehabilitations(year: Int) -> [RehabilitationRecord] {
        data.rehabilitations.filter { $0.programme.effectivePeriod == .financed && $0.programme.financingYear.value == year }
    }

    func rehabilitationFigure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        guard data.rehabilitations.contains(where: { $0.programme.financingYear.value == year }) else {
            return .noData("aucun programme de réhabilitation enregistré pour \(year)")
        }
        var unknown = 0
        var rows: [(RehabilitationRecord, Int64)] = []
        for r in rehabilitations(year: year) {
            guard let n = r.programme.dwellings.value else { unknown += 1; continue }
            rows.append((r, Int64(n) * 100))
        }
        let members = rows.map { r, n in
            FigureMember(kind: .rehabilitation, key: r.key, label: programmeLabel(name: r.programme.name, commune: r.programme.commune,
                                                                                  landlord: landlordName(id: r.programme.landlordId, asGiven: r.programme.landlordName)),
                         contribution: n)
        }
        let splits = d.allBreakdowns.map { b in
            FigureSplit.grouping(b, rows.map { r, n in
                let p = r.programme
                let label: String = switch b {
                case .operationType: (p.operationType?.isEmpty ?? true) ? "non renseigné" : p.operationType!
                case .commune: p.commune
                case .communeGroup: groupName(commune: p.commune, inseeCode: p.inseeCode?.value)
                case .landlord: landlordName(id: p.landlordId, asGiven: p.landlordName)
                default: "—"
                }
                return (label, n, r.key)
            })
        }
        return MeasureFigure(value: rows.reduce(0) { $0 + $1.1 }, members: members, splits: splits, note: unknownNote(unknown))
    }

    // MARK: Allocations, agreements

    func allocationFigure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        let all = data.allocations.filter { $0.allocation.year == year }
        guard !all.isEmpty else { return .noData("aucune attribution de l'année au registre de la CIA") }
        let priority = all.filter { $0.allocation.isPriority }
        func member(_ r: AllocationRecord) -> FigureMember {
            FigureMember(kind: .allocation, key: r.key, label: "\(r.allocation.leaseDate.map(FrenchFormat.date) ?? "") — \(landlordName(id: r.allocation.landlordId, asGiven: r.allocation.landlordName)) — \(r.allocation.commune)",
                         contribution: 100)
        }
        switch d.quantity {
        case .priorityShare:
            return MeasureFigure(value: Percentage.ratio(priority.count, of: all.count).map { Int64($0.basisPoints) }, members: priority.map(member))
        default:
            let counted = d.quantity == .priority ? priority : all
            let splits = d.allBreakdowns.map { b in
                FigureSplit.grouping(b, counted.map { r in
                    (b == .landlord ? landlordName(id: r.allocation.landlordId, asGiven: r.allocation.landlordName) : r.allocation.commune, 100, r.key)
                })
            }
            return MeasureFigure(value: Int64(counted.count) * 100, members: counted.map(member), splits: splits)
        }
    }

    func conventionFigure(_ d: DerivedMeasure, year: Int) -> MeasureFigure {
        func name(_ c: Convention) -> String { data.landlordNames[c.landlordId] ?? c.landlordId }
        if d.quantity == .signed {
            let signed = data.conventions.filter { ($0.signedOn?.year ?? Int.max) <= year }
            let members = signed.map { c in
                FigureMember(kind: .convention, key: c.landlordId, label: "\(name(c)) — signée le \(FrenchFormat.date(c.signedOn!))", contribution: 100)
            }
            return MeasureFigure(value: Int64(signed.count) * 100, members: members,
                                 splits: d.allBreakdowns.map { b in .grouping(b, signed.map { (name($0), 100, $0.landlordId) }) })
        }
        let rows = data.conventions.compactMap { c in c.results.first { $0.year == year && $0.sales != nil }.map { (c, $0.sales!) } }
        guard !rows.isEmpty else { return .noData("aucun résultat de vente saisi dans les conventions pour l'année") }
        let members = rows.map { c, n in FigureMember(kind: .convention, key: c.landlordId, label: name(c), contribution: Int64(n) * 100) }
        return MeasureFigure(value: rows.reduce(0) { $0 + Int64($1.1) * 100 }, members: members,
                             splits: d.allBreakdowns.map { b in .grouping(b, rows.map { (name($0.0), Int64($0.1) * 100, $0.0.landlordId) }) })
    }

    // MARK: Territorialised targets

    /// Each target of a year with what was produced against it.
    public func attainments(year: Int) -> [TargetAttainment] {
        data.targets.filter { $0.year == year }.sorted { ($0.scope.label, $0.product.rawValue) < ($1.scope.label, $1.product.rawValue) }.map { t in
            attainment(t)
        }
    }

    func inScope(_ scope: TargetScope, commune: String, inseeCode: String?) -> Bool {
        switch scope.kind {
        case .commune:
            if let code = inseeCode, !code.isEmpty { return code == scope.id }
            return LooseName.key(commune) == LooseName.key(scope.name)
        case .group:
            return groups?.group(ofCommune: commune, inseeCode: inseeCode)?.id == scope.id
        }
    }

    public func attainment(_ t: TerritorialTarget) -> TargetAttainment {
        var members: [FigureMember] = []
        var produced: Int64 = 0
        if t.product == .accession {
            let schemes = Set(accessionSchemes)
            for f in data.dossiers where schemes.contains(f.scheme) && f.counts(in: t.year, at: .granted) && f.householdApplicant
                && inScope(t.scope, commune: f.commune, inseeCode: f.inseeCode) {
                produced += 100
                members.append(FigureMember(kind: .dossier, key: f.number, label: "\(f.number) — ménage — \(f.commune)", contribution: 100))
            }
        } else {
            let d = DerivedMeasure(from: .construction, quantity: t.product == .plus ? .plus : t.product == .plai ? .plai : .pls)
            for r in constructions(d, year: t.year) where inScope(t.scope, commune: r.programme.commune, inseeCode: r.programme.inseeCode?.value) {
                let p = r.programme
                let n = p.confirmedCount(t.product == .plus ? p.plus : t.product == .plai ? p.plai : p.pls) ?? 0
                guard n > 0 else { continue }
                produced += Int64(n) * 100
                members.append(FigureMember(kind: .construction, key: r.key, label: programmeLabel(name: p.name, commune: p.commune, landlord: landlordName(id: p.landlordId, asGiven: p.landlordName)),
                                            contribution: Int64(n) * 100))
            }
        }
        return TargetAttainment(target: t, produced: Int(produced / 100), members: members)
    }

    func attainmentFigure(year: Int) -> MeasureFigure {
        let rows = attainments(year: year)
        guard !rows.isEmpty else { return .noData("aucun objectif territorialisé saisi pour l'année") }
        let target = rows.reduce(0) { $0 + $1.target.dwellings }
        let produced = rows.reduce(0) { $0 + $1.produced }
        let split = FigureSplit(breakdown: .commune, items: rows.map { r in
            FigureSplit.Item(label: "\(r.target.scope.label) — \(r.target.product.label) : \(r.produced) / \(r.target.dwellings)",
                             value: Int64(r.share?.basisPoints ?? 0), members: r.members.map(\.key))
        })
        return MeasureFigure(value: Percentage.ratio(produced, of: target).map { Int64($0.basisPoints) }, members: rows.flatMap(\.members),
                             splits: [split])
    }
}

/// A territorialised target and what was produced against it.
public struct TargetAttainment: Codable, Sendable, Equatable {
    public var target: TerritorialTarget
    public var produced: Int
    public var members: [FigureMember]
    /// Produced / target; nil for a target of zero.
    public var share: Percentage? { Percentage.ratio(produced, of: target.dwellings) }
    public var gap: Int { produced - target.dwellings }
}
