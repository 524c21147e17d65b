/// Bounds every import works within, so that no file (100,000 columns, a 10 MB cell, a million
/// rows, an amount of 10^17) can hang the program, exhaust memory or overflow a sum. Each bound
/// says where it comes from; messages quote it.
public struct ImportLimits: Hashable, Sendable, Codable {
    /// Columns read per row: Excel's own maximum (16,384 = column XFD).
    public var maxColumns: Int
    /// Characters kept per cell: Excel's own maximum (32,767).
    public var maxCellCharacters: Int
    /// Rows read: Excel's own maximum (1,048,576).
    public var maxRows: Int
    /// Largest amount accepted in a money cell, in cents. Default 1,000,000,000 € (default to
    /// confirm): far above any programme, and small enough that a million of them add up
    /// without overflowing.
    public var maxAmountCents: Int64
    /// Largest count accepted in a count cell (dwellings, PLAI…): default 1,000,000 (default to confirm).
    public var maxCount: Int
    /// Issues listed one by one; the rest are counted in one last line.
    public var maxIssues: Int

    public init(maxColumns: Int = 16_384, maxCellCharacters: Int = 32_767, maxRows: Int = 1_048_576,
                maxAmountCents: Int64 = 100_000_000_000, maxCount: Int = 1_000_000, maxIssues: Int = 1_000) {
        self.maxColumns = maxColumns; self.maxCellCharacters = maxCellCharacters; self.maxRows = maxRows
        self.maxAmountCents = maxAmountCents; self.maxCount = maxCount; self.maxIssues = maxIssues
    }

    public static let standard = ImportLimits()
}
