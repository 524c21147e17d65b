/// RGPD anonymisation of a closed aid dossier (brief §9). A closed dossier is anonymised rather
/// than deleted: its amounts must stay in the PLH's budget figures and yearly reviews, and public
/// accounting keeps grant records. What goes: every datum about a natural person (names, birth
/// dates, household, contact data, street address line) and every free text an agent typed
/// (comments, reasons), which may speak of health, violence or disability. What stays: number,
/// scheme, PLH action, statuses and dates, amounts, payments, co-funding, commune, postcode,
/// INSEE code, the building's facts, and the name and SIRET of an applicant that is a legal entity.
extension AidDossier {
    /// Replaces a required free text (a closure's reason) and marks where a reason was given.
    public static let anonymisedText = "Effacé (RGPD)"

    public var isAnonymised: Bool { anonymisedOn != nil }

    /// The copy of this dossier without personal data, marked as anonymised on `date`.
    /// An already anonymised dossier is returned unchanged (its first date is kept).
    public func anonymised(on date: CalendarDate) -> AidDossier {
        guard !isAnonymised else { return self }
        var d = self
        d.anonymisedOn = date
        d.applicant = applicant.withoutPersonalData
        d.property.address = Property.anonymisedAddress
        d.grant = grant.map { g in
            var g = g
            g.reason = g.reason.map { _ in Self.anonymisedText }
            g.overspendReason = g.overspendReason.map { _ in Self.anonymisedText }
            g.aboveAverageReason = g.aboveAverageReason.map { _ in Self.anonymisedText }
            g.reasonForApplicant = g.reasonForApplicant.map { _ in Self.anonymisedText }
            return g
        }
        d.closure = closure.map { c in var c = c; c.reason = Self.anonymisedText; return c }
        d.documents = documents.map { doc in var doc = doc; doc.comment = nil; doc.reasonForApplicant = nil; return doc }
        d.checks = checks.map { $0.map { c in var c = c; c.note = nil; return c } }
        d.payments = payments.map { p in var p = p; p.label = nil; return p }
        d.timeline = timeline.map { t in var t = t; t.comment = nil; return t }
        d.comments = []
        return d
    }
}

extension Applicant {
    /// The name lists show for an anonymised natural person.
    public static let anonymisedName = "Anonymisé (RGPD)"

    /// A legal entity keeps its name and SIRET (public data), never its contact person; a natural
    /// person (household, private owner, even through a company of theirs) keeps only the kind and,
    /// for a private owner, occupant or landlord (action 3 counts them apart in its reviews).
    public var withoutPersonalData: Applicant {
        var a = Applicant(kind: kind, ownerStatus: ownerStatus)
        if kind.isOrganisation, let o = organisation { a.organisation = Organisation(name: o.name, siret: o.siret) }
        a.anonymised = true
        return a
    }
}

extension Property {
    /// Replaces the street address line (the commune, postcode and INSEE code stay).
    public static let anonymisedAddress = "Adresse effacée (RGPD)"
}
