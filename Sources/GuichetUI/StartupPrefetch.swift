import GuichetApp
import GuichetCore

/// What the first screen shows, asked for as soon as the database is open while GTK starts: the
/// first launch of the day reads the file from disk, and that wait overlaps GTK's own start
/// instead of following it.
public struct StartupPrefetch: Sendable {
    /// Count and first page of the dossier list in its default order, being read.
    public var dossiers: Task<DossierRowPage, any Error>?

    public init(dossiers: Task<DossierRowPage, any Error>? = nil) { self.dossiers = dossiers }

    /// Starts reading what `section` (nil: the first one) opens with; nothing for the others.
    public static func start(on guichet: Guichet, section: String?) -> StartupPrefetch {
        guard section == nil || section == DossiersScreen.section.id else { return StartupPrefetch() }
        let query = DossierListSource.firstPage(of: DossierQuery())
        return StartupPrefetch(dossiers: Task.detached { try await guichet.dossierRowPage(query) })
    }
}
