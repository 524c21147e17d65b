import Foundation
@testable import GuichetUI
import XCTest

final class BackgroundWorkTests: XCTestCase {
    func testRunsMeanwhileAndHandsItsValueOrErrorOnce() throws {
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let work = BackgroundWork { () -> Int in
            started.signal()
            proceed.wait()
            return 42
        }
        XCTAssertEqual(started.wait(timeout: .now() + 5), .success, "the work starts on its own thread at once")
        proceed.signal()
        XCTAssertEqual(try work.result(), 42)
        XCTAssertEqual(try work.result(), 42, "asking again does not wait forever")

        struct Refused: Error {}
        let failing = BackgroundWork { () throws -> Int in throw Refused() }
        XCTAssertThrowsError(try failing.result()) { XCTAssertTrue($0 is Refused) }
    }
}
