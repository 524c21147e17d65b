import GtkKit

/// Asked before unsaved changes would be lost (another row chosen, section left, window
/// closed): "Continuer la saisie" is the default answer; "Enregistrer" saves first (when the
/// screen can), then goes on; `discard` runs only when the agent chooses to drop the changes.
@MainActor
enum DiscardChangesDialog {
    /// `unsaved`: what is being typed, e.g. "Le dossier en cours de saisie n’est pas enregistré."
    /// `save`: saves, and calls its argument once saved (not when the save fails).
    static func ask(parent: Window?, unsaved: String, save: (@MainActor (_ then: @escaping @MainActor () -> Void) -> Void)? = nil,
                    then proceed: @escaping @MainActor () -> Void = {}, discard: @escaping @MainActor () -> Void) {
        var choices: [MessageDialog.Choice] = [.init("Continuer la saisie")]
        if save != nil { choices.append(.init("Enregistrer", style: .suggested)) }
        choices.append(.init("Abandonner les modifications", style: .destructive))
        MessageDialog.show(parent: parent, kind: .question, title: "Abandonner les modifications ?", detail: unsaved,
                           choices: choices) { choice in
            guard let choice, choice > 0 else { return }
            if let save, choice == 1 { save(proceed) } else { discard() }
        }
    }
}
