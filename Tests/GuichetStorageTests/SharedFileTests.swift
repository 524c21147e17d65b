import Foundation
import GRDB
import XCTest
import GuichetCore
import TestSupport
@testable import GuichetStorage

/// Several processes on one file, and files that are not the product's: opening reads only,
/// waits for short locks, and never destroys what it did not create.
final class SharedFileTests: XCTestCase {
    func testOpeningWritesNothingSoAHeldWriteLockDoesNotBlockReading() throws {
        let dir = temporaryFolder()
        let url = dir.file("g.sqlite")
        _ = try SQLiteStore.create(url, territory: "capso")
        // Another process in the middle of a long write: it holds the write lock.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: url.path, configuration: config)
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? other.inDatabase { try $0.execute(sql: "ROLLBACK") } }
        let started = Date()
        let store = try SQLiteStore.open(url)
        XCTAssertEqual(try store.read { try $0.territoryID() }, "capso")
        // Waiting for the lock would last the whole busy timeout (and then fail): the bound is
        // that timeout, not a speed, so a loaded machine cannot make this flaky.
        XCTAssertLessThan(Date().timeIntervalSince(started), ConnectionSetup.busyTimeout, "opening waited for the write lock")
    }

    func testAFolderIsRefusedByNameAndLeftAlone() throws {
        let dir = temporaryFolder()
        let folder = dir.file("base")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("inside.txt"))
        XCTAssertThrowsError(try SQLiteStore.open(folder)) { XCTAssertEqual($0 as? OpenError, .isFolder(path: folder.path)) }
        XCTAssertThrowsError(try SQLiteStore.create(folder, territory: "capso")) { XCTAssertEqual($0 as? OpenError, .isFolder(path: folder.path)) }
        XCTAssertThrowsError(try StagedDatabase.build(at: folder, territory: "capso", replacing: true) { _ in }) {
            XCTAssertEqual($0 as? OpenError, .isFolder(path: folder.path))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("inside.txt").path))
    }

    func testStagedBuildReplacesOnlyAGuichetDatabase() throws {
        let dir = temporaryFolder()
        let sheet = dir.file("tableau.csv")
        try Data("a;b\n".utf8).write(to: sheet)
        let foreign = dir.file("autre.sqlite")
        let q = try DatabaseQueue(path: foreign.path)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        let foreignBytes = try Data(contentsOf: foreign)
        for target in [sheet, foreign] {
            XCTAssertThrowsError(try StagedDatabase.build(at: target, territory: "capso", replacing: true) { _ in }) {
                XCTAssertEqual($0 as? OpenError, .notReplaceable(path: target.path))
            }
        }
        XCTAssertEqual(try Data(contentsOf: sheet), Data("a;b\n".utf8))
        XCTAssertEqual(try Data(contentsOf: foreign), foreignBytes)

        let base = dir.file("g.sqlite")
        try StagedDatabase.build(at: base, territory: "capso", replacing: false) { _ in }
        XCTAssertThrowsError(try StagedDatabase.build(at: base, territory: "demo", replacing: false) { _ in }) {
            XCTAssertEqual($0 as? OpenError, .exists(path: base.path))
        }
        try StagedDatabase.build(at: base, territory: "demo", replacing: true) { _ in }
        XCTAssertEqual(try SQLiteStore.open(base).read { try $0.territoryID() }, "demo")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("guichet-tmp") }
        XCTAssertEqual(left, [])
    }

    func testAFailedBuildLeavesNeitherTargetNorTemporaryFile() throws {
        let dir = temporaryFolder()
        let base = dir.file("g.sqlite")
        struct Interrupted: Error {}
        XCTAssertThrowsError(try StagedDatabase.build(at: base, territory: "capso", replacing: false) { _ in throw Interrupted() })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path), [])
    }

    func testTemporaryFilesOfDeadProcessesAreSweptAndOthersKept() throws {
        let dir = temporaryFolder()
        let mine = TemporaryFiles.url(beside: dir.file("bilan.pdf"))
        XCTAssertTrue(TemporaryFiles.create(mine))
        let mode = try FileManager.default.attributesOfItem(atPath: mine.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        // A process id no running process has (above the kernel's maximum).
        let dead = dir.file(".bilan.ods.guichet-tmp-999999999-ABCD1234")
        for suffix in ["", "-wal", "-shm"] { try Data("x".utf8).write(to: URL(fileURLWithPath: dead.path + suffix)) }
        let unrelated = dir.file(".bilan.ods.tmp")
        try Data("x".utf8).write(to: unrelated)
        XCTAssertEqual(TemporaryFiles.sweep(folder: dir.url), 3)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted(),
                       [unrelated.lastPathComponent, mine.lastPathComponent].sorted())
    }

    func testStorageMessagesAreFrench() {
        for code in [ResultCode.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_NOMEM, .SQLITE_TOOBIG, .SQLITE_PROTOCOL] {
            let text = SQLiteStore.describe(DatabaseError(resultCode: code, message: "disk I/O error"))
            XCTAssertFalse(text.contains("disk I/O"), text)
        }
    }
}
