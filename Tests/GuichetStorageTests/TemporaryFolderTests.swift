import Foundation
import GRDB
import XCTest
@testable import GuichetStorage

/// The test fixture itself: removing a test's folder takes an open WAL database with it.
final class TemporaryFolderTests: XCTestCase {
    func testRemoveTakesTheDatabaseAndItsWalAndShmFiles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let url = folder.file("essai.sqlite")
        let store = try SQLiteStore.create(url, territory: "capso", agent: "test")
        try store.pool.write { try $0.execute(sql: "CREATE TABLE essai (x INTEGER)") }
        for suffix in ["", "-wal", "-shm"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: url.path + suffix), "absent : \(suffix)")
        }
        folder.remove()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.url.path))
        // The store still open cannot bring a file back: its folder is gone.
        _ = try? SQLiteStore.open(url)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        _ = store
    }
}
