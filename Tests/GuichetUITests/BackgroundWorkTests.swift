import Foundation
@testable import GuichetUI
import XCTest

final class BackgroundWorkTests: XCTestCase {
    func testRunsMeanwhileAndHandsItsValueOrErrorToEveryWaiter() async throws {
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            started.signal()
            proceed.wait()
            return 42
        }
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success, "the work starts on its own thread at once")
        async let waiting = work.value // asked before the work is done
        proceed.signal()
        let first = try await waiting
        XCTAssertEqual(first, 42)
        let again = try await work.value
        XCTAssertEqual(again, 42, "asking again after it is done answers at once")

        struct Refused: Error {}
        let failing = BackgroundWork { () throws -> Int in throw Refused() }
        do {
            _ = try await failing.value
            XCTFail("the error is handed on")
        } catch {
            XCTAssertTrue(error is Refused)
        }
    }
}
