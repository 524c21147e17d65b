extension LazyTable {
    /// Fixed widths by column id (see `setColumnWidths(_:)` by position).
    public func setColumnWidths(_ widths: [String: Int]) {
        setColumnWidths(columns.map { widths[$0.id] })
    }
}
