import GtkKit

/// Builds what lies below the fold a few pieces per frame once the screen is on screen: opening
/// a section costs what it shows first, and no frame pays for all the rest at once (a long form
/// or a page of tables measured in one go froze the window for a tenth of a second and more).
/// Nothing is built while the screen is not shown; `complete()` builds what is left at once,
/// for whoever needs the whole widget tree now.
@MainActor
final class ProgressiveFill {
    /// Pieces built per frame.
    let perFrame: Int
    private weak var anchor: Widget?
    private var pending: [@MainActor () -> Void] = []
    private var scheduled = false
    /// Bumped by `cancel()`: a frame scheduled before belongs to pieces that are gone.
    private var round = 0

    /// `anchor`: a widget of the screen, whose frames pace the building.
    init(anchor: Widget, perFrame: Int) {
        self.anchor = anchor
        self.perFrame = max(1, perFrame)
    }

    /// True while pieces wait to be built.
    var isFilling: Bool { !pending.isEmpty }

    /// Queues pieces, built in order after the next frames.
    func add(_ pieces: [@MainActor () -> Void]) {
        pending += pieces
        schedule()
    }

    /// Builds every piece left, now.
    func complete() {
        while !pending.isEmpty { pending.removeFirst()() }
    }

    /// Drops the pieces not built yet (the data they showed were replaced).
    func cancel() {
        pending.removeAll()
        round += 1
        scheduled = false
    }

    private func schedule() {
        guard !scheduled, !pending.isEmpty, let anchor else { return }
        scheduled = true
        let round = self.round
        anchor.onAfterNextPaint { [weak self] in
            guard let self, self.round == round else { return }
            self.scheduled = false
            for _ in 0..<min(self.perFrame, self.pending.count) { self.pending.removeFirst()() }
            self.schedule()
        }
    }
}
