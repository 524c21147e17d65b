/// Whether a programme is financed (granted) or only forecast: the review keeps them apart
/// ("TOTAL FINANCES ENTRE 2020 ET 2023" vs "TOTAL PREVISIONS FINANCEMENTS 2024").
public enum ProgrammePeriod: String, Hashable, Sendable, Codable, CaseIterable {
    case financed, forecast
    public var label: String { self == .financed ? "financé" : "prévision" }
    public var pluralLabel: String { self == .financed ? "financés" : "prévisions" }

    /// What an operation status says ("à financer" → forecast; started, closed… → financed).
    public static func from(status: RehabilitationStatus) -> ProgrammePeriod {
        status == .toFinance ? .forecast : .financed
    }

    /// What a TOTAL label or a section title says: "prévision(s)", "prévu", "en projet",
    /// "à financer" → forecast; "financés", "financements accordés" → financed; else nothing.
    public static func from(label: String) -> ProgrammePeriod? {
        let words = Set(LooseName.key(label).split(separator: " ").map(String.init))
        if !words.isDisjoint(with: ["prevision", "previsions", "previsionnel", "previsionnelle", "prevu", "prevus", "projet", "projets"])
            || LooseName.key(label).contains("a financer") { return .forecast }
        if !words.isDisjoint(with: ["finance", "finances", "financee", "financees", "accorde", "accordes", "agree", "agrees", "engage", "engages"]) {
            return .financed
        }
        return nil
    }
}

/// Where an imported row's period comes from, for the report.
public enum PeriodSource: String, Hashable, Sendable, Codable {
    /// The agent's import option.
    case option
    /// The row's operation status.
    case status
    /// The TOTAL row closing the row's block, or a section title above it.
    case block
    /// Nothing said: financed.
    case assumed
}
