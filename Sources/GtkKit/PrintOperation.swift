import CGtk
import CGtkShim
import Foundation

/// GtkPrintOperation with the print dialog, asynchronous: the pages are drawn by a closure on
/// the print context's cairo context, in points, from the paper's top-left corner (full page,
/// A4 portrait by default), so the same drawing code serves a PDF file and the printer. The
/// dialog's "print to file" printer writes a PDF.
@MainActor
public final class PrintOperation {
    /// Draws page `page` (0-based) on `cairo`.
    public typealias DrawPage = @MainActor (_ cairo: OpaquePointer, _ page: Int) -> Void

    public enum Outcome: Equatable, Sendable {
        case printed
        case cancelled
        case failed(String)
    }

    /// Owns the GtkPrintOperation.
    private let reference: GObjectRef
    private var operation: UnsafeMutableRawPointer { reference.raw }
    private let draw: DrawPage
    /// Operations in progress keep themselves alive until GTK says they are done.
    private static var running: [ObjectIdentifier: PrintOperation] = [:]
    /// The settings of the last print that went out (printer, copies…), for the next dialog.
    private static var lastSettings: OpaquePointer?

    /// `file`: where "print to file" proposes to write (a PDF), when the user picks that printer.
    public init(jobName: String, pages: Int, file: String? = nil, draw: @escaping DrawPage) {
        reference = GObjectRef(adopting: UnsafeMutableRawPointer(gtk_print_operation_new()!))
        self.draw = draw
        let print = guichet_print_operation(operation)
        gtk_print_operation_set_job_name(print, jobName)
        gtk_print_operation_set_n_pages(print, Int32(max(1, pages)))
        gtk_print_operation_set_unit(print, GTK_UNIT_POINTS)
        gtk_print_operation_set_use_full_page(print, 1)
        gtk_print_operation_set_allow_async(print, 1)
        let setup = gtk_page_setup_new()!
        let a4 = gtk_paper_size_new("iso_a4")!
        gtk_page_setup_set_paper_size(setup, a4)
        gtk_page_setup_set_orientation(setup, GTK_PAGE_ORIENTATION_PORTRAIT)
        gtk_print_operation_set_default_page_setup(print, setup)
        gtk_paper_size_free(a4)
        g_object_unref(UnsafeMutableRawPointer(setup))
        // The printer and options of the last print of this session come back selected; the
        // file proposed is this letter's.
        let settings = Self.lastSettings.flatMap { gtk_print_settings_copy($0) } ?? gtk_print_settings_new()!
        if let file {
            gtk_print_settings_set(settings, "output-uri", URL(fileURLWithPath: file).absoluteString)
            gtk_print_settings_set(settings, "output-file-format", "pdf")
        }
        gtk_print_operation_set_print_settings(print, settings)
        g_object_unref(UnsafeMutableRawPointer(settings))
        Signals.connectPointerInt(operation, "draw-page") { [weak self] context, page in
            guard let self, let context, let cairo = gtk_print_context_get_cairo_context(OpaquePointer(context)) else { return }
            self.draw(cairo, Int(page))
        }
    }

    /// Shows the print dialog over `parent`; `completion` gets what became of the job.
    public func run(parent: Window?, completion: @escaping @MainActor (Outcome) -> Void) {
        let key = ObjectIdentifier(self)
        Self.running[key] = self
        Signals.connectInt(operation, "done") { [weak self] result in
            guard let self else { return }
            completion(self.outcome(GtkPrintOperationResult(rawValue: UInt32(bitPattern: result))))
            Self.running[key] = nil
        }
        var error: UnsafeMutablePointer<GError>?
        let result = gtk_print_operation_run(guichet_print_operation(operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                             parent?.window, &error)
        if let error {
            let message = String(cString: error.pointee.message)
            g_error_free(error)
            if result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS {
                Self.running[key] = nil
                completion(.failed(message))
            }
        }
    }

    private func outcome(_ result: GtkPrintOperationResult) -> Outcome {
        switch result {
        case GTK_PRINT_OPERATION_RESULT_APPLY:
            if let used = gtk_print_operation_get_print_settings(guichet_print_operation(operation)) {
                if let previous = Self.lastSettings { g_object_unref(UnsafeMutableRawPointer(previous)) }
                Self.lastSettings = gtk_print_settings_copy(used)
            }
            return .printed
        case GTK_PRINT_OPERATION_RESULT_CANCEL: return .cancelled
        default:
            var error: UnsafeMutablePointer<GError>?
            gtk_print_operation_get_error(guichet_print_operation(operation), &error)
            guard let error else { return .failed("échec de l’impression") }
            defer { g_error_free(error) }
            return .failed(String(cString: error.pointee.message))
        }
    }
}
