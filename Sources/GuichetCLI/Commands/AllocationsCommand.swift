import ArgumentParser

/// `guichet allocations …`: the allocation register of the CIA (import of extracts, review).
struct AllocationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocations",
        abstract: "Registre des attributions de la CIA : import des extraits, bilan calculé par année, bailleur, réservataire et commune.",
        subcommands: [AllocationsImportCommand.self, AllocationsReviewCommand.self, AllocationsDemoExtractCommand.self])
}
