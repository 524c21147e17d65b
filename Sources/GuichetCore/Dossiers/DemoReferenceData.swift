/// Names and places used by the demonstration data: CAPSO communes (Pas-de-Calais) with their
/// INSEE code (COG) and postcode, common French and regional surnames, real social landlords.
enum DemoReferenceData {
    struct Commune { let name: String; let insee: String; let postcode: String }

    static let communes: [Commune] = [
        Commune(name: "Saint-Omer", insee: "62765", postcode: "62500"),
        Commune(name: "Arques", insee: "62040", postcode: "62510"),
        Commune(name: "Longuenesse", insee: "62525", postcode: "62219"),
        Commune(name: "Blendecques", insee: "62139", postcode: "62575"),
        Commune(name: "Aire-sur-la-Lys", insee: "62014", postcode: "62120"),
        Commune(name: "Helfaut", insee: "62423", postcode: "62570"),
        Commune(name: "Wizernes", insee: "62902", postcode: "62570"),
        Commune(name: "Éperlecques", insee: "62297", postcode: "62910"),
        Commune(name: "Thérouanne", insee: "62811", postcode: "62129"),
        Commune(name: "Fauquembergues", insee: "62325", postcode: "62560"),
    ]

    static let lastNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Lemaire", "Delattre", "Dufour", "Deschamps", "Vasseur", "Caron", "Lecomte", "Leclercq", "Delannoy", "Duhamel",
        "Wallet", "Hennebelle", "Dewulf", "Vandenbussche", "Bacquet", "Lebrun", "Carpentier", "Becquet", "Boulanger", "Lefranc",
        "Lemaître", "Dupuis", "Fontaine", "Mullier", "Ducrocq", "Bouquillon", "Decroix", "Fréville", "Ledoux", "Pruvost",
    ]
    static let firstNames = [
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline", "Julie", "Camille", "Léa",
        "Chloé", "Emma", "Manon", "Inès", "Sophie", "Aurélie", "Jean", "Philippe", "Michel", "Alain",
        "Patrick", "Nicolas", "Christophe", "Pierre", "David", "Julien", "Thomas", "Maxime", "Lucas", "Hugo",
        "Théo", "Kévin", "Jérôme", "Frédéric", "Bruno", "Hélène", "Françoise", "Gérard", "Jacqueline", "Noémie",
    ]
    static let streets = [
        "rue de Dunkerque", "rue Carnot", "rue de l'Écusserie", "boulevard de Strasbourg", "rue Gambetta", "rue de Calais",
        "place Victor Hugo", "rue d'Arras", "rue Jean Jaurès", "rue du Général de Gaulle", "rue de la Gare", "rue des Tanneurs",
        "chemin du Marais", "rue de l'Église", "rue Pasteur", "route de Thérouanne", "rue du Moulin", "allée des Tilleuls",
    ]
    static let landlords = [
        "Pas-de-Calais Habitat", "Maisons et Cités", "SIA Habitat", "Flandre Opale Habitat",
        "Habitat Hauts-de-France", "Vilogia", "Tisserin Habitat",
    ]
    static let operators = ["SOLIHA Pas-de-Calais", "Urbanis", "Citémétrie", "Agence d'urbanisme et de développement Pays de Saint-Omer Flandre Intérieure"]
    static let associations = ["Association Habitat Jeunes du Pays de Saint-Omer", "Association Coloc'Solidaire Audomarois", "Foyer des jeunes travailleurs de l'Audomarois"]
    static let agents = ["C. Lemaire", "S. Vasseur", "J. Dewulf", "A. Caron", "M. Leclercq"]

    /// A Luhn-valid SIRET made from `seed` digits (demo only: it names no real establishment).
    static func siret(_ rng: inout DemoRandom) -> String {
        var digits = (0..<13).map { _ in rng.int(0...9) }
        if digits[0] == 0 { digits[0] = 7 }
        for check in 0...9 {
            let candidate = digits.map(String.init).joined() + String(check)
            if Luhn.isValid(candidate) { return candidate }
        }
        return ""
    }
}
