import GuichetCore

/// What every letter of a dossier shares: references, who follows the dossier, the service's
/// contact details, the signature, the closing formula, the means of appeal.
extension DossierDocuments {
    /// "Claire Lemaire, conseillère habitat" for an agent the service listed; the service itself
    /// otherwise: a letter never prints a login (CRPA art. L. 111-2 asks for the agent's name).
    static func officer(_ c: ReportContext) -> (name: String, phone: String?, email: String?) {
        let service = c.serviceProfile
        if let login = c.agent, let a = service?.agent(login) {
            return ([a.name, a.title].compactMap { $0 }.joined(separator: ", "), a.phone ?? service?.phone, a.email ?? service?.email)
        }
        return (c.letterhead.service, service?.phone, service?.email)
    }

    static func references(_ d: AidDossier, _ s: AidScheme?, _ c: ReportContext, extra: [ReportLetter.Reference] = []) -> [ReportLetter.Reference] {
        let o = officer(c)
        var refs = [ReportLetter.Reference("Dossier n°", d.number.formatted),
                    ReportLetter.Reference("Dispositif", "\(d.schemeCode)\(s.map { " — \($0.name)" } ?? "") (action \(d.plhAction) du PLH)")]
        refs += extra
        refs.append(ReportLetter.Reference("Affaire suivie par", o.name))
        if let p = o.phone, !p.isEmpty { refs.append(ReportLetter.Reference("Téléphone", p)) }
        if let e = o.email, !e.isEmpty { refs.append(ReportLetter.Reference("Courriel", e)) }
        return refs
    }

    /// The signature block: the delegation, the signatory's title and name from the profile.
    static func signature(_ c: ReportContext, ordonnateur: Bool = false) -> [String] {
        var lines = ordonnateur ? ["L'ordonnateur,"] : []
        if let s = c.serviceProfile?.signatory {
            lines += [s.delegation ?? "Pour le Président et par délégation,", s.title, s.name]
        } else {
            lines += ["Pour le Président et par délégation,", "Le responsable du \(c.letterhead.service)"]
        }
        return lines
    }

    /// The closing formula, in the letter's person ("je" for a decision the signatory takes,
    /// "nous" for the service's acknowledgement).
    static func closing(_ formOfAddress: String, firstPersonSingular: Bool = false) -> String {
        firstPersonSingular
            ? "Je vous prie d'agréer, \(formOfAddress), l'expression de mes salutations distinguées."
            : "Nous vous prions d'agréer, \(formOfAddress), l'expression de nos salutations distinguées."
    }

    static func schemeName(_ d: AidDossier, _ s: AidScheme?) -> String { s.map { "« \($0.name) »" } ?? "« \(d.schemeCode) »" }

    static func propertyLine(_ d: AidDossier) -> String {
        "\(d.property.address), \(d.property.postcode) \(d.property.commune)"
    }

    /// "le Service Habitat — Maison de l'Habitat, 12 place …, 62500 Saint-Omer, téléphone …, courriel …":
    /// the service in charge, as R. 112-5, 2° asks the acknowledgement to designate it.
    static func serviceDesignation(_ c: ReportContext) -> String {
        let s = c.serviceProfile
        var parts = [c.letterhead.service]
        if let a = s?.address { parts.append(a.oneLine) }
        if let p = s?.phone, !p.isEmpty { parts.append("téléphone \(p)") }
        if let e = s?.email, !e.isEmpty { parts.append("courriel \(e)") }
        return parts.joined(separator: ", ")
    }

    /// "devant le tribunal administratif de Lille (5 rue Geoffroy Saint-Hilaire, …)".
    static func court(_ c: ReportContext) -> String {
        guard let court = c.serviceProfile?.court else { return "devant le tribunal administratif territorialement compétent" }
        return "devant le \(court.name)" + (court.address.map { " (\($0.oneLine))" } ?? "")
    }

    /// Means and time limits of appeal against an express decision (CJA art. R. 421-1 and R. 421-5).
    static func appealAgainstDecision(_ c: ReportContext) -> ReportLetter.Block {
        .notice(title: "Voies et délais de recours", lines: [
            "La présente décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux "
            + "adressé à l'auteur de la décision, ou d'un recours contentieux \(court(c)) (article R. 421-1 du code de justice administrative). "
            + "Le tribunal administratif peut être saisi par l'application Télérecours citoyens accessible sur le site www.telerecours.fr.",
        ])
    }
}
