/// The agent's finding on a condition the product cannot check itself (the PLH names the
/// criterion without a figure, or the figure is a default to confirm): met or not, with a note.
public struct RecordedCheck: Codable, Sendable, Equatable {
    /// `SchemeCondition.conditionID`.
    public var condition: String
    public var met: Bool
    public var note: String?
    public var date: CalendarDate
    public var agent: String

    public init(condition: String, met: Bool, note: String? = nil, date: CalendarDate, agent: String) {
        self.condition = condition; self.met = met; self.note = note; self.date = date; self.agent = agent
    }

    /// "remplie le 12/03/2026 (M. Leclercq) — note".
    public var summary: String {
        (met ? "remplie" : "non remplie") + " selon l'agent le \(FrenchFormat.date(date)) (\(agent))"
            + (note.map { $0.isEmpty ? "" : " — \($0)" } ?? "")
    }
}
