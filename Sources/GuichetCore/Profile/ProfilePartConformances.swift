// The profile files of the other areas, read by `ProfileLoader` as parts of a territory.
extension CotationGrid: ProfilePart {}
extension LandlordsProfile: ProfilePart {}
extension ProgrammeRules: ProfilePart {}
