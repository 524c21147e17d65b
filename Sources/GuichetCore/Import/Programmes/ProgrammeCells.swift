/// Cells only programme tables have: energy labels, MOD/VEFA, works kind, operation status.
extension CellReader {
    public static func label(_ raw: String) -> SourceValue<EnergyLabel> {
        readFirstWord(raw) { EnergyLabel(rawValue: $0.uppercased()) }
    }

    public static func projectManagement(_ raw: String) -> SourceValue<ProjectManagement> {
        readFirstWord(raw) { word in
            switch word { case "vefa": .vefa; case "mod": .mod; default: nil }
        }
    }

    public static func worksKind(_ raw: String) -> SourceValue<WorksKind> {
        read(raw) { text in
            switch LooseName.key(text) {
            case "neuf", "construction neuve", "construction": .newBuild
            case "aa", "acquisition amelioration", "acq amelioration", "acquisition": .acquisitionImprovement
            default: nil
            }
        }
    }

    public static func rehabilitationStatus(_ raw: String) -> SourceValue<RehabilitationStatus> {
        read(raw) { text in
            switch LooseName.key(text) {
            case "a financer", "prevision", "prevu", "en projet", "projet": .toFinance
            case "non demarre", "pas demarre", "non demarree": .notStarted
            case "demarre", "demarree": .started
            case "en cours", "en travaux", "travaux en cours": .inProgress
            case "termine", "terminee", "acheve", "livre": .finished
            case "clos", "cloture", "solde": .closed
            default: nil
            }
        }
    }
}
