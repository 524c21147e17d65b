import Foundation
import GuichetCLI
import GuichetUI

// One executable: with no subcommand it opens the window, otherwise it runs the command line.
let status = GuichetCLI.main(arguments: CommandLine.arguments) { request in
    MainActor.assumeIsolated { GuichetWindowLauncher.run(request) }
}
exit(status)
