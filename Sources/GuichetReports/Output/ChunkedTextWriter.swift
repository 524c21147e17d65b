import Foundation

/// Appends UTF-8 text to a file through a fixed-size buffer, so memory stays flat
/// whatever the number of rows (CSV files, ODS content.xml).
final class ChunkedTextWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let chunkSize: Int

    init(creating url: URL, chunkSize: Int = 64 * 1024) throws(ReportError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw .cannotCreate(path: url.path, reason: "création refusée par le système")
        }
        do { handle = try FileHandle(forWritingTo: url) } catch {
            throw .cannotCreate(path: url.path, reason: error.localizedDescription)
        }
        path = url.path
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunkSize { try flush() }
    }

    func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw ReportError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes what is left and closes the file.
    func close() throws {
        try flush()
        do { try handle.close() } catch {
            throw ReportError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    deinit { try? handle.close() }
}
