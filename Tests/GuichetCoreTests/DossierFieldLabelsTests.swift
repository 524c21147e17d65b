import Foundation
import GuichetCore
import Testing

struct DossierFieldLabelsTests {
    @Test func everyRecordedFieldOfGeneratedDossiersHasAFrenchName() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../data/territories/capso/schemes.json"))
        let schemes = try JSONDecoder().decode(SchemeCatalog.self, from: data)
        let dossiers = DemoDossiers.generate(count: 800, seed: 3, schemes: schemes, years: 2023...2026,
                                             referenceDate: CalendarDate(year: 2026, month: 11, day: 20)!)
        let anonymised = dossiers.filter { $0.closedOn != nil }.prefix(5).map { $0.anonymised(on: CalendarDate(year: 2040, month: 1, day: 1)!) }
        var untranslated: Set<String> = []
        for d in dossiers + anonymised {
            for change in FieldChange.diff(old: nil as AidDossier?, new: d) where DossierFieldLabels.isShown(change) {
                untranslated.formUnion(DossierFieldLabels.untranslated(change.field))
            }
        }
        #expect(untranslated.isEmpty, "keys without a French name: \(untranslated.sorted())")
    }

    @Test func pathsReadAsFrench() {
        #expect(DossierFieldLabels.label("applicant.person.lastName") == "Demandeur › personne › nom")
        #expect(DossierFieldLabels.label("household.members[1].birthDate") == "Ménage › membres n° 2 › date de naissance")
        #expect(DossierFieldLabels.label("requestedAmount") == "Montant demandé")
        #expect(DossierFieldLabels.label("someNewKey") == "SomeNewKey", "an unknown key stays readable rather than lost")
        #expect(DossierFieldLabels.valueLabel(key: "status", value: "annule") == DossierStatus.cancelled.label)
        #expect(DossierFieldLabels.valueLabel(key: "state", value: "valid") == "valide")
        #expect(DossierFieldLabels.valueLabel(key: "kind", value: "household") == "Ménage")
        #expect(DossierFieldLabels.valueLabel(key: "comment", value: "valid") == nil, "free text is shown as typed")
    }

    @Test func historyLinesNameTheFieldsAsTheFormDoes() {
        let income = FieldChange(field: DossierField.income.storedPath, old: "3648000", new: nil)
        #expect(DossierFieldLabels.sentence(income) == "\(DossierField.income.label) : 36\u{202F}480,00\u{00A0}€ → vide")
        let commune = FieldChange(field: "property.commune", old: "Arques", new: "Longuenesse")
        #expect(DossierFieldLabels.sentence(commune) == "Commune : Arques → Longuenesse")
        let status = FieldChange(field: "status", old: "depose", new: "en_instruction")
        #expect(DossierFieldLabels.sentence(status) == "État : Déposé → En instruction")
        let date = FieldChange(field: "property.vacantSince", old: nil, new: "2020-01-01")
        #expect(DossierFieldLabels.sentence(date) == "Vacant depuis le : vide → 01/01/2020")
    }
}
