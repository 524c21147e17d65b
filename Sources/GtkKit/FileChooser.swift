import CGtk
import CGtkShim

/// Native file chooser (GtkFileChooserNative: GTK 4.8 has no GtkFileDialog).
@MainActor
public enum FileChooser {
    /// A filter shown in the chooser, e.g. `("Classeurs OpenDocument", "*.ods")`.
    public struct Filter: Sendable {
        public var name: String
        public var pattern: String
        public init(name: String, pattern: String) {
            self.name = name
            self.pattern = pattern
        }
    }

    /// Lets the user pick an existing file; `completion` gets its path, nil when cancelled.
    public static func open(parent: Window?, title: String, filters: [Filter] = [],
                            completion: @escaping @MainActor (String?) -> Void) {
        run(parent: parent, title: title, action: GTK_FILE_CHOOSER_ACTION_OPEN, accept: "_Ouvrir",
            filters: filters, suggestedName: nil, folder: nil, completion: completion)
    }

    /// Lets the user choose where to save; `completion` gets the path, nil when cancelled.
    public static func save(parent: Window?, title: String, suggestedName: String, folder: String? = nil,
                            filters: [Filter] = [], completion: @escaping @MainActor (String?) -> Void) {
        run(parent: parent, title: title, action: GTK_FILE_CHOOSER_ACTION_SAVE, accept: "_Enregistrer",
            filters: filters, suggestedName: suggestedName, folder: folder, completion: completion)
    }

    private static func run(parent: Window?, title: String, action: GtkFileChooserAction, accept: String,
                            filters: [Filter], suggestedName: String?, folder: String?,
                            completion: @escaping @MainActor (String?) -> Void) {
        // The chooser keeps itself alive with the reference `new` returned until it answers.
        let chooser = guichet_file_chooser_new(parent?.window, title, action, accept, "_Annuler")!
        let raw = UnsafeMutableRawPointer(chooser)
        gtk_native_dialog_set_modal(guichet_native_dialog(raw), 1)
        for filter in filters { guichet_file_chooser_add_pattern_filter(chooser, filter.name, filter.pattern) }
        if let folder { guichet_file_chooser_set_current_folder(chooser, folder) }
        if let suggestedName { gtk_file_chooser_set_current_name(guichet_file_chooser(raw), suggestedName) }
        Signals.connectInt(raw, "response") { response in
            var path: String?
            if response == GTK_RESPONSE_ACCEPT.rawValue, let cPath = guichet_file_chooser_path(chooser) {
                path = String(cString: cPath)
                g_free(cPath)
            }
            completion(path)
            g_object_unref(raw) // GLib holds its own reference while emitting
        }
        gtk_native_dialog_show(guichet_native_dialog(raw))
    }
}

extension FileChooser {
    /// Where a save opens: the user's Documents folder (XDG), else `~/Documents` when it exists,
    /// else the home folder — never the folder the program happened to start in.
    public static var documentsFolder: String? {
        if let xdg = guichet_documents_folder() { return String(cString: xdg) }
        guard let home = g_get_home_dir().map({ String(cString: $0) }) else { return nil }
        let documents = home + "/Documents"
        return g_file_test(documents, G_FILE_TEST_IS_DIR) != 0 ? documents : home
    }
}

/// Files opened with the desktop's application for them.
@MainActor
public enum DesktopFiles {
    /// Opens the file; nil when launched, else why not (in the desktop's words).
    public static func open(_ path: String) -> String? {
        var message: UnsafeMutablePointer<CChar>?
        guard guichet_open_path(path, &message) == 0 else { return nil }
        defer { g_free(message) }
        return message.map { String(cString: $0) } ?? "aucune application pour ce type de fichier"
    }
}
