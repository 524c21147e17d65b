/// Where the household lives when it asks, and what that home costs each month.
public struct CurrentHome: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case socialTenant, privateTenant, owner, hostedByThirdParty, institution, withoutHome, other

        public var frenchLabel: String {
            switch self {
            case .socialTenant: "locataire du parc social"
            case .privateTenant: "locataire du parc privé"
            case .owner: "propriétaire occupant"
            case .hostedByThirdParty: "hébergé chez un tiers"
            case .institution: "hébergé en structure"
            case .withoutHome: "sans logement"
            case .other: "autre"
            }
        }
    }

    public var status: Status
    public var monthlyRent: Money
    public var monthlyCharges: Money
    public var monthlyHousingBenefit: Money

    public init(status: Status, monthlyRent: Money, monthlyCharges: Money = .zero,
                monthlyHousingBenefit: Money = .zero) {
        self.status = status
        self.monthlyRent = monthlyRent
        self.monthlyCharges = monthlyCharges
        self.monthlyHousingBenefit = monthlyHousingBenefit
    }

    /// What the household pays each month: rent + charges − housing benefit (may be negative).
    public var netMonthlyCost: Money { monthlyRent + monthlyCharges - monthlyHousingBenefit }

    public func validate() -> [ValidationError] {
        [(monthlyRent, "monthlyRent"), (monthlyCharges, "monthlyCharges"),
         (monthlyHousingBenefit, "monthlyHousingBenefit")]
            .compactMap { negativeAmountError($0.0, field: $0.1) }
    }
}

/// The shared "amount cannot be negative, nor past `InputLimits.maximumAmount`" error, as a
/// value: past the limit the cotation's exact integer comparisons could overflow.
func negativeAmountError(_ amount: Money, field: String) -> ValidationError? {
    do {
        try InputLimits.checkAmount(cents: amount.cents, field: field)
        return nil
    } catch {
        return error
    }
}
