import GuichetCore

/// One person of the household besides the applicant, as the form's member rows show them:
/// role, names and birth date as typed. The applicant is the form's own name fields.
public struct MemberText: Sendable, Equatable {
    public var role: HouseholdMember.Role
    public var lastName: String
    public var firstName: String
    public var birthDate: String

    public init(role: HouseholdMember.Role, lastName: String = "", firstName: String = "", birthDate: String = "") {
        self.role = role; self.lastName = lastName; self.firstName = firstName; self.birthDate = birthDate
    }

    /// Roles a member row offers (the applicant has the name fields).
    public static let roles: [HouseholdMember.Role] = [.coApplicant, .child, .other]

    /// The rows a dossier shows: every member but the one the name fields show.
    public static func others(of d: AidDossier) -> [MemberText] {
        guard let h = d.applicant.household else { return [] }
        let shown = DossierFormModel.applicantIndex(in: h)
        return h.members.enumerated().filter { $0.offset != shown }.map { _, m in
            MemberText(role: m.role, lastName: m.lastName, firstName: m.firstName,
                       birthDate: m.birthDate.map(FrenchFormat.date) ?? "")
        }
    }

    /// The members typed, or one message per faulty row (by row index).
    static func parse(_ rows: [MemberText]) -> ([HouseholdMember], [Int: String]) {
        var members: [HouseholdMember] = []
        var problems: [Int: String] = [:]
        for (index, row) in rows.enumerated() {
            let last = row.lastName.trimmingCharacters(in: .whitespaces), first = row.firstName.trimmingCharacters(in: .whitespaces)
            let typedDate = row.birthDate.trimmingCharacters(in: .whitespaces)
            var birth: CalendarDate?
            if !typedDate.isEmpty {
                switch TypedDate.parse(typedDate) {
                case .success(let d) where InputLimits.years.contains(d.year): birth = d
                case .success: problems[index] = "Date de naissance hors de la plage admise (\(InputLimits.yearsText))."
                case .failure(let problem): problems[index] = "Date de naissance : \(problem.message)."
                }
            }
            if last.isEmpty || first.isEmpty { problems[index] = "Le nom et le prénom sont obligatoires." }
            members.append(HouseholdMember(lastName: last, firstName: first, birthDate: birth, role: row.role))
        }
        return (members, problems)
    }
}
