import GtkKit
import GuichetCore

/// One field of a form, made from its description rather than copied in a `.ui` file: the
/// label, the entry (named for assistive technologies by the label), the message under it, and
/// what its kind of input calls for — a calendar beside a date, the usual French form shown back
/// when the field is left ("50 000" → "50 000,00 €", "15/1/25" → "15/01/2025"), an example as
/// placeholder.
@MainActor
final class FieldRow: FicheFieldRow {
    let root: Box
    let entry: Entry
    let label: Label
    private let message: Label
    private(set) var picker: DatePicker?
    let input: DossierField.Input

    init(label text: String, input: DossierField.Input, placeholder: String? = nil) {
        self.input = input
        root = Box(vertical: true, spacing: 3)
        label = Label(text)
        label.xAlign = 0
        label.addCSSClass("dim-label")
        entry = Entry(placeholder: placeholder ?? Self.example(input))
        entry.setAccessibleLabel(text)
        entry.setExpand(horizontal: true, vertical: false)
        message = Label.fieldError()
        root.append(label)
        if input == .date {
            let line = Box(vertical: false, spacing: 4)
            let picker = DatePicker(name: "Calendrier : \(text)")
            line.append(entry)
            line.append(picker.button)
            root.append(line)
            picker.onOpening = { [weak self] in
                guard let self, case .success(let d) = TypedDate.parse(self.entry.text) else { return nil }
                return (d.year, d.month, d.day)
            }
            picker.onChosen = { [weak self] year, month, day in
                guard let self, let date = CalendarDate(year: year, month: month, day: day) else { return }
                self.entry.text = FrenchFormat.date(date)
                self.entry.grabFocus()
            }
            self.picker = picker
        } else {
            root.append(entry)
        }
        root.append(message)
        entry.onFocusLeft { [weak self] in self?.showTypedFormBack() }
    }

    convenience init(_ field: DossierField, placeholder: String? = nil) {
        self.init(label: field.label, input: field.input, placeholder: placeholder ?? Self.placeholders[field])
    }

    /// The message under the field (nil hides it); the entry is marked while there is one.
    func show(error: String?) {
        message.show(error)
        if error == nil { entry.removeCSSClass("error") } else { entry.addCSSClass("error") }
    }

    var hasError: Bool { message.isVisible }

    var isVisible: Bool {
        get { root.isVisible }
        set { root.isVisible = newValue }
    }

    var isEditable: Bool {
        get { entry.isEditable }
        set {
            entry.isEditable = newValue
            picker?.isSensitive = newValue
        }
    }

    /// What the agent typed, in its usual form once readable: amounts grouped with cents and €,
    /// dates as JJ/MM/AAAA. Unreadable text stays as typed (its message says why).
    func showTypedFormBack() {
        let typed = entry.trimmedText
        guard !typed.isEmpty else { return }
        let shown: String?
        switch input {
        case .money: shown = FrenchNumber.parseMoney(typed).map { FrenchFormat.money($0) }
        case .date: shown = (try? TypedDate.parse(typed).get()).map(FrenchFormat.date)
        default: shown = nil
        }
        if let shown, shown != entry.text { entry.text = shown }
    }

    // MARK: FicheFieldRow

    var text: String {
        get { entry.text }
        set { entry.text = newValue }
    }

    func onChanged(_ handler: @escaping @MainActor () -> Void) { entry.onChanged(handler) }

    @discardableResult
    func focusAndReveal() -> Bool { entry.focusAndReveal() }

    static func example(_ input: DossierField.Input) -> String? {
        switch input {
        case .money: "ex. 50 000"
        case .date: "JJ/MM/AAAA"
        case .phone: "03 21 12 34 56"
        case .email: "prenom.nom@exemple.fr"
        case .year: "AAAA"
        default: nil
        }
    }

    static let placeholders: [DossierField: String] = [
        .postcode: "ex. 62500", .insee: "ex. 62765", .siret: "14 chiffres", .commune: "Commune du logement",
        .mailStreet: "ex. 12 rue des Tilleuls", .mailComplement: "Appartement, bâtiment, résidence (facultatif)",
        .mailPostcode: "ex. 62500", .mailTown: "ex. Saint-Omer",
        .contactName: "Les courriers lui sont adressés (« À l’attention de »)", .contactRole: "ex. responsable du développement",
        .accountHolder: "Nom du titulaire, comme sur le RIB", .iban: "FR76 …, 27 caractères",
    ]
}
