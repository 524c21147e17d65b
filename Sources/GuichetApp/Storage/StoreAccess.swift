import Dispatch
import Foundation
import GuichetCore

/// Runs the store's (blocking) sessions on a background queue and resumes the caller when they
/// are done: the GTK main thread awaits instead of waiting, and a shared server's round trips
/// will cost the window nothing. Reads run concurrently (the SQLite pool has several readers);
/// writes are serialised by the store itself.
///
/// A task cancelled before its session started (an older keystroke's search) never runs it; a
/// session already running completes and its result is dropped by the cancelled caller.
final class StoreAccess: Sendable {
    let store: any GuichetStore
    private let queue = DispatchQueue(label: "fr.guichethabitat.store", qos: .userInitiated, attributes: .concurrent)

    init(_ store: any GuichetStore) { self.store = store }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) throws -> T) async throws -> T {
        try await run { [store] in try store.read(body) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreSession) throws -> T) async throws -> T {
        try await run { [store] in try store.write(body) }
    }

    /// Any other blocking work (reading an input file, writing an export) off the caller's thread.
    func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(work)
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        let cancelled = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                queue.async {
                    guard !cancelled.isSet else { return continuation.resume(throwing: CancellationError()) }
                    continuation.resume(with: Result { try work() })
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }
}

/// Set once by a cancellation handler, read by the queued work.
private final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
