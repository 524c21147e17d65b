import Foundation
import GuichetApp
import GuichetCore

/// What the first screen shows, asked for as soon as the database is open while GTK starts: the
/// first launch of the day reads the file from disk, and that wait overlaps GTK's own start
/// instead of following it. A screen built once the rows are in shows them in its first frame.
public struct StartupPrefetch: Sendable {
    /// Count and first page of the dossier list in its default order, being read.
    public var dossiers: Prefetched<DossierRowPage>?

    public init(dossiers: Prefetched<DossierRowPage>? = nil) { self.dossiers = dossiers }

    /// Starts reading what `section` (nil: the first one) opens with; nothing for the others.
    public static func start(on guichet: Guichet, section: String?) -> StartupPrefetch {
        guard section == nil || section == DossiersScreen.section.id else { return StartupPrefetch() }
        let query = DossierListSource.firstPage(of: DossierQuery())
        return StartupPrefetch(dossiers: Prefetched {
            let page = try await guichet.dossierRowPage(query)
            StartupTimeline.mark("1re page des dossiers lue")
            return page
        })
    }

    /// Waits until what is being read is in, or `limit` passed: the window builds its first
    /// screen complete (one frame, rows included) unless the base is slow to answer, in which
    /// case the screen says it is reading.
    public func settle(within limit: Duration) async {
        guard let dossiers, dossiers.readyValue == nil else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await dossiers.task.value }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }
}

/// Work started early whose value a screen takes at once when it is already there, or awaits.
public struct Prefetched<Value: Sendable>: Sendable {
    public let task: Task<Value, any Error>
    private let box: ValueBox<Value>

    /// Starts `work` now, off the main actor.
    public init(_ work: @escaping @Sendable () async throws -> Value) {
        let box = ValueBox<Value>()
        self.box = box
        task = Task.detached {
            let value = try await work()
            box.set(value)
            return value
        }
    }

    /// A value already at hand (tests).
    public init(value: Value) {
        box = ValueBox(value)
        task = Task { value }
    }

    /// The value if the work is done, without waiting.
    public var readyValue: Value? { box.value }
}

/// A value set once from any thread.
private final class ValueBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    init(_ value: Value? = nil) { stored = value }

    var value: Value? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }
}
