extension CotationGrid: ProfilePart {}
