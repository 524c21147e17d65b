import Foundation

/// Whether the database file may be read through a memory mapping. On a network share (NFS,
/// SMB/CIFS) or a FUSE file system, a mapped page that cannot be read kills the process with
/// SIGBUS instead of returning an error the window can show; there, SQLite reads with read().
enum FileSystemKind {
    /// File system types (as /proc/self/mountinfo names them) whose mapped reads may fail.
    static let remoteTypes: Set<String> = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "glusterfs", "afs"]

    static func allowsMemoryMapping(type: String) -> Bool {
        !(remoteTypes.contains(type) || type == "fuse" || type.hasPrefix("fuse."))
    }

    /// For the folder holding `url` (the file may not exist yet); true when it cannot be told.
    static func allowsMemoryMapping(at url: URL) -> Bool {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8),
              let type = fileSystemType(of: url.deletingLastPathComponent().standardizedFileURL.path, mountInfo: mounts)
        else { return true }
        return allowsMemoryMapping(type: type)
    }

    /// The type of the mount holding `path`: the longest mount point that contains it.
    /// Lines read "36 35 98:0 / /mnt rw,relatime shared:1 - ext4 /dev/sda1 rw" (proc(5)).
    static func fileSystemType(of path: String, mountInfo: String) -> String? {
        var best: (point: String, type: String)?
        for line in mountInfo.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 4, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = fields[4].replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, fields[dash + 1]) }
        }
        return best?.type
    }
}
