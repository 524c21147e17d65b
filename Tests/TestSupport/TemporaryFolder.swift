import Foundation
import XCTest

/// A folder of its own for one test. Databases go in it, so removing the folder also removes
/// their -wal and -shm companions, and SQLite cannot recreate a file there once it is gone.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init(prefix: String = "guichet-test") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

extension XCTestCase {
    /// A fresh folder removed when the current test ends, passed or failed. Not a `deinit`:
    /// XCTest keeps its test case objects until the process ends, so theirs never run in time
    /// (Swift Testing releases a suite after each test: its suites remove theirs in `deinit`).
    public func temporaryFolder(prefix: String = "guichet-test") -> TemporaryFolder {
        let folder = TemporaryFolder(prefix: prefix)
        addTeardownBlock { folder.remove() }
        return folder
    }
}
