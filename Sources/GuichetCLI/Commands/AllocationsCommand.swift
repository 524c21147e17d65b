import ArgumentParser

/// `guichet allocations …`: the allocation register of the CIA (import of extracts, review).
struct AllocationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocations",
        abstract: "Registre des attributions de la CIA : bilan calculé par année, bailleur, réservataire et commune.",
        subcommands: [AllocationsReviewCommand.self])
}
