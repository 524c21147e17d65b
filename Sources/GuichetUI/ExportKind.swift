import GuichetReports

/// The reports the Exports section offers (brief §8, §9), with what each one needs.
enum ExportKind: CaseIterable {
    case bilanPLH, programmes, conventions, dossiers, requests, rgpd

    var title: String {
        switch self {
        case .bilanPLH: "Bilan du PLH"
        case .programmes: "Programmes de logement social"
        case .conventions: "Conventions avec les bailleurs"
        case .dossiers: "Liste des dossiers d’aide"
        case .requests: "Demandes de logement classées par cotation"
        case .rgpd: "Export RGPD des données d’un demandeur"
        }
    }

    var summary: String {
        switch self {
        case .bilanPLH: "Synthèse budgétaire par action, enveloppes engagées et payées par dispositif, pour une année ou toute la période du PLH."
        case .programmes: "Production financée et réhabilitations, par année, produit et pôle (année de financement)."
        case .conventions: "Objectif, résultat et écart par bailleur et par année."
        case .dossiers: "Tous les dossiers d’aide (année de leur numéro) ; la version anonymisée ne montre ni nom, ni adresse, ni date de naissance."
        case .requests: "Demandes actives dans l’ordre de la cotation ; la version anonymisée ne montre ni nom ni numéro de demande."
        case .rgpd: "Tout ce qui est enregistré sur une personne (dossiers où elle apparaît, historique), en PDF, pour répondre à une demande d’accès."
        }
    }

    var usesYear: Bool { [.bilanPLH, .programmes, .conventions, .dossiers].contains(self) }
    var usesAnonymised: Bool { self == .dossiers || self == .requests }
    var usesApplicant: Bool { self == .rgpd }
    /// Formats the report can be written in.
    var formats: [ReportFormat] { self == .rgpd ? [.pdf] : [.pdf, .csv, .ods] }

    /// Suggested file name without extension.
    func stem(year: Int?, anonymised: Bool) -> String {
        let base = switch self {
        case .bilanPLH: "bilan-plh"
        case .programmes: "programmes"
        case .conventions: "conventions"
        case .dossiers: "dossiers"
        case .requests: "demandes-classees"
        case .rgpd: "donnees-personnelles"
        }
        return base + (usesYear ? year.map { "-\($0)" } ?? "" : "") + (usesAnonymised && anonymised ? "-anonymise" : "")
    }
}
