import Foundation

/// Appends UTF-8 text to a file through a fixed-size buffer, so memory stays flat
/// whatever the number of rows (CSV files, ODS content.xml).
final class ChunkedTextWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let chunkSize: Int

    /// Opens the file emptied (an existing file keeps its owner-only mode), or creates it 0600.
    init(creating url: URL, chunkSize: Int = 64 * 1024) throws(ReportError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path: url.path, reason: AtomicOutput.reason(errno: errno)) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
            throw ReportError.cannotWrite(path: path, reason: AtomicOutput.reason(for: error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes what is left and closes the file.
    func close() throws {
        try flush()
        do { try handle.synchronize(); try handle.close() } catch {
            throw ReportError.cannotWrite(path: path, reason: AtomicOutput.reason(for: error))
        }
    }

    deinit { try? handle.close() }
}
