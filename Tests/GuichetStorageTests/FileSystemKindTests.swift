import Foundation
import GRDB
import Testing
@testable import GuichetStorage

struct FileSystemKindTests {
    static let mountInfo = """
        22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
        30 22 0:26 / /tmp rw,nosuid shared:8 - tmpfs tmpfs rw
        41 22 0:40 / /mnt/services rw,relatime shared:20 - cifs //srv/habitat rw,vers=3.0
        42 41 0:41 / /mnt/services/local\\040disk rw shared:21 - ext4 /dev/sdb1 rw
        43 22 0:42 / /home/agent/partage rw shared:22 - fuse.sshfs agent@srv: rw
        """

    @Test func theLongestMountPointHoldingThePathGivesItsType() {
        #expect(FileSystemKind.fileSystemType(of: "/home/agent", mountInfo: Self.mountInfo) == "ext4")
        #expect(FileSystemKind.fileSystemType(of: "/tmp", mountInfo: Self.mountInfo) == "tmpfs")
        #expect(FileSystemKind.fileSystemType(of: "/mnt/services/guichet", mountInfo: Self.mountInfo) == "cifs")
        #expect(FileSystemKind.fileSystemType(of: "/mnt/services/local disk/b", mountInfo: Self.mountInfo) == "ext4")
        #expect(FileSystemKind.fileSystemType(of: "/mnt/servicesX", mountInfo: Self.mountInfo) == "ext4",
                "a longer name is not inside the mount")
        #expect(FileSystemKind.fileSystemType(of: "/home/agent/partage/g.sqlite", mountInfo: Self.mountInfo) == "fuse.sshfs")
    }

    @Test func networkSharesAreReadWithoutMapping() {
        for type in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "fuse", "9p"] {
            #expect(!FileSystemKind.allowsMemoryMapping(type: type), "\(type)")
        }
        for type in ["ext4", "xfs", "btrfs", "tmpfs", "overlay"] {
            #expect(FileSystemKind.allowsMemoryMapping(type: type), "\(type)")
        }
    }

    @Test func aLocalDatabaseIsReadThroughAMapping() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-mmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.create(folder.appendingPathComponent("m.sqlite"), territory: "capso", agent: "test")
        let size = try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") }
        #expect(size == 268_435_456)
    }
}
