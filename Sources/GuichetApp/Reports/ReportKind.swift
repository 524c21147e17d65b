import GuichetCore
import GuichetReports

/// The catalogue of reports (brief §8, §9): one list for the Exports section, the Budget
/// section's export and `guichet report`. The raw value is the command line's name.
public enum ReportKind: String, CaseIterable, Sendable {
    case bilanPLH = "bilan-plh", programmes, conventions, cia, dossiers, requests, rgpd

    public var title: String {
        switch self {
        case .bilanPLH: "Bilan du PLH"
        case .programmes: "Programmes de logement social"
        case .conventions: "Conventions avec les bailleurs"
        case .cia: "Bilan de la CIA (registre des attributions)"
        case .dossiers: "Liste des dossiers d’aide"
        case .requests: "Demandes de logement classées par cotation"
        case .rgpd: "Export RGPD des données d’un demandeur"
        }
    }

    public var summary: String {
        switch self {
        case .bilanPLH: "Synthèse budgétaire, enveloppes engagées et payées par dispositif, puis bilan par action (leviers, indicateurs de résultat, moyens) ; en PDF une partie par action, en tableur des tableaux à filtrer."
        case .programmes: "Production financée et réhabilitations, par année, produit et pôle (année de financement)."
        case .conventions: "Objectif, résultat et écart par bailleur et par année."
        case .cia: "Obligations de la convention intercommunale d’attribution recalculées sur le registre, à côté des chiffres publiés (une année, ou toutes)."
        case .dossiers: "Tous les dossiers d’aide (année de leur numéro) ; la version anonymisée ne montre ni nom, ni adresse, ni date de naissance."
        case .requests: "Demandes actives dans l’ordre de la cotation ; la version anonymisée ne montre ni nom ni numéro de demande."
        case .rgpd: "Tout ce qui est enregistré sur une personne (dossiers où elle apparaît, historique), en PDF, pour répondre à une demande d’accès."
        }
    }

    public var usesYear: Bool { [.bilanPLH, .programmes, .conventions, .cia, .dossiers].contains(self) }
    public var usesAnonymised: Bool { self == .dossiers || self == .requests }
    public var usesApplicant: Bool { self == .rgpd }
    /// Formats the report can be written in.
    public var formats: [ReportFormat] { self == .rgpd ? [.pdf] : [.pdf, .csv, .ods] }

    /// Suggested file name without extension.
    /// The file name a save proposes, dated with the day of the export (the injected clock's):
    /// « bilan-plh-2026-12-03 », « dossiers-2026-12-03 ».
    public func stem(year: Int?, anonymised: Bool, on day: CalendarDate) -> String {
        stem(year: year, anonymised: anonymised) + "-" + day.iso
    }

    public func stem(year: Int?, anonymised: Bool) -> String {
        let base = switch self {
        case .bilanPLH: "bilan-plh"
        case .programmes: "programmes"
        case .conventions: "conventions"
        case .cia: "bilan-cia"
        case .dossiers: "dossiers"
        case .requests: "demandes-classees"
        case .rgpd: "donnees-personnelles"
        }
        return base + (usesYear ? year.map { "-\($0)" } ?? "" : "") + (usesAnonymised && anonymised ? "-anonymise" : "")
    }
}

/// What a report is asked with: its kind and the options it uses (the others are ignored).
public struct ReportRequest: Sendable {
    public var kind: ReportKind
    /// bilan-plh: the year (nil: the whole PLH period); programmes: financing year; conventions:
    /// year of the review; dossiers: year of the number.
    public var year: Int?
    /// dossiers, requests: the committees' variant without names.
    public var anonymised: Bool
    /// dossiers: the list's filters (its `year` is `year` above).
    public var dossiers: DossierQuery
    /// requests: commune and typology.
    public var ranking: RankingFilter
    /// rgpd: the person's name.
    public var applicant: String?
    /// Files read instead of the database (a table received by mail, published results, scored
    /// requests), so a report can be produced before the data is imported.
    public var sources: ReportSources
    /// Date of issue (default: today).
    public var date: CalendarDate?
    /// bilan-plh: the mid-term review (the PLH's first year to `year`) instead of the yearly one.
    public var midTerm: Bool
    /// "Document de travail" (default) or "Version définitive", on every page of the PDF.
    public var status: ReportStatus

    public init(_ kind: ReportKind, year: Int? = nil, anonymised: Bool = false, dossiers: DossierQuery = DossierQuery(),
                ranking: RankingFilter = RankingFilter(), applicant: String? = nil, sources: ReportSources = ReportSources(),
                date: CalendarDate? = nil, midTerm: Bool = false, status: ReportStatus = .draft) {
        self.midTerm = midTerm
        self.kind = kind; self.year = year; self.anonymised = anonymised; self.dossiers = dossiers
        self.ranking = ranking; self.applicant = applicant; self.sources = sources; self.date = date; self.status = status
    }
}

/// Input files of reports, by path.
public struct ReportSources: Sendable {
    /// programmes: the construction and rehabilitation tables (CSV).
    public var construction: String?
    public var rehabilitation: String?
    /// conventions: published results (JSON).
    public var results: String?
    /// requests: requests to score now (JSON).
    public var requests: String?

    public init(construction: String? = nil, rehabilitation: String? = nil, results: String? = nil, requests: String? = nil) {
        self.construction = construction; self.rehabilitation = rehabilitation; self.results = results; self.requests = requests
    }
}

/// An input file that cannot be read or understood, named with the reason.
public struct UnreadableInput: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The formats reports are written in, for front ends that know reports only through this layer.
public typealias ReportFormat = GuichetReports.ReportFormat
/// "Document de travail" / "Version définitive".
public typealias ReportStatus = GuichetReports.ReportStatus
