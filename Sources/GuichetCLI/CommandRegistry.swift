import ArgumentParser

/// Every subcommand of `guichet`, in the order `--help` lists them. One line per command.
enum CommandRegistry {
    static let all: [any ParsableCommand.Type] = [
        InitCommand.self,
        DemoCommand.self,
        CheckCommand.self,
        DossiersCommand.self,
        BudgetCommand.self,
        PLHCommand.self,
        TerritoriesCommand.self,
        CotationCommand.self,
        RequestsCommand.self,
        BenchmarkCommand.self,
        ProgrammesCommand.self,
        LandlordsCommand.self,
        CommunesCommand.self,
        ConventionsCommand.self,
        AllocationsCommand.self,
        ReportCommand.self,
        DocumentCommand.self,
        RGPDCommand.self,
    ]
}
