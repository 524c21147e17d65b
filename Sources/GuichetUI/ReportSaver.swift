import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// Asks where to save a report, has the use cases write it (atomically, off the main thread,
/// interruptible) and says in French what was written (paths and sizes) or why not. Shared by the
/// Budget and Exports sections.
@MainActor
enum ReportSaver {
    /// The outcome shown on the status line.
    struct Outcome {
        var message: String
        var failed: Bool
    }

    /// Writes the report in a format to a file: the files written (one per table in CSV) and a note.
    typealias Export = @Sendable (ReportFormat, URL) async throws -> ExportedReport

    static func filter(for format: ReportFormat) -> FileChooser.Filter {
        switch format {
        case .pdf: FileChooser.Filter(name: "Document PDF", pattern: "*.pdf")
        case .csv: FileChooser.Filter(name: "Tableau CSV", pattern: "*.csv")
        case .ods: FileChooser.Filter(name: "Classeur OpenDocument", pattern: "*.ods")
        }
    }

    /// Opens the save chooser, then writes the report with `progress` showing; `done` gets the
    /// outcome (not called when the user cancels the chooser or interrupts the export). The file
    /// name's extension picks the format (.pdf, .csv, .ods); without one, `format` is used and its
    /// extension added.
    static func save(parent: Window?, title: String, suggestedStem: String, format: ReportFormat, progress: WorkProgress,
                     export: @escaping Export, done: @escaping @MainActor (Outcome) -> Void) {
        let others = ReportFormat.allCases.filter { $0 != format }
        FileChooser.save(parent: parent, title: title, suggestedName: "\(suggestedStem).\(format.fileExtension)",
                         filters: [filter(for: format)] + others.map(filter(for:))) { path in
            guard let path else { return }
            let (url, chosen) = destination(path, format: format)
            progress.run("Export en cours : \(url.lastPathComponent)…", stopped: "Export interrompu.") {
                try await export(chosen, url)
            } done: { outcome in
                done(ReportSaver.outcome(outcome))
            }
        }
    }

    /// Writes to `path` without the file chooser (tests).
    static func write(to path: String, format: ReportFormat, export: @escaping Export) async -> Outcome {
        let (url, chosen) = destination(path, format: format)
        do { return outcome(.success(try await export(chosen, url))) } catch { return outcome(.failure(error)) }
    }

    /// The file and format of a chosen path: the format its extension names, else `format`
    /// (whose extension is then added).
    static func destination(_ path: String, format: ReportFormat) -> (URL, ReportFormat) {
        var url = URL(fileURLWithPath: path)
        if let named = ReportFormat(rawValue: url.pathExtension.lowercased()) { return (url, named) }
        url.appendPathExtension(format.fileExtension)
        return (url, format)
    }

    static func outcome(_ result: Result<ExportedReport, any Error>) -> Outcome {
        switch result {
        case .success(let written): Outcome(message: describe(written.files) + (written.note.map { "\n" + $0 } ?? ""), failed: false)
        case .failure(let error): Outcome(message: "Export impossible : \(message(of: error))", failed: true)
        }
    }

    /// "Écrit : /chemin/bilan.pdf (48 Ko)", one file after another.
    static func describe(_ files: [URL]) -> String {
        let parts = files.map { url -> String in
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            return size.map { "\(url.path) (\(sizeText($0)))" } ?? url.path
        }
        return (files.count > 1 ? "Écrits : " : "Écrit : ") + parts.joined(separator: ", ")
    }

    /// 812 octets, 48 Ko, 1,2 Mo.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(FrenchFormat.integer(bytes)) octets" }
        if bytes < 1024 * 1024 { return "\(FrenchFormat.integer((bytes + 512) / 1024)) Ko" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) Mo"
    }

    /// French text of an error: domain and report errors describe themselves.
    static func message(of error: any Error) -> String {
        String(describing: error)
    }
}
