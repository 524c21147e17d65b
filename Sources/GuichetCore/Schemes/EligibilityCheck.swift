/// A condition the dossier does not meet, said so that an agent can read it to the applicant.
public struct UnmetCondition: Sendable, Equatable {
    /// The condition kind ("builtBefore"…), or "applicant" / "plhAction".
    public var condition: String
    public var message: String
    /// False: a point to check, not blocking the grant.
    public var mandatory: Bool
}

public struct EligibilityResult: Sendable, Equatable {
    public var unmet: [UnmetCondition]
    public var breakdown: AmountBreakdown

    public var isEligible: Bool { !unmet.contains { $0.mandatory } }
    public var blocking: [UnmetCondition] { unmet.filter(\.mandatory) }
    public var warnings: [UnmetCondition] { unmet.filter { !$0.mandatory } }
    public var computedAmount: Money { breakdown.total }
}

/// The rules engine: checks a dossier against its scheme and computes the aid.
public enum EligibilityCheck {
    /// `date` is the day of the check; the application date (`receivedOn`) is used instead when known.
    public static func evaluate(_ d: AidDossier, scheme: AidScheme, on date: CalendarDate) -> EligibilityResult {
        var unmet: [UnmetCondition] = []
        if !scheme.applicants.contains(d.applicant.kind) {
            unmet.append(UnmetCondition(condition: "applicant", message:
                "Ce dispositif est réservé aux demandeurs suivants : \(scheme.applicants.map(\.label).joined(separator: ", ")) ; le demandeur est « \(d.applicant.kind.label) ».",
                mandatory: true))
        }
        if !scheme.actions.contains(d.plhAction) {
            unmet.append(UnmetCondition(condition: "plhAction", message:
                "L'action \(d.plhAction) du PLH ne relève pas de ce dispositif (actions \(scheme.actions.map(String.init).joined(separator: ", "))).",
                mandatory: true))
        }
        let applicationDate = d.receivedOn ?? date
        for c in scheme.conditions {
            if let message = check(c, d, applicationDate) {
                unmet.append(UnmetCondition(condition: c.kind, message: message, mandatory: c.isMandatory))
            }
        }
        return EligibilityResult(unmet: unmet, breakdown: scheme.computeAmount(for: d))
    }

    private static func money(_ m: Money) -> String { FrenchFormat.money(m) }

    /// The French sentence for an unmet condition, nil when met.
    static func check(_ c: SchemeCondition, _ d: AidDossier, _ day: CalendarDate) -> String? {
        let p = d.property, f = d.facts
        switch c.knownKind {
        case nil:
            return "Condition « \(c.kind) » inconnue : à vérifier par l'agent."
        case .communeCoFunding:
            guard let m = f.communeCoFunding, m.cents > 0 else {
                return "La commune doit cofinancer le projet : le montant de son abondement n'est pas renseigné."
            }
            return nil
        case .builtBefore:
            let limit = c.date!
            switch p.builtBefore(limit) {
            case nil: return "La date de construction du logement n'est pas renseignée (il doit avoir été construit avant le \(limit))."
            case true?: return nil
            case false?:
                let when = p.builtOn.map { "le \($0)" } ?? p.buildYear.map { "en \($0)" } ?? ""
                return "Le logement doit avoir été construit avant le \(limit) ; il a été construit \(when)."
            }
        case .minimumWorks:
            let min = c.amount!
            guard let w = f.worksAmount else { return "Le montant des travaux n'est pas renseigné (au moins \(money(min)) TTC)." }
            return w >= min ? nil : "Les travaux doivent atteindre au moins \(money(min)) TTC ; le devis s'élève à \(money(w))."
        case .presentedToEPCI:
            guard let pres = f.epciPresentationDate else {
                return "Le projet doit avoir été présenté à l'agglomération avant la demande : aucune date de présentation n'est renseignée."
            }
            return pres <= day ? nil : "Le projet doit avoir été présenté à l'agglomération avant la demande (présenté le \(pres), demande du \(day))."
        case .operationSizeAbove:
            let k = c.count!
            return p.dwellings > k ? nil : "L'opération doit compter plus de \(k) logements ; elle en compte \(p.dwellings)."
        case .adaptedWhenAbove:
            let k = c.count!, min = c.minimum ?? 1
            guard p.dwellings > k, p.adaptedDwellings < min else { return nil }
            return "Une opération de plus de \(k) logements doit comporter au moins \(min) logement\(min > 1 ? "s" : "") adapté\(min > 1 ? "s" : "") (senior / PMR) ; elle en compte \(p.adaptedDwellings)."
        case .pmrAdapted:
            let min = c.minimum ?? 1
            return p.adaptedDwellings >= min ? nil : "Au moins \(min) logement\(min > 1 ? "s" : "") adapté\(min > 1 ? "s" : "") PMR \(min > 1 ? "sont attendus" : "est attendu") ; l'opération en compte \(p.adaptedDwellings)."
        case .pslaIncome:
            guard let h = d.applicant.household, let income = h.yearlyIncome else {
                return "Le revenu fiscal de référence du ménage n'est pas renseigné (plafonds PSLA)."
            }
            guard let ceiling = c.pslaCeiling(size: h.size) else { return "Plafond PSLA introuvable pour un ménage de \(h.size) personne(s)." }
            return income <= ceiling ? nil : "Les ressources du ménage (\(money(income))) dépassent le plafond PSLA pour \(h.size) personne\(h.size > 1 ? "s" : "") (\(money(ceiling)))."
        case .longVacancy:
            let k = c.count!
            guard let since = p.vacantSince else { return "La date de début de vacance n'est pas renseignée (au moins \(k) mois de vacance)." }
            let months = since.wholeMonths(until: day)
            return months >= k ? nil : "Le logement doit être vacant depuis au moins \(k) mois ; il l'est depuis \(max(0, months)) mois."
        }
    }
}
