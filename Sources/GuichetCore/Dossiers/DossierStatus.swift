/// States of an aid dossier (brief §5). Raw values are what storage and the command line use.
public enum DossierStatus: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Comparable {
    case draft = "brouillon"
    case submitted = "depose"
    case underReview = "en_instruction"
    case granted = "accorde"
    case partiallyPaid = "verse"
    case settled = "solde"
    case refused = "refuse"
    case abandoned = "sans_suite"
    case cancelled = "annule"

    public var label: String {
        switch self {
        case .draft: return "Brouillon"
        case .submitted: return "Déposé"
        case .underReview: return "En instruction"
        case .granted: return "Accordé / engagé"
        case .partiallyPaid: return "Versé"
        case .settled: return "Soldé"
        case .refused: return "Refusé"
        case .abandoned: return "Sans suite"
        case .cancelled: return "Annulé"
        }
    }

    /// Accepts the raw value or the French label, with or without accents ("déposé", "Accordé").
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            .folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: " ", with: "_")
        if let s = DossierStatus(rawValue: t) { self = s; return }
        if let s = DossierStatus.allCases.first(where: {
            $0.label.lowercased().folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: " ", with: "_") == t
        }) { self = s; return }
        if t == "engage" { self = .granted; return }
        if t == "abandonne" { self = .abandoned; return }
        return nil
    }

    /// Granted money counts against the envelope in these states.
    public var holdsCommitment: Bool { self == .granted || self == .partiallyPaid || self == .settled || self == .cancelled }
    /// No further transition changes the money.
    public var isClosed: Bool { self == .settled || self == .refused || self == .abandoned || self == .cancelled }

    private var order: Int { DossierStatus.allCases.firstIndex(of: self)! }
    public static func < (a: DossierStatus, b: DossierStatus) -> Bool { a.order < b.order }
}

import Foundation
