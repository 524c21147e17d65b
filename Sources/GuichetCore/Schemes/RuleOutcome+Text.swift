extension RuleOutcome {
    /// "✓" met, "✗" unmet and blocking, "!" unmet but a warning, "?" left to the agent, "–" not applicable.
    public var mark: String {
        switch state {
        case .met: "✓"
        case .unmet: blocking ? "✗" : "!"
        case .toCheck: "?"
        case .notApplicable: "–"
        }
    }

    /// The lines an agent reads for this rule, in the eligibility panel and `dossiers show`: the
    /// rule with its source, then why it is unmet or what to check, then the agent's finding.
    public var textLines: [String] {
        var lines = ["\(mark) \(label) — source : \(sourceLabel)"]
        if let message { lines.append("    \(message)") }
        if let recorded { lines.append("    Vérification : \(recorded.summary)") }
        return lines
    }
}
