import GuichetCore
import GuichetStorage

/// Reports built straight from an open workspace: the one place the CLI (`guichet report`) and
/// the window (Budget and Exports sections) get them from.
public enum WorkspaceReports {
    /// Why a report cannot be built from this workspace, in French.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// `bilan-plh`: one year of the PLH, or its whole period when `year` is nil.
    public static func bilanPLH(_ ws: Workspace, context: ReportContext, year: Int?) throws -> ReportDocument {
        guard let plh = ws.profile.plh, let catalog = ws.profile.schemes else {
            throw Unavailable("Le profil « \(ws.profile.id) » ne définit pas de PLH ou de dispositifs : pas de bilan possible.")
        }
        let years = year.map { $0...$0 } ?? plh.years
        let figures = try ws.store.read { try $0.budgetFigures(years: years) }
        return BilanPLHReport.document(context: context, plh: plh, catalog: catalog, figures: figures, year: year)
    }

    /// `dossiers`: the dossiers matching `query`, anonymised for committees when asked.
    public static func dossiers(_ ws: Workspace, context: ReportContext, query: DossierQuery, anonymised: Bool) throws -> ReportDocument {
        try DossierListReport.document(context: context, store: ws.store, query: query, anonymised: anonymised,
                                       catalog: ws.profile.schemes)
    }
}
