import GtkKit

/// Long work under way (import preview, export, re-scoring): a spinner, what is being done, and
/// "Interrompre". The work runs off the main thread through the use cases; interrupting cancels
/// its task: what was not yet written is not written, and its result is dropped.
@MainActor
final class WorkProgress {
    let root = Box(vertical: false, spacing: 8)
    private let spinner = Spinner()
    private let label = Label("")
    let stopButton = Button(label: "Interrompre")
    private var task: Task<Void, Never>?
    private var stoppedText = ""

    init() {
        label.xAlign = 0
        label.wraps = true
        label.setExpand(horizontal: true, vertical: false)
        root.append(spinner)
        root.append(label)
        root.append(stopButton)
        root.isVisible = false
        stopButton.onClicked { [weak self] in self?.stop() }
    }

    var isRunning: Bool { task != nil }
    /// What the line says ("Aperçu de l’import de « x.csv » en cours…").
    var text: String { label.text }

    /// Runs `work` with the line shown as `what`; `done` gets its outcome on the main actor,
    /// unless it was interrupted. One work at a time: a second one waits for the agent to stop
    /// the first.
    /// `stopped`: what the line says once interrupted.
    func run<T: Sendable>(_ what: String, stopped: String, _ work: @escaping @Sendable () async throws -> T,
                          done: @escaping @MainActor (Result<T, any Error>) -> Void) {
        guard task == nil else { return }
        label.text = what
        stoppedText = stopped
        spinner.isSpinning = true
        root.isVisible = true
        task = Task { [weak self] in
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            guard let self, !Task.isCancelled else { return }
            self.finish()
            done(outcome)
        }
    }

    /// "Interrompre": the task is cancelled and the line says so.
    func stop() {
        guard let task else { return }
        task.cancel()
        finish()
        label.text = stoppedText
        root.isVisible = true
        stopButton.isVisible = false
    }

    private func finish() {
        task = nil
        spinner.isSpinning = false
        root.isVisible = false
        stopButton.isVisible = true
    }
}
