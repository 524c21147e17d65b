import Foundation
import GtkKit
import GuichetCore
import GuichetReports

/// Asks where to save a report, writes it through `ReportWriter` (atomic) and says in French what
/// was written (paths and sizes) or why not. Shared by the Budget and Exports sections.
@MainActor
enum ReportSaver {
    /// The outcome shown on the status line.
    struct Outcome {
        var message: String
        var failed: Bool
    }

    static func filter(for format: ReportFormat) -> FileChooser.Filter {
        switch format {
        case .pdf: FileChooser.Filter(name: "Document PDF", pattern: "*.pdf")
        case .csv: FileChooser.Filter(name: "Tableau CSV", pattern: "*.csv")
        case .ods: FileChooser.Filter(name: "Classeur OpenDocument", pattern: "*.ods")
        }
    }

    /// Opens the save chooser, then builds and writes the report; `done` gets the outcome (not
    /// called when the user cancels). The file name's extension picks the format (.pdf, .csv,
    /// .ods); without one, `format` is used and its extension added.
    static func save(parent: Window?, title: String, suggestedStem: String, format: ReportFormat,
                     build: @escaping @MainActor () throws -> ReportDocument,
                     done: @escaping @MainActor (Outcome) -> Void) {
        let others = ReportFormat.allCases.filter { $0 != format }
        FileChooser.save(parent: parent, title: title, suggestedName: "\(suggestedStem).\(format.fileExtension)",
                         filters: [filter(for: format)] + others.map(filter(for:))) { path in
            guard let path else { return }
            done(write(to: path, format: format, build: build))
        }
    }

    /// Builds and writes to `path` in the format its extension names, else in `format` (whose
    /// extension is then added).
    static func write(to path: String, format chosen: ReportFormat, build: () throws -> ReportDocument) -> Outcome {
        var url = URL(fileURLWithPath: path)
        var format = chosen
        if let named = ReportFormat(rawValue: url.pathExtension.lowercased()) {
            format = named
        } else {
            url.appendPathExtension(chosen.fileExtension)
        }
        do {
            let files = try ReportWriter.write(try build(), format: format, to: url)
            return Outcome(message: describe(files), failed: false)
        } catch {
            return Outcome(message: "Export impossible : \(message(of: error))", failed: true)
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
