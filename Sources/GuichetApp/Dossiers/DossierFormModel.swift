import GuichetCore

/// Turns the texts of the dossier form into a dossier, with one French message per faulty field.
/// Pure: the window calls it on every change (inline messages, Save enabled, eligibility) and the
/// dossier use cases apply it again in their write transaction.
///
/// A form writes back only what it shows, and of that only what the agent changed: a field whose
/// text is still the one the form showed for `base` leaves the stored value alone. So a field the
/// scheme's form does not show (the household's income of an ACC dossier) is never erased, a
/// date of construction is not replaced by the year shown for it, and "open, save without
/// change" gives back `base` itself.
public struct DossierFormModel: Sendable {
    public var scheme: AidScheme
    public var applicantKind: ApplicantKind

    public init(scheme: AidScheme, applicantKind: ApplicantKind) {
        self.scheme = scheme
        self.applicantKind = applicantKind
    }

    public var fields: [DossierField] { DossierField.fields(for: scheme, applicant: applicantKind) }

    /// The texts a dossier shows in the form (amounts as "1234,56", dates as "22/11/2026").
    public static func texts(of d: AidDossier) -> [DossierField: String] {
        func money(_ m: Money?) -> String { m.map { FrenchFormat.plainDecimal(cents: $0.cents) } ?? "" }
        func date(_ c: CalendarDate?) -> String { c.map(FrenchFormat.date) ?? "" }
        let member = d.applicant.household.flatMap { h in applicantIndex(in: h).map { h.members[$0] } }
        return [
            .lastName: member?.lastName ?? "", .firstName: member?.firstName ?? "",
            .householdSize: d.applicant.household.map { String($0.size) } ?? "",
            .income: money(d.applicant.household?.yearlyIncome),
            .orgName: d.applicant.organisation?.name ?? "", .siret: d.applicant.organisation?.siret ?? "",
            .address: d.property.address, .postcode: d.property.postcode, .commune: d.property.commune,
            .insee: d.property.inseeCode, .buildYear: d.property.buildYear.map(String.init) ?? d.property.builtOn.map { String($0.year) } ?? "",
            .vacantSince: date(d.property.vacantSince), .dwellings: String(d.property.dwellings),
            .adapted: String(d.property.adaptedDwellings),
            .works: money(d.facts.worksAmount), .communeCoFunding: money(d.facts.communeCoFunding),
            .epciDate: date(d.facts.epciPresentationDate), .purchaseDate: date(d.facts.purchaseDate),
            .requested: money(d.requestedAmount),
        ]
    }

    /// The member the form's name fields show: the applicant, else the first member.
    static func applicantIndex(in h: Household) -> Int? {
        h.members.firstIndex { $0.role == .applicant } ?? (h.members.isEmpty ? nil : 0)
    }

    public struct Result: Sendable {
        /// The dossier as typed (fields with errors keep the base's value).
        public var dossier: AidDossier
        /// One message per field; empty when the dossier can be saved.
        public var errors: [DossierField: String]
        /// Problems the domain reports on no visible field.
        public var otherErrors: [String]
        public var isValid: Bool { errors.isEmpty && otherErrors.isEmpty }
    }

    /// Applies `texts` over `base`: the visible fields whose text differs from what the form
    /// showed for `base` are parsed and written; then the domain's `validate()` for the rest
    /// (SIRET key, postcode, INSEE code, negative amounts...). `documents`, when given, is the
    /// scheme's checklist as the form shows it (nil: not received): entries that differ from
    /// `base`'s replace them; documents the form does not show are kept.
    public func build(texts: [DossierField: String], documents: [String: SupportingDocument?]? = nil, over base: AidDossier) -> Result {
        var d = base
        var errors: [DossierField: String] = [:]
        let visible = Set(fields)
        let shown = Self.texts(of: base)
        func text(_ f: DossierField) -> String { visible.contains(f) ? (texts[f] ?? "").trimmingCharacters(in: .whitespaces) : "" }
        func changed(_ f: DossierField) -> Bool {
            visible.contains(f) && texts[f] != nil && text(f) != (shown[f] ?? "").trimmingCharacters(in: .whitespaces)
        }
        for f in fields where f.isRequired && text(f).isEmpty { errors[f] = "Champ obligatoire." }
        func money(_ f: DossierField) -> Money? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let m = FrenchNumber.parseMoney(t) else { errors[f] = "Montant invalide (exemple : 12 500,00)."; return nil }
            if m.isNegative { errors[f] = "Le montant ne peut pas être négatif." }
            return m
        }
        func int(_ f: DossierField) -> Int? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let n = Int(t) else { errors[f] = "Nombre entier attendu."; return nil }
            return n
        }
        func date(_ f: DossierField) -> CalendarDate? {
            let t = text(f)
            guard !t.isEmpty else { return nil }
            guard let c = CalendarDate(parsing: t) else { errors[f] = "Date invalide (attendu JJ/MM/AAAA)."; return nil }
            guard InputLimits.years.contains(c.year) else {
                errors[f] = "Date hors de la plage admise (années \(InputLimits.yearsText))."; return nil
            }
            return c
        }

        // Only a new dossier changes scheme (the form chooses it first).
        if d.schemeCode != scheme.code {
            d.schemeCode = scheme.code
            if !scheme.actions.contains(d.plhAction) { d.plhAction = scheme.primaryAction }
        }
        var applicant = d.applicant
        if applicant.kind != applicantKind {
            // The agent chose another kind of applicant: the other kind's part goes with it.
            if applicantKind.isOrganisation != applicant.kind.isOrganisation {
                if applicantKind.isOrganisation { applicant.household = nil } else { applicant.organisation = nil }
            }
            applicant.kind = applicantKind
        }
        if applicantKind.isOrganisation {
            var o = applicant.organisation ?? Organisation(name: "")
            if changed(.orgName) { o.name = text(.orgName) }
            if changed(.siret) { o.siret = text(.siret).isEmpty ? nil : text(.siret) }
            applicant.organisation = o
        } else {
            var h = applicant.household ?? Household(members: [])
            if changed(.lastName) || changed(.firstName) || h.members.isEmpty {
                let index = Self.applicantIndex(in: h)
                var member = index.map { h.members[$0] } ?? HouseholdMember(lastName: "", firstName: "", role: .applicant)
                if changed(.lastName) { member.lastName = text(.lastName) }
                if changed(.firstName) { member.firstName = text(.firstName) }
                if let index { h.members[index] = member } else { h.members.insert(member, at: 0); h.size = max(h.size, h.members.count) }
            }
            if changed(.householdSize), let size = int(.householdSize) {
                if size < 1 { errors[.householdSize] = "Au moins une personne." } else { h.size = size }
            }
            if changed(.income) { h.yearlyIncome = money(.income) }
            applicant.household = h
        }
        d.applicant = applicant
        if changed(.address) { d.property.address = text(.address) }
        if changed(.postcode) { d.property.postcode = text(.postcode) }
        if changed(.commune) { d.property.commune = text(.commune) }
        if changed(.insee) { d.property.inseeCode = text(.insee) }
        if changed(.buildYear) { d.property.buildYear = int(.buildYear); d.property.builtOn = nil }
        if changed(.vacantSince) { d.property.vacantSince = date(.vacantSince) }
        if changed(.dwellings), let n = int(.dwellings) { d.property.dwellings = n }
        if changed(.adapted) { d.property.adaptedDwellings = int(.adapted) ?? 0 }
        if changed(.works) { d.facts.worksAmount = money(.works) }
        if changed(.communeCoFunding) { d.facts.communeCoFunding = money(.communeCoFunding) }
        if changed(.epciDate) { d.facts.epciPresentationDate = date(.epciDate) }
        if changed(.purchaseDate) { d.facts.purchaseDate = date(.purchaseDate) }
        if changed(.requested) { d.requestedAmount = money(.requested) }
        if let documents { d.documents = merge(documents, over: base.documents) }

        var other: [String] = []
        for problem in d.validate() {
            if let field = Self.field(for: problem.field, among: fields) {
                if errors[field] == nil { errors[field] = Self.sentence(problem.message) }
            } else {
                other.append(problem.description)
            }
        }
        return Result(dossier: d, errors: errors, otherErrors: other)
    }

    /// The checklist as shown, over the stored one: unchanged documents keep their place and
    /// value, changed ones are replaced, those set back to "not received" dropped, new ones
    /// appended in the scheme's order; documents the form does not show stay as stored.
    func merge(_ shown: [String: SupportingDocument?], over stored: [SupportingDocument]) -> [SupportingDocument] {
        var out: [SupportingDocument] = []
        for doc in stored {
            guard let entry = shown[doc.id] else { out.append(doc); continue }
            if let replacement = entry { out.append(replacement) }
        }
        let storedIDs = Set(stored.map(\.id))
        for requirement in scheme.documents where !storedIDs.contains(requirement.id) {
            if let entry = shown[requirement.id], let added = entry { out.append(added) }
        }
        return out
    }

    /// The visible field a domain key path belongs to, nil when none.
    static func field(for key: String, among fields: [DossierField]) -> DossierField? {
        var best: (DossierField, Int)?
        for f in fields {
            for k in f.domainKeys where key == k || key.hasPrefix(k + ".") || key.hasPrefix(k + "[") {
                if best == nil || k.count > best!.1 { best = (f, k.count) }
            }
        }
        return best?.0
    }

    /// "le nom est obligatoire" → "Le nom est obligatoire."
    public static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let capitalised = first.uppercased() + message.dropFirst()
        return capitalised.hasSuffix(".") ? capitalised : capitalised + "."
    }
}
