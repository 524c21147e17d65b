import CGtk
import CGtkShim

/// Suggestions under an entry as the user types (GtkEntryCompletion, still GTK 4.8's way): the
/// owner decides which items match (`show(_:)` after each change) and hears which one was
/// picked, by click or by arrows and Enter.
@MainActor
public final class EntryCompletion {
    private let completion: OpaquePointer

    /// Attaches suggestions to `entry` (a GtkEntry); `onChosen` gets the index of the item picked
    /// among those last shown.
    public init(entry: Entry, onChosen: @escaping @MainActor (Int) -> Void) {
        let box = SignalBox<@MainActor (Int32) -> Void>({ index in onChosen(Int(index)) }).retainedPointer()
        completion = guichet_completion_new(guichet_entry(entry.raw), completionChosen, box, completionRelease)
    }

    /// Shows these items under the entry (none: the list closes).
    public func show(_ items: [String]) {
        var pointers = items.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(1, buffer.count)) { base in
                guichet_completion_set_items(completion, base, Int32(items.count))
            }
        }
    }
}

private let completionChosen: GuichetChosenHandler = { index, box in
    let handler = SignalBox<@MainActor (Int32) -> Void>.from(box)
    MainActor.assumeIsolated { handler(index) }
}

private let completionRelease: GClosureNotify = { data, _ in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}
