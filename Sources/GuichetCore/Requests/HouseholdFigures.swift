/// The household's figures the cotation derives from a request on a date (§7.4), all in
/// integers: UC in tenths, money in cents. Boundary tests cross-multiply exact integers, so no
/// rounding ever decides a criterion; the rounded figures are for display only.
public struct HouseholdFigures: Sendable, Equatable {
    /// Consumption units × 10: 10 for the requester, 5 per other person aged 14 or more,
    /// 3 per child under 14 (the birthday itself counts).
    public let ucTenths: Int
    public let persons: Int
    public let annualResources: Money
    /// Net monthly housing cost (rent + charges − housing benefit); nil without a home.
    public let netMonthlyCost: Money?

    /// The brief's RAV formula divides the monthly remainder by 30 days (the grid file's
    /// `ravDaysPerMonth` says so, with its source).
    public static let daysPerMonth = 30
    /// Days the monthly remainder is divided by.
    public let daysPerMonth: Int

    public init(request: SocialHousingRequest, on date: CalendarDate, scale: ConsumptionUnitScale = .oecdModified,
                daysPerMonth: Int = HouseholdFigures.daysPerMonth) {
        // The requester is the "first adult" whatever their age; a request without one (invalid)
        // still gets a first member at 1 UC so that no division by zero can occur.
        let ordered = request.members.filter { $0.role == .requester }
            + request.members.filter { $0.role != .requester }
        ucTenths = ordered.enumerated().reduce(0) { sum, item in
            let (i, member) = item
            if i == 0 { return sum + scale.firstPersonTenths }
            return sum + (member.birthDate.age(on: date) >= scale.olderFromAge ? scale.otherOlderTenths : scale.youngerTenths)
        }
        persons = request.members.count
        annualResources = request.annualResources
        netMonthlyCost = request.home?.netMonthlyCost
        self.daysPerMonth = max(1, daysPerMonth)
    }

    /// Yearly resources per UC, rounded half away from zero to the cent; nil without members.
    public var incomePerUc: Money? {
        guard ucTenths > 0 else { return nil }
        return Money(cents: annualResources.cents * 10).divided(by: ucTenths)
    }

    /// True when resources per UC are strictly under `threshold` (exact: resources × 10 < threshold × UC×10).
    public func isUnder(_ threshold: Money) -> Bool {
        annualResources.cents * 10 < threshold.cents * Int64(ucTenths)
    }

    /// Monthly remainder × 12 = yearly resources − 12 × net monthly cost, kept yearly to stay exact.
    private var yearlyRemainder: Int64? {
        netMonthlyCost.map { annualResources.cents - 12 * $0.cents }
    }

    private var remainderDivisor: Int64 { 12 * Int64(daysPerMonth) * Int64(persons) }

    /// Reste à vivre per person per day, rounded half away from zero to the cent.
    public var ravPerPersonPerDay: Money? {
        guard let remainder = yearlyRemainder, persons > 0 else { return nil }
        return Money(cents: remainder).divided(by: Int(remainderDivisor))
    }

    /// True when the reste à vivre is strictly under `threshold` per person per day (exact).
    public func ravIsUnder(_ threshold: Money) -> Bool {
        guard let remainder = yearlyRemainder, persons > 0 else { return false }
        return remainder < threshold.cents * remainderDivisor
    }

    /// Taux d'effort = net monthly cost / monthly resources, rounded half up to the basis point;
    /// nil without a home or without resources.
    public var tauxEffort: Percentage? {
        guard let cost = netMonthlyCost else { return nil }
        return Percentage.ratio(12 * cost.cents, of: annualResources.cents)
    }

    /// True when the taux d'effort is strictly above `threshold` (exact; with no resources at
    /// all, any positive housing cost is above it).
    public func tauxEffortIsAbove(_ threshold: Percentage) -> Bool {
        guard let cost = netMonthlyCost else { return false }
        return 12 * cost.cents * 10_000 > Int64(threshold.basisPoints) * annualResources.cents
    }
}

/// Consumption units in tenths (§7.4): the first person, each other person from `olderFromAge`,
/// each younger one. The OECD-modified scale INSEE uses is 10 / 5 / 3 from 14 years.
public struct ConsumptionUnitScale: Codable, Sendable, Equatable {
    public var firstPersonTenths: Int
    public var otherOlderTenths: Int
    public var youngerTenths: Int
    public var olderFromAge: Int

    public init(firstPersonTenths: Int, otherOlderTenths: Int, youngerTenths: Int, olderFromAge: Int) {
        self.firstPersonTenths = firstPersonTenths
        self.otherOlderTenths = otherOlderTenths
        self.youngerTenths = youngerTenths
        self.olderFromAge = olderFromAge
    }

    public static let oecdModified = ConsumptionUnitScale(firstPersonTenths: 10, otherOlderTenths: 5, youngerTenths: 3, olderFromAge: 14)
}
