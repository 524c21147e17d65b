/// The home or the operation a dossier is about.
public struct Property: Codable, Sendable, Equatable {
    public var address: String
    public var postcode: String
    public var commune: String
    public var inseeCode: String
    /// Build date when known; otherwise the build year.
    public var builtOn: CalendarDate?
    public var buildYear: Int?
    /// First day of vacancy (vacancy exit bonus, vacant PLAI).
    public var vacantSince: CalendarDate?
    /// Dwellings of the operation (1 for a single home).
    public var dwellings: Int
    /// Of which adapted for seniors or reduced mobility (PMR).
    public var adaptedDwellings: Int
    /// Of which PLAI (social rental operations).
    public var plaiDwellings: Int?

    public init(address: String, postcode: String, commune: String, inseeCode: String, builtOn: CalendarDate? = nil,
                buildYear: Int? = nil, vacantSince: CalendarDate? = nil, dwellings: Int = 1, adaptedDwellings: Int = 0,
                plaiDwellings: Int? = nil) {
        self.address = address; self.postcode = postcode; self.commune = commune; self.inseeCode = inseeCode
        self.builtOn = builtOn; self.buildYear = buildYear; self.vacantSince = vacantSince
        self.dwellings = dwellings; self.adaptedDwellings = adaptedDwellings; self.plaiDwellings = plaiDwellings
    }

    /// Whether the home was built before `limit`; nil when neither date nor year is known.
    /// With only a year, a home of year Y is before `limit` when the whole year Y is.
    public func builtBefore(_ limit: CalendarDate) -> Bool? {
        if let d = builtOn { return d < limit }
        if let y = buildYear { return CalendarDate(year: y, month: 12, day: 31)! < limit }
        return nil
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        v.check(!address.trimmingCharacters(in: .whitespaces).isEmpty, "address", "l'adresse est obligatoire")
        v.check(!commune.trimmingCharacters(in: .whitespaces).isEmpty, "commune", "la commune est obligatoire")
        do { _ = try Postcode(postcode, field: "postcode") } catch { v.add(error) }
        do { _ = try InseeCode(inseeCode, field: "inseeCode") } catch { v.add(error) }
        v.check(dwellings >= 1, "dwellings", "au moins un logement")
        v.check(adaptedDwellings >= 0, "adaptedDwellings", "ne peut pas être négatif")
        v.check(adaptedDwellings <= dwellings, "adaptedDwellings", "ne peut pas dépasser le nombre de logements (\(dwellings))")
        if let p = plaiDwellings { v.check((0...dwellings).contains(p), "plaiDwellings", "doit être compris entre 0 et \(dwellings)") }
        if let y = buildYear { v.check((1000...9999).contains(y), "buildYear", "année invalide") }
        return v.errors
    }
}

/// Scheme-specific facts of a dossier, filled as the scheme asks.
public struct DossierFacts: Codable, Sendable, Equatable {
    /// Works amount incl. tax, from the quotes.
    public var worksAmount: Money?
    /// The commune's top-up (assisted ownership).
    public var communeCoFunding: Money?
    /// When the landlord presented the project to the EPCI (social rental production).
    public var epciPresentationDate: CalendarDate?
    /// Purchase date (assisted ownership: starts the anti-speculation clause).
    public var purchaseDate: CalendarDate?

    public init(worksAmount: Money? = nil, communeCoFunding: Money? = nil, epciPresentationDate: CalendarDate? = nil,
                purchaseDate: CalendarDate? = nil) {
        self.worksAmount = worksAmount; self.communeCoFunding = communeCoFunding
        self.epciPresentationDate = epciPresentationDate; self.purchaseDate = purchaseDate
    }

    func validate() -> [ValidationError] {
        var v = ValidationCollector()
        if let w = worksAmount { v.check(!w.isNegative, "worksAmount", "le montant ne peut pas être négatif") }
        if let c = communeCoFunding { v.check(!c.isNegative, "communeCoFunding", "le montant ne peut pas être négatif") }
        return v.errors
    }
}
