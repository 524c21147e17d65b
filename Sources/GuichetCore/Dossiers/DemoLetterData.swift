/// What the demonstration's letters need and the first demo data lacked: each applicant's own
/// postal address (an owner-occupant lives in the home, the owner of a vacant house and a
/// household buying elsewhere do not, an organisation at its head office), civilities, an
/// organisation's contact, bank details (valid IBANs of no real account), the commitment number
/// of a grant, and a reason written for the applicant beside an internal note on a piece.
/// Drawn from a generator of their own, seeded by the dossier's number: the dossiers the demo
/// made before stay exactly the same.
extension DemoDossiers {
    /// `vacantHome`: the scheme is about vacant homes (nobody lives there).
    static func addLetterData(_ d: inout AidDossier, vacantHome: Bool, seed: UInt64) {
        var rng = DemoRandom(seed: seed ^ stableHash(d.schemeCode) ^ UInt64(d.number.year) << 40 ^ UInt64(d.number.sequence) << 8)
        typealias R = DemoReferenceData
        if var h = d.applicant.household {
            for i in h.members.indices where h.members[i].role == .applicant || h.members[i].role == .coApplicant {
                h.members[i].civility = R.civility(ofFirstName: h.members[i].firstName)
            }
            d.applicant.household = h
            let livesThere: Bool
            switch (d.applicant.kind, vacantHome) {
            case (_, true): livesThere = false                      // a vacant home: nobody lives there
            case (.privateOwner, _) where d.applicant.ownerStatus != nil:
                livesThere = d.applicant.ownerStatus == .occupant   // PO lives there, PB lets it
            case (.household, _): livesThere = rng.chance(20)        // buying: still living elsewhere
            default: livesThere = rng.chance(60)                     // owner-occupants and landlords
            }
            d.applicant.postalAddress = livesThere ? PostalAddress(of: d.property) : otherAddress(&rng, avoiding: d.property)
        } else if var o = d.applicant.organisation {
            let (first, civility) = R.person(&rng)
            o.contactName = "\(first) \(rng.pick(R.lastNames))"
            o.contactCivility = civility
            switch d.applicant.kind {
            case .commune:
                o.contactRole = rng.pick(["directeur général des services", "responsable du service urbanisme"])
                let name = o.name.replacingOccurrences(of: "Commune de ", with: "")
                let c = R.communes.first { $0.name == name } ?? rng.pick(R.communes)
                d.applicant.postalAddress = PostalAddress(complement: "Hôtel de ville", street: "\(rng.int(1...20)) place de la Mairie",
                                                          postcode: c.postcode, town: c.name)
            case .socialLandlord:
                o.contactRole = rng.pick(["responsable du développement", "chargée d'opérations", "directeur du patrimoine"])
                d.applicant.postalAddress = headOffice(o.name)
            default:
                o.contactRole = rng.pick(["directrice", "chargé de mission habitat", "responsable administratif"])
                d.applicant.postalAddress = otherAddress(&rng, avoiding: d.property)
            }
            d.applicant.organisation = o
        }
        if d.status != .draft || rng.chance(50) {
            d.applicant.bankAccount = BankAccount(holder: holderName(d.applicant), iban: rng.pick(R.ibans))
        }
        if var g = d.grant {
            g.commitmentNumber = "E\(g.envelopeYear)-\(String(rng.int(10_000...99_999)))"
            if g.reason != nil { g.reasonForApplicant = "Les dépenses retenues ont été ajustées au vu des devis produits." }
            d.grant = g
        }
        for i in d.documents.indices where d.documents[i].state == .invalid {
            d.documents[i].reasonForApplicant = "copie illisible : merci de nous en adresser une copie lisible"
        }
    }

    /// The account holder as the bank knows them: the applicant's first and family names, or the
    /// organisation's name.
    static func holderName(_ a: Applicant) -> String {
        if let o = a.organisation { return o.name }
        guard let m = a.household?.members.first(where: { $0.role == .applicant }) else { return a.displayName }
        return "\(m.firstName) \(m.lastName.uppercased())"
    }

    static func otherAddress(_ rng: inout DemoRandom, avoiding p: Property) -> PostalAddress {
        var a: PostalAddress
        repeat { a = rng.pick(addresses) } while a.isSame(as: p)
        return a
    }

    /// Addresses drawn once for the whole demo (100,000 dossiers: making each one's strings cost
    /// seconds in debug builds).
    static let addresses: [PostalAddress] = {
        typealias R = DemoReferenceData
        var rng = DemoRandom(seed: 18)
        return (0..<2_048).map { _ in
            let c = rng.pick(R.communes)
            var a = PostalAddress(street: "\(rng.int(1...180)) \(rng.pick(R.streets))", postcode: c.postcode, town: c.name)
            if rng.chance(15) { a.complement = "Appartement \(rng.int(1...40))" }
            return a
        }
    }()

    static func headOffice(_ name: String) -> PostalAddress { headOffices[name] ?? makeHeadOffice(name) }
    static let headOffices = Dictionary(uniqueKeysWithValues: DemoReferenceData.landlords.map { ($0, makeHeadOffice($0)) })

    /// A fixed, fictitious head office per landlord (demo data: not the landlords' real addresses).
    static func makeHeadOffice(_ name: String) -> PostalAddress {
        var rng = DemoRandom(seed: stableHash(name))
        let towns = [("59500", "Douai"), ("62000", "Arras"), ("59000", "Lille"), ("62200", "Boulogne-sur-Mer"), ("62300", "Lens")]
        let (postcode, town) = rng.pick(towns)
        return PostalAddress(complement: "Direction du développement", street: "\(rng.int(1...90)) \(rng.pick(DemoReferenceData.streets))",
                             locality: "CS \(rng.int(10_000...99_999))", postcode: postcode, town: town)
    }

    /// FNV-1a: the same number on every machine and run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

extension DemoReferenceData {
    static let feminineFirstNames: Set<String> = [
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline", "Julie", "Camille", "Léa",
        "Chloé", "Emma", "Manon", "Inès", "Sophie", "Aurélie", "Hélène", "Françoise", "Jacqueline", "Noémie",
    ]

    static func civility(ofFirstName name: String) -> Civility { feminineFirstNames.contains(name) ? .madame : .monsieur }

    static func person(_ rng: inout DemoRandom) -> (String, Civility) {
        let first = rng.pick(firstNames)
        return (first, civility(ofFirstName: first))
    }

    /// Demo bank accounts, computed once.
    static let ibans: [IBAN] = { var rng = DemoRandom(seed: 76); return (0..<1_024).map { _ in iban(&rng) } }()

    /// A French IBAN that passes both keys (RIB and IBAN) and belongs to no bank: bank code 99999.
    /// Computed on digits (100,000 demo dossiers: string arithmetic cost seconds in debug builds).
    static func iban(_ rng: inout DemoRandom) -> IBAN {
        let bank = 99_999, branch = rng.int(0...99_999)
        var digits = [9, 9, 9, 9, 9] + (0..<5).reversed().map { branch / pow10($0) % 10 }
        var account = 0
        for _ in 0..<11 { let d = rng.int(0...9); digits.append(d); account = (account * 10 + d) % 97 }
        // RIB key: 97 − (89 × bank + 15 × branch + 3 × account) mod 97.
        let ribKey = 97 - ((89 * bank + 15 * branch + 3 * account) % 97)
        digits += [ribKey / 10, ribKey % 10]
        // IBAN key: 98 − (BBAN followed by "FR00", letters as 10…35) mod 97.
        var r = 0
        for d in digits { r = (r * 10 + d) % 97 }
        for n in [15, 27, 0, 0] { r = n > 9 ? (r * 100 + n) % 97 : (r * 10 + n) % 97 }
        let check = 98 - r
        let ascii: [UInt8] = [70, 82, UInt8(48 + check / 10), UInt8(48 + check % 10)] + digits.map { UInt8(48 + $0) }
        return IBAN(checked: String(decoding: ascii, as: UTF8.self))
    }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }

    static func format5(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: 5 - s.count) + s }
}
