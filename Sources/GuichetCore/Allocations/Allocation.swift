/// One social-housing allocation as the CIA review counts it: a dwelling let to a household after
/// a decision of a landlord's allocation committee (CAL). The register is anonymous by design: no
/// name, no address, no birth date; the SNE number is kept only so that the same allocation read
/// from two extracts (a landlord's and the SNE's) is counted once.
///
/// Every fact an extract may lack is optional, and an unknown fact is never guessed: an
/// allocation without QPV information is left out of both QPV shares (never counted as outside
/// QPV), one without resources is not counted in a quartile.
public struct Allocation: Hashable, Sendable, Codable {
    /// Numéro unique of the request in the SNE; nil when the extract has none.
    public var sneNumber: String?
    /// Date of the CAL decision.
    public var calDecisionDate: CalendarDate?
    /// Date the lease was signed: the year of the allocation (the law counts "attributions
    /// suivies de baux signés"). Nil while the lease is not signed: not counted in any year.
    public var leaseDate: CalendarDate?
    /// The landlord as the directory resolves it; nil when the extract's spelling is unknown.
    public var landlordId: String?
    /// The landlord as the extract spells it.
    public var landlordName: String
    /// The holder of the reservation right the dwelling was allocated on.
    public var reservationHolder: ReservationHolder?
    public var commune: String
    public var inseeCode: InseeCode?
    /// True in a QPV, false outside, nil when the extract does not say.
    public var inQPV: Bool?
    /// Name or code of the QPV, as the extract gives it.
    public var qpvName: String?
    public var typology: Typology?
    public var householdSize: Int?
    /// Yearly resources per consumption unit, when the extract gives them.
    public var resourcesPerUC: Money?
    /// The household's quartile of resources (1 to 4) for the year, when only that is known.
    public var quartile: Int?
    /// True when the household is a priority household, false when the extract says it is not,
    /// nil when it does not say (counted as not priority, and reported).
    public var priority: Bool?
    /// Why the household is a priority household (DALO, SYPLO / PDALHPD label, CIA category).
    public var priorityLabels: [PriorityLabel]
    /// True for a transfer of a sitting social tenant (mutation), false for a first allocation,
    /// nil when the extract does not say (left out of the shares "hors mutations", and reported).
    public var transfer: Bool?
    /// Rehousing of the urban-renewal programme (ANRU / NPNRU).
    public var anruRehousing: Bool

    public init(sneNumber: String? = nil, calDecisionDate: CalendarDate? = nil, leaseDate: CalendarDate?,
                landlordId: String?, landlordName: String, reservationHolder: ReservationHolder? = nil,
                commune: String, inseeCode: InseeCode? = nil, inQPV: Bool?, qpvName: String? = nil,
                typology: Typology? = nil, householdSize: Int? = nil, resourcesPerUC: Money? = nil,
                quartile: Int? = nil, priority: Bool?, priorityLabels: [PriorityLabel] = [],
                transfer: Bool?, anruRehousing: Bool = false) {
        self.sneNumber = sneNumber; self.calDecisionDate = calDecisionDate; self.leaseDate = leaseDate
        self.landlordId = landlordId; self.landlordName = landlordName; self.reservationHolder = reservationHolder
        self.commune = commune; self.inseeCode = inseeCode; self.inQPV = inQPV; self.qpvName = qpvName
        self.typology = typology; self.householdSize = householdSize; self.resourcesPerUC = resourcesPerUC
        self.quartile = quartile; self.priority = priority; self.priorityLabels = priorityLabels
        self.transfer = transfer; self.anruRehousing = anruRehousing
    }

    /// The year the allocation counts in: that of the signed lease.
    public var year: Int? { leaseDate?.year }

    /// A labelled household is a priority household even when the flag itself is absent.
    public var isPriority: Bool { priority == true || !priorityLabels.isEmpty }
}

/// Why an allocated household is a priority household, as the extract says it.
public struct PriorityLabel: Hashable, Sendable, Codable {
    public enum Basis: String, Hashable, Sendable, Codable, CaseIterable {
        /// Recognised priority and urgent under the enforceable right to housing.
        case dalo
        /// Labelled in SYPLO, the State's tool for the PDALHPD publics (contingent préfectoral).
        case syplo
        /// A category of the CIA's own priority publics (local or Département plan).
        case cia

        public var label: String {
            switch self {
            case .dalo: "DALO"
            case .syplo: "label SYPLO / PDALHPD"
            case .cia: "catégorie de la CIA"
            }
        }
    }
    public var basis: Basis
    /// Id of the profile's priority category when recognised ("violences", "sortant-ase").
    public var categoryId: String?
    /// The category as the extract writes it ("Victime de violences conjugales").
    public var text: String?

    public init(basis: Basis, categoryId: String? = nil, text: String? = nil) {
        self.basis = basis; self.categoryId = categoryId; self.text = text
    }
}

/// The holder of the reservation right a dwelling is allocated on (réservataire).
public struct ReservationHolder: Hashable, Sendable, Codable, Comparable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Contingent préfectoral.
        case state = "etat"
        case commune
        case actionLogement = "action-logement"
        /// The agglomeration itself.
        case epci
        case departement
        /// Dwellings the landlord allocates on its own (non réservés, or returned to it).
        case landlord = "bailleur"
        case other = "autre"

        public var label: String {
            switch self {
            case .state: "État (contingent préfectoral)"
            case .commune: "Commune"
            case .actionLogement: "Action Logement"
            case .epci: "Agglomération (EPCI)"
            case .departement: "Département"
            case .landlord: "Bailleur (contingent propre)"
            case .other: "Autre réservataire"
            }
        }
    }
    public var kind: Kind
    /// Which commune, or which other holder; nil for holders that are one body (State, Action
    /// Logement, the EPCI, the Département, the landlords' own contingent).
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = kind == .commune || kind == .other ? name.flatMap { $0.isEmpty ? nil : $0 } : nil
    }

    /// "Commune de Béthune", "Action Logement".
    public var label: String {
        switch (kind, name) {
        case (.commune, let n?): "Commune " + FrenchFormat.of(n)
        case (.other, let n?): n
        default: kind.label
        }
    }

    public static func < (a: ReservationHolder, b: ReservationHolder) -> Bool {
        let i = Kind.allCases.firstIndex(of: a.kind)!, j = Kind.allCases.firstIndex(of: b.kind)!
        if i != j { return i < j }
        return LooseName.key(a.name ?? "") < LooseName.key(b.name ?? "")
    }
}
