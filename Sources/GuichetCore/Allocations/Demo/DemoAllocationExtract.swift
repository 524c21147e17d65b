/// The demo register written as an extract the way a spreadsheet exports one (`;`, CRLF, French
/// dates and decimals, a header row in the words of SNE exports), so that the demonstration goes
/// through the same import as real files.
public enum DemoAllocationExtract {
    public static let headers = [
        "N° unique", "Date de décision CAL", "Date de signature du bail", "Bailleur", "Réservataire", "Commune",
        "Logement en QPV", "Nom du QPV", "Typologie", "Nb de personnes", "Ressources / UC", "Quartile",
        "Ménage prioritaire", "DALO", "Motif SYPLO", "Catégorie CIA", "Mutation", "Relogement ANRU",
    ]

    public static func csv(_ rows: [Allocation]) -> String {
        var out = headers.joined(separator: ";") + "\r\n"
        for a in rows { out += line(a).map(quoted).joined(separator: ";") + "\r\n" }
        return out
    }

    static func line(_ a: Allocation) -> [String] {
        func yes(_ b: Bool?) -> String { b.map { $0 ? "Oui" : "Non" } ?? "" }
        func label(_ basis: PriorityLabel.Basis) -> String {
            a.priorityLabels.first { $0.basis == basis }.map { $0.text ?? "Oui" } ?? ""
        }
        let holder: String = a.reservationHolder.map { h in
            switch h.kind {
            case .state: "État"
            case .commune: h.name.map { "Commune " + FrenchFormat.of($0) } ?? "Commune"
            case .actionLogement: "Action Logement"
            case .epci: "EPCI"
            case .departement: "Département"
            case .landlord: "Bailleur"
            case .other: h.name ?? "Autre"
            }
        } ?? ""
        return [a.sneNumber ?? "", a.calDecisionDate.map(FrenchFormat.date) ?? "", a.leaseDate.map(FrenchFormat.date) ?? "",
                a.landlordName, holder, a.commune, yes(a.inQPV), a.qpvName ?? "", a.typology?.rawValue ?? "",
                a.householdSize.map(String.init) ?? "", a.resourcesPerUC.map { FrenchFormat.plainDecimal(cents: $0.cents) } ?? "",
                a.quartile.map(String.init) ?? "", yes(a.priority), a.priorityLabels.contains { $0.basis == .dalo } ? "Oui" : "",
                label(.syplo), label(.cia), a.transfer.map { $0 ? "Mutation" : "Première attribution" } ?? "",
                a.anruRehousing ? "Oui" : ""]
    }

    static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
