/// The words for the state of a supporting document, one vocabulary wherever an agent reads
/// them: a dossier's checklist and a request's supporting documents alike say « Non reçue »,
/// « Reçue », « Valide », « Non conforme » (of « la pièce »).
public enum DocumentStateWords {
    public static let notReceived = "Non reçue"
    public static let received = "Reçue"
    public static let valid = "Valide"
    public static let invalid = "Non conforme"

    public static func label(_ state: SupportingDocument.State?) -> String {
        switch state {
        case nil: notReceived
        case .received?: received
        case .valid?: valid
        case .invalid?: invalid
        }
    }

    public static func label(_ status: ClaimDocument.Status) -> String {
        switch status {
        case .missing: notReceived
        case .received: received
        case .valid: valid
        case .rejected: invalid
        }
    }
}

extension SupportingDocument.State {
    /// As a drop-down or a list shows it: « Reçue », « Valide », « Non conforme ».
    public var formLabel: String { DocumentStateWords.label(self) }
}
