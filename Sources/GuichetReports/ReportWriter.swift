import Foundation

public enum ReportFormat: String, Sendable, CaseIterable {
    case pdf, csv, ods

    public var fileExtension: String { rawValue }
}

/// The one entry point: a document, a format, a target file.
///
/// Every file is written under a temporary name in the target's folder and renamed at
/// the end: on error no target holds half a file and an existing file stays intact.
public enum ReportWriter {
    /// Writes `document` and returns the files written.
    ///
    /// - PDF and ODS: one file, `url`, holding every section and table.
    /// - CSV: one file per table, since a CSV holds a single table. A document with one
    ///   table goes to `url` itself; with several, table *i* goes to `<name>-<table>.csv`
    ///   beside `url` (see `csvFiles(for:at:)`); all of them are renamed into place only
    ///   once every one is complete. Headings, paragraphs and charts are left out.
    ///   Cells: amounts "1234,56", percentages "35,10" under a "(%)" header, dates
    ///   "22/11/2026", text starting with = + - @ tab or CR prefixed with "'".
    @discardableResult
    public static func write(_ whole: ReportDocument, format: ReportFormat, to url: URL) throws(ReportError) -> [URL] {
        let document = whole.laidOut(for: format)
        switch format {
        case .pdf:
            try AtomicOutput.write(to: url) { try PDFWriter.write(document, to: $0) }
            return [url]
        case .ods:
            guard !document.tables.isEmpty else {
                throw .nothingToWrite(path: url.path, reason: "le rapport ne contient aucun tableau")
            }
            try AtomicOutput.write(to: url) { try ODSWriter.write(document, to: $0) }
            return [url]
        case .csv:
            return try writeCSV(document.tables, to: url)
        }
    }

    /// Writes one table as CSV to exactly `url`.
    public static func writeCSV(_ table: ReportTable, to url: URL) throws(ReportError) {
        try AtomicOutput.write(to: url) { try CSVWriter.write(table, to: $0) }
    }

    /// Where `write(_:format: .csv, to:)` puts each table.
    public static func csvFiles(for tables: [ReportTable], at url: URL) -> [URL] {
        guard tables.count > 1 else { return [url] }
        let folder = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        var used = Set<String>()
        return tables.map { table in
            var name = "\(stem)-\(SheetNames.slug(table.name))", n = 2
            while used.contains(name) { name = "\(stem)-\(SheetNames.slug(table.name))-\(n)"; n += 1 }
            used.insert(name)
            return folder.appendingPathComponent(name + ".csv")
        }
    }

    private static func writeCSV(_ tables: [ReportTable], to url: URL) throws(ReportError) -> [URL] {
        guard !tables.isEmpty else {
            throw .nothingToWrite(path: url.path, reason: "le rapport ne contient aucun tableau")
        }
        let targets = csvFiles(for: tables, at: url)
        var outputs: [AtomicOutput] = []
        defer { outputs.forEach { $0.discard() } }
        for (table, target) in zip(tables, targets) {
            let output = try AtomicOutput(target: target)
            outputs.append(output)
            do { try CSVWriter.write(table, to: output.temporary) } catch {
                throw ReportError.wrapping(error, path: target.path)
            }
        }
        for output in outputs { try output.commit() }
        return targets
    }
}
