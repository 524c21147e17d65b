/// A time the request was presented to a landlord's allocation committee (CAL),
/// with the rank the committee gave it (1 = chosen, 2 or 3 = runner-up).
public struct CalProposal: Codable, Sendable, Equatable {
    public var date: CalendarDate
    public var landlord: String?
    public var rank: Int

    public init(date: CalendarDate, landlord: String? = nil, rank: Int) {
        self.date = date
        self.landlord = landlord
        self.rank = rank
    }
}
