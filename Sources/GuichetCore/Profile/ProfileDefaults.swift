extension TerritoryProfile {
    /// Every value of the profile that is a default of the product still to be confirmed by the
    /// service, and every condition left to agents until the service fixes its figure
    /// (`guichet territoires` lists them), part by part.
    public var defaultsToConfirm: [DefaultToConfirm] {
        (cotation?.defaultsToConfirm ?? []) + (programmeRules?.defaultsToConfirm ?? [])
            + (schemes == nil ? [] : service?.defaultsToConfirm ?? [DefaultToConfirm(part: "service", key: "missingPiecesDelay",
                                                                                  text: DelayRule.missingPiecesDefault.source.text)])
            + (landlords.map { l in
                (l.allocationRules ?? .defaults).defaultsToConfirm.map {
                    DefaultToConfirm(part: "landlords", key: "allocationRules.\($0.key)", text: $0.source.text)
                }
            } ?? [])
            + (plhActions?.defaultsToConfirm ?? [])
            + (communeGroups.flatMap { $0.source.isDefaultToConfirm ? [DefaultToConfirm(part: "communeGroups", key: "source", text: $0.source.text)] : [] } ?? [])
            + pendingParameters.map { p in
                let status = p.status == .agentCheck ? "vérification par l'agent, dossier par dossier" : ParameterSource.defaultLabel
                return DefaultToConfirm(part: p.part, key: p.path, text: "\(p.subject)\(p.value.map { " : \($0)" } ?? "") — \(status)")
            }
    }
}
