import GtkKit

/// Asked before unsaved changes would be lost (another row chosen, section left, window
/// closed): "Continuer la saisie" is the default answer; `discard` runs only when the agent
/// chooses to drop the changes.
@MainActor
enum DiscardChangesDialog {
    /// `unsaved`: what is being typed, e.g. "Le dossier en cours de saisie n’est pas enregistré."
    static func ask(parent: Window?, unsaved: String, discard: @escaping @MainActor () -> Void) {
        MessageDialog.show(parent: parent, kind: .question, title: "Abandonner les modifications ?", detail: unsaved,
                           choices: [.init("Continuer la saisie", style: .suggested),
                                     .init("Abandonner les modifications", style: .destructive)]) { choice in
            if choice == 1 { discard() }
        }
    }
}
