/// The action sheets against the PLH's own text: their words are the PLH's (objectives, maître
/// d'ouvrage, partners, levers and their phases, indicators, measures unless the product words
/// them, targets' quotes), so a changed word fails `guichet territoires` with its key path.
extension PLHActionSheets {
    func problems(in text: PLHSourceText) -> [ValidationError] {
        var v = ValidationCollector()
        func quote(_ s: String, _ path: String, caseless: Bool = false, calendar: Bool = false) {
            let found = caseless ? text.contains(title: s) : calendar ? text.contains(calendarLabel: s) : text.contains(quote: s)
            v.check(found, path, "introuvable dans le texte du PLH : « \(InputLimits.quoted(s)) »")
        }
        for (i, a) in actions.enumerated() {
            let at = "actions[\(i)]"
            for (j, o) in a.objectives.enumerated() { quote(o, "\(at).objectives[\(j)]") }
            quote(a.owner, "\(at).owner")
            quote(a.partners.joined(separator: ", "), "\(at).partners")
            for (j, l) in a.levers.enumerated() {
                quote(l.label, "\(at).levers[\(j)].label", calendar: true)
                if let r = l.remark { quote(r, "\(at).levers[\(j)].remark") }
                for (y, phase) in (l.yearLabels ?? [:]).sorted(by: { $0.key < $1.key }) { quote(phase, "\(at).levers[\(j)].yearLabels.\(y)") }
            }
            for (j, ind) in a.indicators.enumerated() {
                quote(ind.text, "\(at).indicators[\(j)].text")
                if let h = ind.heading { quote(h, "\(at).indicators[\(j)].heading") }
                for (k, m) in ind.measures.enumerated() {
                    let mp = "\(at).indicators[\(j)].measures[\(k)]"
                    if m.productLabel != true { quote(m.label, "\(mp).label", caseless: true) }
                    if let t = m.target, t.source.kind.rawValue == "plh" { quote(t.source.text, "\(mp).target.source.text") }
                }
            }
        }
        return v.errors
    }
}

extension PLHActionSheets {
    /// The sheets' readings the product proposes until the service confirms them: categories the
    /// PLH does not list, the schemes that count as assisted ownership.
    public var defaultsToConfirm: [DefaultToConfirm] {
        var out: [DefaultToConfirm] = []
        for (i, a) in actions.enumerated() {
            for (j, ind) in a.indicators.enumerated() {
                for (k, m) in ind.measures.enumerated() {
                    if let s = m.partsSource, s.isDefaultToConfirm {
                        out.append(DefaultToConfirm(part: "plhActions", key: "actions[\(i)].indicators[\(j)].measures[\(k)].partsSource",
                                                    text: "Action \(a.number) — \(m.label) : \(s.text)"))
                    }
                }
            }
        }
        if let t = territorialTargets, t.source.isDefaultToConfirm {
            out.append(DefaultToConfirm(part: "plhActions", key: "territorialTargets.source", text: t.source.text))
        }
        return out
    }
}
