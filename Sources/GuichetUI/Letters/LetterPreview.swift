import CGtk
import Foundation
import GtkKit
import GuichetApp
import GuichetCore

/// A dossier's letter before it goes out (`ui/letter-preview.ui`): its pages drawn by the very
/// code that writes the PDF, then "Imprimer…" (GTK's print dialog: a printer, or a PDF file) or
/// "Enregistrer en PDF…". A new letter is recorded in the dossier (history: date, letter, agent)
/// once it has been printed or saved — what is kept is exactly what went out; a reprint of a
/// letter produced before is not recorded again.
@MainActor
final class LetterPreview {
    /// What is shown: a new letter of the dossier, or one produced before.
    enum Origin {
        case new(kind: Guichet.LetterKind, number: DossierNumber)
        case reprint(IssuedLetter)
    }

    let dialog: Window
    private let guichet: Guichet
    private let letter: ReportLetter
    private let origin: Origin
    private let pages: Int
    private var page = 1
    private var recorded: IssuedLetter?
    private let area: DrawingArea
    private let pageLabel: Label
    private let status: Label
    private let previous: Button
    private let next: Button
    private let builder: Builder
    /// Called once the letter has been recorded in the dossier.
    var onRecorded: (@MainActor (IssuedLetter) -> Void)?

    private init(parent: Window?, guichet: Guichet, letter: ReportLetter, origin: Origin) throws {
        self.guichet = guichet
        self.letter = letter
        self.origin = origin
        pages = LetterPages.count(letter)
        builder = try Builder(uiFile: "letter-preview.ui")
        dialog = try builder.get("dialog", as: Window.self)
        area = try builder.get("page", as: DrawingArea.self)
        pageLabel = try builder.get("page-number", as: Label.self)
        status = try builder.get("status", as: Label.self)
        previous = try builder.get("previous", as: Button.self)
        next = try builder.get("next", as: Button.self)
        dialog.setTransientFor(parent)
        dialog.title = "Aperçu — \(letter.kind) — \(letter.references.first?.value ?? "")"
        try builder.get("intro", as: Label.self).text = introduction
        area.onDraw { [weak self] cairo, width, height in self?.draw(cairo, width: Double(width), height: Double(height)) }
        previous.onClicked { [weak self] in self?.turn(-1) }
        next.onClicked { [weak self] in self?.turn(1) }
        try builder.get("print", as: Button.self).onClicked { [weak self] in self?.print() }
        try builder.get("save", as: Button.self).onClicked { [weak self] in self?.save() }
        try builder.get("close", as: Button.self).onClicked { [weak self] in self?.dialog.destroy() }
        showPageNumber()
        dialog.keepAlive(self)
    }

    /// Opens the preview of `letter` over `parent`.
    @discardableResult
    static func present(parent: Window?, guichet: Guichet, letter: ReportLetter, origin: Origin,
                        onRecorded: (@MainActor (IssuedLetter) -> Void)? = nil) throws -> LetterPreview {
        let preview = try LetterPreview(parent: parent, guichet: guichet, letter: letter, origin: origin)
        preview.onRecorded = onRecorded
        preview.dialog.present()
        return preview
    }

    private var introduction: String {
        switch origin {
        case .new:
            return "\(letter.kind) : vérifiez le courrier, puis imprimez-le ou enregistrez-le en PDF. "
                + "Il sera alors enregistré dans l’historique du dossier et pourra être réimprimé à l’identique."
        case .reprint(let issued):
            return "Réimpression à l’identique du courrier n° \(issued.sequence) (\(issued.title)), daté du "
                + "\(FrenchWords.date(issued.date)) et édité par \(issued.agent)."
        }
    }

    /// File name proposed for the PDF: "accuse-reception-2026-ACC-0001.pdf".
    private var fileName: String {
        let number = letter.references.first?.value ?? "courrier"
        switch origin {
        case let .new(kind, _): return "\(kind.rawValue)-\(number).pdf"
        case .reprint(let issued): return "\(issued.kind)-\(number)-n\(issued.sequence).pdf"
        }
    }

    // MARK: Pages

    private func turn(_ step: Int) {
        page = min(max(1, page + step), pages)
        showPageNumber()
        area.queueDraw()
    }

    private func showPageNumber() {
        pageLabel.text = "Page \(page) / \(pages)"
        previous.isSensitive = page > 1
        next.isSensitive = page < pages
    }

    /// The page centred on a grey ground, as large as the area allows, drawn as it will print.
    private func draw(_ cr: OpaquePointer, width: Double, height: Double) {
        cairo_set_source_rgb(cr, 0.82, 0.84, 0.87)
        cairo_paint(cr)
        let scale = min((width - 16) / LetterPages.width, (height - 16) / LetterPages.height)
        guard scale > 0 else { return }
        let x = (width - LetterPages.width * scale) / 2, y = (height - LetterPages.height * scale) / 2
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, scale, scale)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, 0, 0, LetterPages.width, LetterPages.height)
        cairo_fill(cr)
        LetterPages.draw(letter, page: page, pages: pages, on: cr)
        cairo_restore(cr)
    }

    // MARK: Printing and saving

    /// Where "print to file" and "Enregistrer en PDF…" propose the letter: where exports go (the
    /// Documents folder, else the home folder), never the folder the program started in.
    private var folder: String { FileChooser.documentsFolder ?? "." }

    private func print() {
        let letter = letter, pages = pages
        let operation = PrintOperation(jobName: dialog.title ?? letter.kind, pages: pages, file: "\(folder)/\(fileName)") { cairo, page in
            LetterPages.draw(letter, page: page + 1, pages: pages, on: cairo)
        }
        status.show("Impression : choisissez l’imprimante, ou « Imprimer dans un fichier » pour un PDF…")
        operation.run(parent: dialog) { [weak self] outcome in
            guard let self else { return }
            switch outcome {
            case .printed: self.record(done: "Courrier imprimé")
            case .cancelled: self.status.show("Impression annulée : le courrier n’a pas été enregistré dans le dossier.")
            case .failed(let reason): self.status.show("Impression impossible : \(reason)")
            }
        }
    }

    private func save() {
        FileChooser.save(parent: dialog, title: "Enregistrer le courrier en PDF", suggestedName: fileName, folder: folder,
                         filters: [FileChooser.Filter(name: "Document PDF", pattern: "*.pdf")]) { [weak self] path in
            guard let self, let path else { return }
            let url = URL(fileURLWithPath: path.lowercased().hasSuffix(".pdf") ? path : path + ".pdf")
            let guichet = self.guichet, letter = self.letter
            self.status.show("Enregistrement de \(url.lastPathComponent)…")
            Task { [weak self] in
                do {
                    try await guichet.writeLetter(letter, to: url)
                    self?.record(done: "Courrier enregistré : \(url.path)")
                } catch {
                    self?.status.show("Enregistrement impossible : \(error)")
                }
            }
        }
    }

    /// Records a new letter in the dossier once it went out (once only, however many copies).
    private func record(done: String) {
        guard case let .new(kind, number) = origin else {
            status.show(done + ".")
            return
        }
        if let recorded {
            status.show(done + " (courrier n° \(recorded.sequence) déjà enregistré dans le dossier).")
            return
        }
        let guichet = guichet, letter = letter
        Task { [weak self] in
            do {
                let issued = try await guichet.recordLetter(letter, kind: kind, for: number)
                guard let self else { return }
                self.recorded = issued
                self.status.show(done + " ; enregistré dans l’historique du dossier (courrier n° \(issued.sequence)).")
                self.onRecorded?(issued)
            } catch {
                self?.status.show(done + ", mais son enregistrement dans le dossier a échoué : \(error)")
            }
        }
    }
}
