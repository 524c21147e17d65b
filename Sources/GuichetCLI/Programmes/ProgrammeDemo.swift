import Foundation
import GuichetCore
import GuichetStorage

/// The programmes part of `guichet demo`: the brief's 43 construction programmes (when the
/// fixture is found), a rehabilitation table with the messy cells real ones have, facts for the
/// communes of those programmes, and the CIA's published results.
enum ProgrammeDemo {
    static func populate(store: any GuichetStore, profile: TerritoryProfile) throws -> [String: Int] {
        guard profile.landlords != nil else { return [:] }
        var counts: [String: Int] = [:]
        try store.write { s in
            for (name, population, share) in communes {
                try s.upsertCommuneFacts(CommuneFacts(name: name, population: population,
                                                      socialHousingShare: Percentage(basisPoints: share)))
            }
            let importer = ProgrammeTableImporter(directory: try s.landlordDirectory())
            if let url = ProgrammeFiles.fixture("programmes-construction-2020-2023.csv") {
                let report = importer.importTable(try Data(contentsOf: url), kind: .construction)
                counts["programmes de construction"] = try s.applyImport(report, sourceName: url.lastPathComponent).imported
            } else {
                Console.error("Note : programmes-construction-2020-2023.csv introuvable (data/demo) : "
                              + "la démonstration n'a pas de programmes de construction.")
            }
            let rehab = importer.importTable(Data(rehabilitationTable.utf8), kind: .rehabilitation)
            counts["programmes de réhabilitation"] = try s.applyImport(rehab, sourceName: "réhabilitations (démo).csv").imported
            if let url = ProgrammeFiles.allocationResults(for: profile) {
                counts["conventions avec résultats"] = try ProgrammeSeeding.importResults(try Data(contentsOf: url), profile: profile, in: s).changed
            }
            counts["communes renseignées"] = try s.communeFacts().count
        }
        return counts
    }

    /// Communes of the construction fixture, spelled so the fixture's names match loosely.
    /// Populations and social-housing shares (basis points) are plausible orders of magnitude for
    /// the demonstration, not official figures.
    static let communes: [(String, Int, Int)] = [
        ("Allouagne", 2_700, 1_850), ("Annequin", 2_100, 2_600), ("Annezin", 5_800, 2_450),
        ("Auchel", 10_000, 4_350), ("Auchy-les-Mines", 4_700, 3_300), ("Béthune", 25_400, 3_650),
        ("Beuvry", 9_500, 1_750), ("Billy-Berclau", 4_400, 1_900), ("Bruay-la-Buissière", 21_600, 4_200),
        ("Busnes", 1_300, 600), ("Calonne/Lys", 1_400, 700), ("Choques", 2_900, 1_600),
        ("Cuinchy", 1_600, 2_200), ("Drouvin-le-Marais", 500, 800), ("Estrée-Blanche", 900, 900),
        ("Haillicourt", 4_800, 4_600), ("Houdain", 7_300, 3_900), ("Isbergues", 8_900, 2_300),
        ("La Couture", 2_900, 900), ("Lambres-les-Aires", 1_200, 500), ("Lillers", 10_000, 2_500),
        ("Norrent-Fontes", 1_500, 1_100), ("Vaudricourt", 1_100, 700), ("Vendin-lès-Béthune", 2_400, 2_100),
        ("Vermelles", 4_700, 1_800), ("Vieille-Chapelle", 900, 300),
    ]

    /// A rehabilitation table as landlords send them: doubtful years, "voir 2024", "?", "0",
    /// labels with comments.
    static let rehabilitationTable = """
        Commune;Programme;Bailleur;Type d'opération;Année de financement;Nombre de logements;Statut;Sub État;Sub agglo;Étiquette après travaux;Étiquette avant travaux\r
        Bruay-la-Buissière;Cité des Électriciens;Maisons et Cités;ERBM;2020;120;terminé;1 200 000,00 €;300 000,00 €;B;E\r
        Bruay-la-Buissière;Cité 30 tranche 2;Maisons et Cités;ERBM;2021;86;en cours;860 000,00 €;215 000,00 €;C;F\r
        Béthune;Résidence Mont-Liébaut;PDCH;PNRU/ANRU;2022;140;démarré;voir 2024;-;C;E en maj\r
        Auchel;Cité 5;SIA HABITAT;AAP REHA 2024;2023;48;non démarré;0,00 €;- €;D?;F\r
        Isbergues;Rue Salengro;FOH;réha lourde;2024?;45;à financer;;0;;F?\r
        Houdain;Cité des Musiciens;Maisons et Cités;ERBM;2022;64;en cours;640 000,00 €;160 000,00 €;B;F\r
        Lillers;Résidence du Marais;Tisserin;agglo;2021;?;terminé;;95 000,00 €;C;E\r
        Haillicourt;Cité 6;SIA;PR;2023;52;démarré;312 000,00 €;78 000,00 €;C;?\r

        """
}
