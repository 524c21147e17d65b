import GuichetCore
import GuichetStorage

/// What the first screen shows, read on the thread that opens the database while GTK starts:
/// the first launch of the day reads the file from disk, and that wait now overlaps GTK's own
/// start instead of following it.
public struct StartupPrefetch: Sendable {
    /// Count and first page of the dossier list in its default order.
    public var dossiers: DossierRowPage?

    public init(dossiers: DossierRowPage? = nil) { self.dossiers = dossiers }

    /// Reads what `section` (nil: the first one) opens with; nothing on failure, the screen
    /// will read (and report) it itself.
    public static func read(from workspace: Workspace, section: String?) -> StartupPrefetch {
        guard section == nil || section == DossiersScreen.section.id else { return StartupPrefetch() }
        let page = try? workspace.store.read { try $0.dossierRowPage(DossierListSource.firstPage(of: DossierQuery())) }
        return StartupPrefetch(dossiers: page)
    }
}
