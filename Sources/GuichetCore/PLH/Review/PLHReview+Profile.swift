/// The review built from a territory's profile: the one assembly the window, the command line
/// and the reports share (sheets, commune groups, SRU rule and schemes from the profile; data and
/// budget figures from the database).
extension PLHReview {
    /// Why a profile cannot give a review, in French.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// The years a review of `year` reads (the PLH's first year to `year`, inside the PLH).
    public static func years(of year: Int, plh: PLHProgramme) -> ClosedRange<Int> {
        plh.firstYear...min(max(year, plh.firstYear), plh.lastYear)
    }

    public static func engine(profile: TerritoryProfile, data: PLHReviewData) -> PLHIndicatorEngine {
        PLHIndicatorEngine(data: data, groups: profile.communeGroups, sru: profile.programmeRules?.sru,
                           accessionSchemes: profile.plhActions?.accessionSchemeCodes ?? [])
    }

    /// `ledger`: the PLH's one budget ledger (aids and other budget lines), read by the caller.
    public static func build(profile: TerritoryProfile, data: PLHReviewData, ledger: BudgetLedger?, year: Int,
                             kind: Kind = .annual) throws(Unavailable) -> PLHReview {
        guard let plh = profile.plh, let sheets = profile.plhActions else {
            throw Unavailable("Le profil « \(profile.id) » ne contient pas les fiches actions du PLH (partie « plhActions ») : pas de bilan par action.")
        }
        let names = Dictionary((profile.schemes?.schemes ?? []).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        return build(kind: kind, year: year, plh: plh, sheets: sheets, engine: engine(profile: profile, data: data), ledger: ledger, schemeNames: names)
    }
}
