/// A condition the dossier does not meet, said so that an agent can read it to the applicant.
public struct UnmetCondition: Sendable, Equatable {
    /// The condition id ("builtBefore"…), or "applicant" / "plhAction".
    public var condition: String
    public var message: String
    /// False: a point to check, not blocking the grant.
    public var mandatory: Bool
}

/// One rule of a scheme applied to a dossier, with where the rule comes from: what the
/// eligibility panel, `dossiers show` and the letters list.
public struct RuleOutcome: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        /// Checked from the dossier, or found met by the agent.
        case met
        /// Checked from the dossier, or found unmet by the agent.
        case unmet
        /// The agent's check, not recorded yet (never blocks).
        case toCheck
        /// Does not concern this applicant (a landlords' rule for an owner-occupier).
        case notApplicable
    }
    /// The condition id, "applicant", "plhAction" or "amountRule.cap".
    public var id: String
    /// What the rule asks, in words.
    public var label: String
    public var state: State
    /// Why it is unmet, what the agent has to check, or why it does not apply.
    public var message: String?
    /// An unmet blocking rule refuses the grant.
    public var blocking: Bool
    /// The agent records this rule (met / not met with a note): the product has no binding figure.
    public var checkedByAgent: Bool
    /// The agent's finding when recorded.
    public var recorded: RecordedCheck?
    /// Where the rule comes from (nil: the scheme's own definition in the profile).
    public var source: ParameterSource?
    /// Where its figure comes from, when it has one.
    public var thresholdSource: ParameterSource?

    /// "PLH, action 4" / "décision locale : …" / "valeur par défaut à confirmer" / "définition du dispositif".
    public var sourceLabel: String {
        var text = source?.label ?? "définition du dispositif"
        if let t = thresholdSource, t != source { text += " ; seuil : \(t.label)" }
        return text
    }
}

public struct EligibilityResult: Sendable, Equatable {
    public var rules: [RuleOutcome]
    public var breakdown: AmountBreakdown

    /// Rules unmet or left to the agent, as the older callers read them.
    public var unmet: [UnmetCondition] {
        rules.compactMap { r in
            switch r.state {
            case .met, .notApplicable: return nil
            case .unmet: return UnmetCondition(condition: r.id, message: r.message ?? r.label, mandatory: r.blocking)
            case .toCheck: return UnmetCondition(condition: r.id, message: r.message ?? r.label, mandatory: false)
            }
        }
    }
    public var isEligible: Bool { !rules.contains { $0.state == .unmet && $0.blocking } }
    public var blocking: [UnmetCondition] { unmet.filter(\.mandatory) }
    public var warnings: [UnmetCondition] { unmet.filter { !$0.mandatory } }
    /// The agent's checks still to record.
    public var toCheck: [RuleOutcome] { rules.filter { $0.state == .toCheck && $0.checkedByAgent } }
    public var computedAmount: Money { breakdown.total }
}

/// The rules engine: checks a dossier against its scheme and computes the aid.
public enum EligibilityCheck {
    /// `date` is the day of the check; the application date (`receivedOn`) is used instead when known.
    public static func evaluate(_ d: AidDossier, scheme: AidScheme, on date: CalendarDate) -> EligibilityResult {
        var rules: [RuleOutcome] = []
        let kinds = scheme.applicants.map(\.label).joined(separator: ", ")
        let applicantOK = scheme.applicants.contains(d.applicant.kind)
        rules.append(RuleOutcome(
            id: "applicant", label: "Demandeur : \(kinds)", state: applicantOK ? .met : .unmet,
            message: applicantOK ? nil : "Ce dispositif est réservé aux demandeurs suivants : \(kinds) ; le demandeur est « \(d.applicant.kind.label) ».",
            blocking: true, checkedByAgent: false))
        let actionOK = scheme.actions.contains(d.plhAction)
        let actions = scheme.actions.map(String.init).joined(separator: ", ")
        rules.append(RuleOutcome(
            id: "plhAction", label: "Action du PLH : \(actions)", state: actionOK ? .met : .unmet,
            message: actionOK ? nil : "L'action \(d.plhAction) du PLH ne relève pas de ce dispositif (actions \(actions)).",
            blocking: true, checkedByAgent: false))
        let applicationDate = d.receivedOn ?? date
        for c in scheme.conditions { rules.append(outcome(c, d, applicationDate)) }
        let breakdown = scheme.computeAmount(for: d)
        if let advisory = defaultCapAdvisory(scheme.amountRule, d) { rules.append(advisory) }
        return EligibilityResult(rules: rules, breakdown: breakdown)
    }

    private static func money(_ m: Money) -> String { FrenchFormat.money(m) }

    /// One condition: checked from the dossier when its figures are binding, the agent's otherwise.
    static func outcome(_ c: SchemeCondition, _ d: AidDossier, _ day: CalendarDate) -> RuleOutcome {
        var r = RuleOutcome(id: c.conditionID, label: c.text, state: .met, message: nil, blocking: c.isMandatory,
                            checkedByAgent: !c.isCheckedByProduct, recorded: nil, source: c.source.orDefault,
                            thresholdSource: c.needsFigure ? c.thresholdSource.orDefault : nil)
        if let only = c.applicantStatus {
            switch d.applicant.ownerStatus {
            case only?: break
            case nil where d.applicant.kind == .privateOwner && appliesBySize(c, d):
                r.state = .unmet
                r.message = "Préciser si le demandeur est propriétaire occupant ou bailleur : « \(c.text) » s'applique aux \(only == .landlord ? "propriétaires bailleurs" : "propriétaires occupants")."
                return r
            default:
                r.state = .notApplicable
                r.message = "Ne concerne que les \(only == .landlord ? "propriétaires bailleurs" : "propriétaires occupants")."
                return r
            }
        }
        if r.checkedByAgent {
            if let found = d.check(c.conditionID) {
                r.recorded = found
                r.state = found.met ? .met : .unmet
                r.message = found.met ? nil : "Condition jugée non remplie par l'agent" + (found.note.map { $0.isEmpty ? "" : " : \($0)" } ?? "") + "."
            } else {
                r.state = .toCheck
                r.message = agentCheckMessage(c)
            }
            return r
        }
        if let message = check(c, d, day) {
            r.state = .unmet
            r.message = message
        }
        return r
    }

    /// Whether a size-dependent condition concerns the operation at all (more than `count` dwellings).
    static func appliesBySize(_ c: SchemeCondition, _ d: AidDossier) -> Bool {
        guard c.knownKind == .adaptedWhenAbove, let k = c.count else { return true }
        return d.property.dwellings > k
    }

    /// What the agent is asked to check, and why the product does not check it.
    static func agentCheckMessage(_ c: SchemeCondition) -> String {
        var why: String
        if c.knownKind == nil {
            why = "condition « \(c.kind) » inconnue du produit"
        } else if !c.source.orDefault.isBinding {
            why = "condition proposée par défaut, à confirmer par le service"
        } else {
            why = "le seuil n'est fixé ni par le PLH ni par une décision locale"
        }
        if c.hasFigure, let figure = c.figureText, !c.thresholdSource.orDefault.isBinding {
            why += " ; indication : \(figure), \(ParameterSource.defaultLabel)"
        }
        return "À vérifier par l'agent : \(c.text) — \(why). Enregistrez la vérification (remplie ou non, avec une note)."
    }

    /// A default per-dossier cap is never enforced: above it, the agent is told to weigh the amount.
    static func defaultCapAdvisory(_ rule: AmountRule, _ d: AidDossier) -> RuleOutcome? {
        guard let cap = rule.cap, rule.bindingCap == nil, let requested = d.requestedAmount else { return nil }
        let limit = rule.kind == .averagePerDwelling ? cap * d.property.dwellings : cap
        guard requested > limit else { return nil }
        return RuleOutcome(id: "amountRule.cap", label: "Plafond \(rule.kind == .averagePerDwelling ? "par logement" : "par dossier") proposé : \(money(cap))",
                           state: .toCheck,
                           message: "Le montant demandé (\(money(requested))) dépasse \(money(limit)), plafond proposé par défaut (\(ParameterSource.defaultLabel)) : "
                               + "non appliqué, à apprécier par l'agent.",
                           blocking: false, checkedByAgent: false, recorded: nil, source: rule.capSource.orDefault)
    }

    /// The French sentence for an unmet condition, nil when met. Called only for conditions the
    /// product checks (`isCheckedByProduct`: their figures are present).
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
