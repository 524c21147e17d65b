/// Who builds: the landlord itself (maîtrise d'ouvrage directe) or a developer selling off-plan.
public enum ProjectManagement: String, Hashable, Sendable, Codable, CaseIterable {
    case mod, vefa
    public var label: String { self == .mod ? "MOD" : "VEFA" }
}

/// New supply built from scratch, or an existing building bought and renovated.
public enum WorksKind: String, Hashable, Sendable, Codable, CaseIterable {
    case newBuild, acquisitionImprovement
    public var label: String { self == .newBuild ? "neuf" : "acquisition-amélioration" }
}

/// Progress of a rehabilitation operation, as the review tables write it.
public enum RehabilitationStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case toFinance, notStarted, started, inProgress, finished, closed
    public var label: String {
        switch self {
        case .toFinance: "à financer"
        case .notStarted: "non démarré"
        case .started: "démarré"
        case .inProgress: "en cours"
        case .finished: "terminé"
        case .closed: "clos"
        }
    }
}

/// Energy label, A (best) to G (worst).
public enum EnergyLabel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F", g = "G"
    public static func < (x: EnergyLabel, y: EnergyLabel) -> Bool { x.rawValue < y.rawValue }
}

/// Dwelling sizes of a construction programme; each count may be unknown.
public struct Typologies: Hashable, Sendable, Codable {
    public var t1: SourceValue<Int>
    public var t2: SourceValue<Int>
    public var t3: SourceValue<Int>
    public var t4: SourceValue<Int>
    public var t5Plus: SourceValue<Int>

    public init(t1: SourceValue<Int> = .notProvided, t2: SourceValue<Int> = .notProvided,
                t3: SourceValue<Int> = .notProvided, t4: SourceValue<Int> = .notProvided,
                t5Plus: SourceValue<Int> = .notProvided) {
        self.t1 = t1; self.t2 = t2; self.t3 = t3; self.t4 = t4; self.t5Plus = t5Plus
    }

    var all: [SourceValue<Int>] { [t1, t2, t3, t4, t5Plus] }
    /// True when every size is known: only then are T1-T2 shares meaningful.
    public var isComplete: Bool { all.allSatisfy(\.isKnown) }
    public var t1t2: Int? { isComplete ? (t1.value! + t2.value!) : nil }
    public var t1t3: Int? { isComplete ? (t1.value! + t2.value! + t3.value!) : nil }
    public var total: Int? { isComplete ? all.reduce(0) { $0 + $1.value! } : nil }
}
