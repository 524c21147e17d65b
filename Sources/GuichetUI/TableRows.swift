import GtkKit

/// A `LazyTableDataSource` over rows formatted in advance: for the short lists of the
/// programmes and landlords screens (tens to hundreds of rows, read whole from storage).
@MainActor
final class TableRows: LazyTableDataSource {
    var rows: [[String]] = []

    func rowCount() -> Int { rows.count }

    func cells(forRows range: Range<Int>) -> [[String]] {
        Array(rows[range.clamped(to: 0..<rows.count)])
    }
}
