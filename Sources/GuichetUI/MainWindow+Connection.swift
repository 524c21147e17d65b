import GtkKit

/// The window before its database is open: it is shown at once with « Connexion à la base… »
/// (the sidebar works, a section chosen meanwhile is the one built), and the screens get their
/// `Guichet` when the opening ends. Opening a file takes a few tens of milliseconds; a shared
/// server may take seconds, and the window must never wait for it on the main thread.
extension MainWindow {
    /// True once the screens can be built (always, for a window given an open database).
    public var isConnected: Bool { connectionPage == nil }

    func startConnecting(_ connect: @escaping @Sendable () async throws -> WindowConnection, location: String) {
        let page = ConnectionPage(location: location)
        connectionPage = page
        stack.addChild(page.root, name: Self.connectionPageName, title: "Connexion")
        stack.visibleChildName = Self.connectionPageName
        for action in [findAction, newAction, saveAction] { action?.isEnabled = false }
        Task { [weak self] in
            let outcome: Result<WindowConnection, any Error>
            do { outcome = .success(try await connect()) } catch { outcome = .failure(error) }
            guard let self else { return }
            switch outcome {
            case .success(let connection): self.connected(connection)
            case .failure(let error): self.connectionFailed("\(error)", location: location)
            }
        }
    }

    static let connectionPageName = "connexion"

    private func connected(_ connection: WindowConnection) {
        var configuration = context.configuration
        configuration.guichet = connection.guichet
        configuration.prefetch = connection.prefetch
        configuration.territoryName = connection.guichet.profile.name
        context = ScreenContext(configuration: configuration, window: context.window)
        window.title = configuration.territoryName
        titleLabel.text = configuration.territoryName
        guard let page = connectionPage else { return }
        connectionPage = nil
        StartupTimeline.mark("fenêtre reliée à la base")
        show(currentIndex, activating: false)
        stack.removeChild(page.root)
        StartupTimeline.mark("écran construit")
    }

    private func connectionFailed(_ reason: String, location: String) {
        connectionPage?.failed(reason, location: location)
        sidebar.isSensitive = false
        onConnectionFailure?(reason)
    }
}
