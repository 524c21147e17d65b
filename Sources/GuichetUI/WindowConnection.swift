import GtkKit
import GuichetApp

/// What the window receives once its database is open: the use cases on it, the territory's
/// name for the title, and the first screen's data already being read.
public struct WindowConnection: Sendable {
    public var guichet: Guichet
    public var prefetch: StartupPrefetch

    public init(guichet: Guichet, prefetch: StartupPrefetch = StartupPrefetch()) {
        self.guichet = guichet
        self.prefetch = prefetch
    }
}

/// The content of the window while its database is being opened (« Connexion à la base… »), or
/// why it could not be: the window is on screen at once, whatever the file or the server takes.
/// The words and the spinner appear only when the opening lasts (`patience`): a file opens in
/// a few tens of milliseconds, and a flash of text, or a spinner's frames drawn meanwhile, would
/// only slow the first screen down.
@MainActor
final class ConnectionPage {
    static let patience: Duration = .milliseconds(400)
    let root = Box(vertical: true, spacing: 12)
    private let spinner = Spinner()
    private let heading = Label("Connexion à la base…")
    private let detail = Label("")

    init(location: String) {
        root.center()
        heading.addCSSClass("title-2")
        detail.wraps = true
        detail.addCSSClass("dim-label")
        detail.text = location
        root.append(spinner)
        root.append(heading)
        root.append(detail)
        root.setAccessibleLabel("Connexion à la base")
        for part in [spinner, heading, detail] as [Widget] { part.isVisible = false }
        Task { [weak self] in
            try? await Task.sleep(for: Self.patience)
            self?.showWaiting()
        }
    }

    /// Whether the words and the spinner are shown (the opening lasts, or failed).
    var isShowingWaiting: Bool { heading.isVisible }
    var headingText: String { heading.text }
    var detailText: String { detail.text }

    private func showWaiting() {
        guard !heading.isVisible else { return }
        for part in [spinner, heading, detail] as [Widget] { part.isVisible = true }
        spinner.isSpinning = true
    }

    /// The base could not be opened: says why, in place of the spinner.
    func failed(_ reason: String, location: String) {
        for part in [heading, detail] as [Widget] { part.isVisible = true }
        spinner.isSpinning = false
        spinner.isVisible = false
        heading.text = "La base ne peut pas être ouverte"
        heading.addCSSClass("error")
        detail.text = "\(location)\n\(reason)"
        root.setAccessibleLabel("La base ne peut pas être ouverte")
    }
}
