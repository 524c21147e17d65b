import Foundation
import GuichetCore

/// Commitments on the PLH's budget lines that are not individual aids: committed by decision
/// (checked against the line's envelope like a grant, in the writing transaction), paid, cancelled.
/// The window's dialogs and `guichet budget commit|pay|cancel|commitments` call these.
extension Guichet {
    /// The PLH of the territory, or a French refusal when its profile has none.
    public func plh() throws -> PLHProgramme {
        guard let plh = profile.plh else { throw Unavailable("Le profil du territoire « \(profile.id) » ne définit pas de PLH.") }
        return plh
    }

    /// Commitments of a line and/or a decision year (nil: all), in number order.
    public func commitments(lineID: String? = nil, year: Int? = nil) async throws -> [BudgetCommitment] {
        let plh = try plh()
        if let lineID { _ = try Self.line(lineID, in: plh) }
        return try await storage.read { try $0.commitments(lineID: lineID, year: year) }
    }

    /// Checks a request and reads the line's envelope without writing: the window asks its
    /// question from this (amount, beneficiary, what the envelope keeps, the overspend).
    public func commitmentOutlook(_ r: CommitmentRequest, on date: CalendarDate? = nil) async throws -> CommitmentOutlook {
        let (plh, catalog, day) = (try plh(), try catalog(), date ?? today)
        return try await storage.read { try Self.outlook(r, plh: plh, catalog: catalog, on: day, in: $0) }
    }

    /// Commits the amount on the line, numbered in the decision's year. The envelope is read and
    /// the commitment written in one transaction: two agents cannot both pass the check. An
    /// overspend without a reason throws `CommitmentOverspend`.
    public func commit(_ r: CommitmentRequest, on date: CalendarDate? = nil) async throws -> BudgetCommitment {
        let (plh, catalog, day) = (try plh(), try catalog(), date ?? today)
        return try await storage.write { s in
            let outlook = try Self.outlook(r, plh: plh, catalog: catalog, on: day, in: s)
            if let warning = outlook.overspend, !GrantDecision.hasText(r.overspendReason) { throw CommitmentOverspend(warning: warning) }
            let number = CommitmentNumber(year: outlook.year, sequence: try s.nextCommitmentSequence(year: outlook.year))
            let c = BudgetCommitment(number: number, lineID: outlook.line.id, decision: r.decision, beneficiary: outlook.beneficiary,
                                     purpose: Self.text(r.purpose), amount: r.amount, agent: s.agent,
                                     overspendReason: outlook.overspend == nil ? nil : Self.text(r.overspendReason),
                                     createdAt: s.clock.now())
            try Self.check(c)
            return try s.insertCommitment(c)
        }
    }

    /// Records a payment on a commitment: never more than what remains, never on a cancelled one.
    /// `expectedVersion`: the version the agent saw (default: the stored one).
    public func payCommitment(_ number: CommitmentNumber, amount: Money, reference: String?, on date: CalendarDate? = nil,
                              expectedVersion: Int? = nil) async throws -> BudgetCommitment {
        let day = date ?? today
        return try await storage.write { s in
            var c = try Self.commitment(number, in: s)
            try Self.checkPayment(of: amount, on: c, date: day)
            let version = c.version
            c.payments.append(CommitmentPayment(date: day, amount: amount, reference: Self.text(reference), agent: s.agent))
            try Self.check(c)
            return try s.updateCommitment(c, expectedVersion: expectedVersion ?? version)
        }
    }

    /// Cancels a commitment: what was not paid goes back to the line's envelope. The reason is
    /// mandatory; a cancelled commitment takes no payment.
    public func cancelCommitment(_ number: CommitmentNumber, reason: String, on date: CalendarDate? = nil,
                                 expectedVersion: Int? = nil) async throws -> BudgetCommitment {
        let day = date ?? today
        return try await storage.write { s in
            var c = try Self.commitment(number, in: s)
            try Self.checkCancellation(of: c, reason: reason)
            let version = c.version
            c.cancellation = CommitmentCancellation(date: day, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines),
                                                    released: c.amount - c.paid, agent: s.agent)
            return try s.updateCommitment(c, expectedVersion: expectedVersion ?? version)
        }
    }

    // MARK: Questions asked first (money actions confirm in words)

    /// "Verser 8 000,00 € sur l’engagement ENG-2026-0001 ?" with what remains after; refuses at
    /// once what `payCommitment` would refuse.
    public func paymentConfirmation(of amount: Money, on c: BudgetCommitment, reference: String?,
                                    date: CalendarDate? = nil) throws -> Confirmation {
        let day = date ?? today
        try Self.checkPayment(of: amount, on: c, date: day)
        let left = c.remainingToPay - amount
        let mandate = Self.text(reference).map { " (mandat \($0))" } ?? ""
        let what = "\(FrenchFormat.money(amount)) à \(c.beneficiary) sur l’engagement \(c.number.formatted)"
        if left == .zero {
            return Confirmation(question: "Verser \(what) et le solder ?",
                                consequence: "Le versement est enregistré au \(FrenchFormat.date(day))\(mandate). C’est tout le reste à verser : "
                                    + "l’engagement sera soldé et n’acceptera plus de versement.",
                                action: "Verser et solder")
        }
        return Confirmation(question: "Verser \(what) ?",
                            consequence: "Le versement est enregistré au \(FrenchFormat.date(day))\(mandate). Il restera \(FrenchFormat.money(left)) à verser.",
                            action: "Verser")
    }

    /// "Annuler l’engagement ENG-2026-0001 ?": what is released, and that it is final.
    public func cancellationConfirmation(of c: BudgetCommitment, reason: String) throws -> Confirmation {
        try Self.checkCancellation(of: c, reason: reason)
        let released = c.amount - c.paid
        return Confirmation(question: "Annuler l’engagement \(c.number.formatted) (\(c.beneficiary)) ?",
                            consequence: "\(FrenchFormat.money(released)) non versés seront libérés sur l’enveloppe de la ligne ; "
                                + "l’annulation est définitive et aucun versement ne sera plus possible.",
                            action: "Annuler l’engagement", destructive: true)
    }

    // MARK: Rules, shared by the checks before asking and the writes

    static func line(_ id: String, in plh: PLHProgramme) throws -> PLHBudgetLine {
        guard let line = plh.budgetLine(id: id) else {
            throw ValidationError(field: "ligne", "ligne « \(id) » inconnue du PLH (attendu : \(plh.budgetLines.map(\.id).joined(separator: ", ")))")
        }
        return line
    }

    static func outlook(_ r: CommitmentRequest, plh: PLHProgramme, catalog: SchemeCatalog, on date: CalendarDate,
                        in s: any StoreSession) throws -> CommitmentOutlook {
        let line = try line(r.lineID, in: plh)
        guard GrantDecision.hasText(r.decision.reference) else {
            throw ValidationError(field: "decision", "la référence de la décision est obligatoire (délibération, arrêté, convention)")
        }
        guard r.decision.date <= date else {
            throw ValidationError(field: "dateDecision", "la décision (\(FrenchFormat.date(r.decision.date))) ne peut pas être postérieure au \(FrenchFormat.date(date))")
        }
        guard r.amount.cents > 0 else { throw ValidationError(field: "montant", "le montant engagé doit être positif") }
        guard let beneficiary = text(r.beneficiary) ?? line.beneficiary else {
            throw ValidationError(field: "beneficiaire", "indiquez le bénéficiaire : la ligne « \(line.label) » n’en nomme pas")
        }
        let year = r.decision.date.year
        // A total over the PLH period is checked against every year's commitments.
        let years: ClosedRange<Int>? = line.envelope.period != nil ? nil : year...year
        let ledger = BudgetLedger(catalog: catalog, plh: plh, figures: [], lines: try s.lineFigures(years: years))
        let status = ledger.lineStatus(line: line.id, year: year)
        let overspend = ledger.wouldExceed(line: line.id, year: year, adding: r.amount)
        return CommitmentOutlook(line: line, beneficiary: beneficiary, year: year, remainingBefore: status.remaining, overspend: overspend,
                                 confirmation: confirmation(r, line: line, beneficiary: beneficiary, year: year,
                                                            remaining: status.remaining, overspend: overspend))
    }

    static func confirmation(_ r: CommitmentRequest, line: PLHBudgetLine, beneficiary: String, year: Int, remaining: Money?,
                             overspend: BudgetWarning?) -> Confirmation {
        var consequence = "Bénéficiaire : \(beneficiary) ; décision : \(r.decision.label). La somme est engagée sur l’enveloppe "
            + (line.envelope.period != nil ? "de la période du PLH" : "\(year)") + " de la ligne"
            + (line.isOutsideBudget ? " (hors budget du PLH)" : "") + "."
        if let remaining {
            let after = remaining - r.amount
            consequence += after.isNegative
                ? " L’enveloppe sera dépassée de \(FrenchFormat.money(Money(cents: -after.cents)))."
                : " Il restera \(FrenchFormat.money(after)) à engager sur la ligne."
        }
        if let overspend, GrantDecision.hasText(r.overspendReason) {
            consequence += " Vous confirmez le dépassement de \(FrenchFormat.money(overspend.excess)) (motif : \(r.overspendReason!.trimmingCharacters(in: .whitespaces)))."
        }
        consequence += " Seule une annulation motivée libérera ensuite ce qui n’aura pas été versé."
        return Confirmation(question: "Engager \(FrenchFormat.money(r.amount)) sur la ligne « \(line.label) » ?",
                            consequence: consequence, action: "Engager")
    }

    static func checkPayment(of amount: Money, on c: BudgetCommitment, date: CalendarDate) throws {
        guard !c.isCancelled else { throw ValidationError(field: "engagement", "l’engagement \(c.number) est annulé : aucun versement possible") }
        guard amount.cents > 0 else { throw ValidationError(field: "montant", "le montant d’un versement doit être positif") }
        guard amount <= c.remainingToPay else {
            throw ValidationError(field: "montant", "le versement de \(FrenchFormat.money(amount)) dépasse le reste à verser (\(FrenchFormat.money(c.remainingToPay)))")
        }
        guard date >= c.decision.date else {
            throw ValidationError(field: "date", "un versement ne précède pas la décision (\(FrenchFormat.date(c.decision.date)))")
        }
    }

    static func checkCancellation(of c: BudgetCommitment, reason: String) throws {
        guard !c.isCancelled else { throw ValidationError(field: "engagement", "l’engagement \(c.number) est déjà annulé") }
        guard GrantDecision.hasText(reason) else { throw ValidationError(field: "motif", "un motif est obligatoire pour une annulation") }
    }

    static func commitment(_ number: CommitmentNumber, in s: any StoreSession) throws -> BudgetCommitment {
        guard let c = try s.commitment(number: number) else { throw StoreError.notFound(entity: "engagement", key: number.formatted) }
        return c
    }

    static func check(_ c: BudgetCommitment) throws {
        if let problem = c.validate().first { throw problem }
    }

    /// Trimmed text, nil when empty.
    static func text(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}
