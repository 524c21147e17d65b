/// A landlord's own figures that do not agree with each other, flagged and never corrected:
/// what the landlords list of the command line and the Bailleurs screen both show.
extension Landlord {
    /// Stock not adding up, and a printed 2017 share (rounded to the unit) further than half a
    /// point from what its own counts give. French sentences.
    public var sourceInconsistencies: [String] {
        var out: [String] = []
        if let s = stock?.inconsistency { out.append(s) }
        if let a = allocations2017, let printed = a.priorityShare, let computed = a.computedShare,
           abs(computed.basisPoints - printed.basisPoints) > 50 {
            out.append("part 2017 aux publics prioritaires publiée \(FrenchFormat.percent(printed, decimals: 0)), "
                       + "recalculée \(FrenchFormat.percent(computed)) (\(a.toPriority ?? 0) / \(a.total ?? 0))")
        }
        return out
    }
}

extension LandlordStock {
    /// The stock inconsistency in a sentence, "Le tableau source donne 223 logements, mais
    /// 78 + 0 = 78" (what the window shows); nil when it adds up.
    public var inconsistencySentence: String? {
        guard let a = outsideQPV, let b = inQPV, let t = total, a + b != t else { return nil }
        return "Le tableau source donne \(FrenchFormat.integer(t)) logements, mais \(FrenchFormat.integer(a)) + \(FrenchFormat.integer(b)) = \(FrenchFormat.integer(a + b))"
    }
}
