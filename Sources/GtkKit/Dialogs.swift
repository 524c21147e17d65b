import CGtk
import CGtkShim

/// Modal message dialogs (GtkMessageDialog: GTK 4.8 has no GtkAlertDialog).
@MainActor
public enum MessageDialog {
    public enum Kind {
        case info, warning, error, question
        var gtk: GtkMessageType {
            switch self {
            case .info: GTK_MESSAGE_INFO
            case .warning: GTK_MESSAGE_WARNING
            case .error: GTK_MESSAGE_ERROR
            case .question: GTK_MESSAGE_QUESTION
            }
        }
    }

    /// A button: French label, and whether it is the suggested or a destructive choice.
    public struct Choice: Sendable {
        public enum Style: Sendable { case normal, suggested, destructive }
        public var label: String
        public var style: Style
        public init(_ label: String, style: Style = .normal) {
            self.label = label
            self.style = style
        }
    }

    /// Shows a modal dialog over `parent`; `completion` gets the index of the chosen button,
    /// or nil when the dialog was dismissed (Escape, closed). The dialog destroys itself.
    public static func show(parent: Window?, kind: Kind, title: String, detail: String? = nil,
                            choices: [Choice], completion: @escaping @MainActor (Int?) -> Void) {
        let dialog = guichet_message_dialog_new(parent?.window, kind.gtk, GTK_BUTTONS_NONE, title, detail)!
        let raw = UnsafeMutableRawPointer(dialog)
        for (index, choice) in choices.enumerated() {
            let button = gtk_dialog_add_button(guichet_dialog(raw), choice.label, Int32(index))!
            switch choice.style {
            case .normal: break
            case .suggested: gtk_widget_add_css_class(button, "suggested-action")
            case .destructive: gtk_widget_add_css_class(button, "destructive-action")
            }
        }
        Signals.connectInt(raw, "response") { response in
            gtk_window_destroy(guichet_window(raw))
            completion(response >= 0 && Int(response) < choices.count ? Int(response) : nil)
            parent?.returnFocusAfterDialog()
        }
        gtk_window_present(guichet_window(raw))
    }

    /// An information or error message with a single "Fermer" button.
    public static func inform(parent: Window?, kind: Kind = .info, title: String, detail: String? = nil,
                              completion: @escaping @MainActor () -> Void = {}) {
        show(parent: parent, kind: kind, title: title, detail: detail,
             choices: [Choice("Fermer", style: .suggested)]) { _ in completion() }
    }

    /// Asks a yes/no question; true when the user chose `confirm`.
    public static func confirm(parent: Window?, title: String, detail: String? = nil,
                               confirm: String, cancel: String = "Annuler", destructive: Bool = false) async -> Bool {
        await withCheckedContinuation { continuation in
            show(parent: parent, kind: .question, title: title, detail: detail,
                 choices: [Choice(cancel), Choice(confirm, style: destructive ? .destructive : .suggested)]) {
                continuation.resume(returning: $0 == 1)
            }
        }
    }
}

extension Window {
    /// After a dialog: the keyboard goes back to the widget that has the window's focus (where
    /// the agent was, or where the dialog's handler sent it), scrolled into view.
    public func returnFocusAfterDialog() {
        present()
        guard let focus = focusedWidget else { return }
        let widget = Widget(borrowing: UnsafeMutableRawPointer(focus))
        widget.focusAndReveal()
    }
}
