import Foundation
import GuichetCLI
import GuichetUI

// One executable, and the only place that knows both front ends: with no subcommand it opens
// the window, otherwise it runs the command line.
let status = GuichetCLI.main(arguments: CommandLine.arguments) { database, clock in
    MainActor.assumeIsolated { GuichetWindowLauncher.run(database: database, clock: clock) }
}
exit(status)
