import GtkKit
import XCTest

/// Base for GTK tests: XCTest methods are not main-actor isolated (an @MainActor XCTestCase
/// crashes on Linux); each body runs in `MainActor.assumeIsolated` on the main thread.
class GtkTestCase: XCTestCase {
    func skipWithoutDisplay() throws {
        let ok = MainActor.assumeIsolated { MainLoop.initializeGTK() }
        try XCTSkipUnless(ok, "no display: run under xvfb-run -a dbus-run-session -- swift test")
    }
}

/// Counts how many times objects it tracks were freed.
final class DeinitCounter: @unchecked Sendable {
    var count = 0
}

final class Tracked {
    let counter: DeinitCounter
    init(_ counter: DeinitCounter) { self.counter = counter }
    deinit { counter.count += 1 }
}
