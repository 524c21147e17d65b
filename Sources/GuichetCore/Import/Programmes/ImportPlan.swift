/// What applying an import will do to each row, decided from the rows and the stored programmes
/// of the same families (same kind, year, commune, name and period; "#2" repetitions included):
///
/// - a row identical to a stored programme of its family changes nothing (re-import is a no-op);
/// - otherwise a row updates a stored programme only when the match is unambiguous (one row
///   left, one stored programme left), and when its figures differ widely the update is held
///   for the agent to confirm;
/// - otherwise it is a new programme under a free key (an ambiguous match is said so): rows
///   never overwrite each other.
public struct ImportPlan<P: ProgrammeListFields & Hashable & Sendable & Codable>: Sendable {
    public enum Action: Sendable {
        case insert(key: String, row: ImportedRow<P>)
        case update(key: String, row: ImportedRow<P>)
        case unchanged(key: String, row: ImportedRow<P>)
        /// Not written unless the agent accepts the differences.
        case held(key: String, row: ImportedRow<P>)
    }
    public var actions: [Action] = []
    public var reviews: [ImportReview] = []

    /// - Parameter stored: the stored programmes of the rows' families, by key.
    public init(rows: [ImportedRow<P>], stored: [String: P], rules: PlausibilityRules, acceptWideDifferences: Bool) {
        var families: [String: [ImportedRow<P>]] = [:]
        var order: [String] = []
        for row in rows {
            let f = ProgrammeKey.family(row.naturalKey)
            if families[f] == nil { order.append(f) }
            families[f, default: []].append(row)
        }
        var storedByFamily: [String: [String]] = [:]
        for key in stored.keys { storedByFamily[ProgrammeKey.family(key), default: []].append(key) }
        for f in order {
            let fileRows = families[f]!
            let storedKeys = (storedByFamily[f] ?? []).sorted { Self.rank($0) < Self.rank($1) }
            // Stored members by figures, so finding an identical one costs one look-up however big the family.
            var identicalKeys: [P: [String]] = [:]
            for k in storedKeys.reversed() { identicalKeys[stored[k]!, default: []].append(k) }
            var consumed: Set<String> = []
            var pending: [ImportedRow<P>] = []
            for row in fileRows {
                // The row's own key first, then any other identical one of the family.
                var hit: String?
                if !consumed.contains(row.naturalKey), stored[row.naturalKey] == row.programme { hit = row.naturalKey }
                else {
                    while let k = identicalKeys[row.programme]?.popLast() {
                        if !consumed.contains(k) { hit = k; break }
                    }
                }
                if let k = hit { consumed.insert(k); actions.append(.unchanged(key: k, row: row)) }
                else { pending.append(row) }
            }
            let remaining = storedKeys.filter { !consumed.contains($0) }
            if pending.count == 1, remaining.count == 1, let old = stored[remaining[0]] {
                let row = pending[0], key = remaining[0]
                if let difference = Self.wideDifference(old, row.programme, rules: rules) {
                    reviews.append(ImportReview(line: row.line, key: key, reason: .wideDifference,
                        message: "« \(row.programme.name) » (\(row.programme.commune)) diffère fortement du programme en base : \(difference)"
                            + (acceptWideDifferences ? " ; mis à jour (accepté)" : " ; non mis à jour sans confirmation")))
                    actions.append(acceptWideDifferences ? .update(key: key, row: row) : .held(key: key, row: row))
                } else {
                    actions.append(.update(key: key, row: row))
                }
                continue
            }
            var taken = Set(storedKeys)
            var n = 1
            for row in pending {
                var key = row.naturalKey
                // Free suffixes counted up once per family, not searched from #2 for every row.
                while taken.contains(key) { n += 1; key = f + "#\(n)" }
                taken.insert(key)
                if !remaining.isEmpty {
                    reviews.append(ImportReview(line: row.line, key: key, reason: .ambiguous,
                        message: "« \(row.programme.name) » (\(row.programme.commune)) correspond à \(remaining.count) programme(s) en base "
                            + "sans qu'on puisse dire lequel : ajouté comme nouveau programme (\(key)), à rapprocher"))
                }
                actions.append(.insert(key: key, row: row))
            }
        }
    }

    /// "x" sorts before "x#2" before "x#10".
    private static func rank(_ key: String) -> (String, Int) {
        let f = ProgrammeKey.family(key)
        return (f, f == key ? 1 : Int(key.dropFirst(f.count + 1)) ?? Int.max)
    }

    /// A French description of the differences wider than the rules allow, or nil.
    static func wideDifference(_ old: P, _ new: P, rules: PlausibilityRules) -> String? {
        var parts: [String] = []
        func wide(_ a: Int64?, _ b: Int64?) -> Bool {
            guard let a, let b else { return false }
            let m = max(a.magnitude, b.magnitude)
            guard m > 0 else { return false }
            return a.distance(to: b).magnitude * 10_000 > UInt64(rules.wideDifferenceBasisPoints) * m
        }
        if wide(old.dwellingCount.map(Int64.init), new.dwellingCount.map(Int64.init)) {
            parts.append("logements \(old.dwellingCount!) → \(new.dwellingCount!)")
        }
        if wide(old.stateSubsidy.value?.cents, new.stateSubsidy.value?.cents) {
            parts.append("subvention État \(FrenchFormat.money(old.stateSubsidy.value!)) → \(FrenchFormat.money(new.stateSubsidy.value!))")
        }
        if wide(old.epciSubsidy.value?.cents, new.epciSubsidy.value?.cents) {
            parts.append("subvention agglomération \(FrenchFormat.money(old.epciSubsidy.value!)) → \(FrenchFormat.money(new.epciSubsidy.value!))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

/// A row the agent should look at before (or after) the import writes it.
public struct ImportReview: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// One stored programme matches, with figures far apart: held unless accepted.
        case wideDifference
        /// Several stored programmes could match: imported as a new one.
        case ambiguous
    }
    public var line: Int
    /// The stored programme's key (wide difference) or the new programme's key (ambiguous).
    public var key: String
    public var reason: Reason
    public var message: String
}
