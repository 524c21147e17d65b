/// Rescoring every request after a grid change, as the command runs it on a shared base: by
/// chunks, each its own short transaction, so that the other agents never wait long for the
/// write lock however many requests there are. Each request is rescored whole; an interrupted
/// rescore leaves earlier scores in place, and running it again finishes the job (requests
/// already scored with this grid and date are left as they are).
public enum RequestRescore {
    /// Requests per transaction.
    public static let chunk = 500

    public static func run(_ store: any GuichetStore, grid: CotationGrid, on date: CalendarDate, chunk: Int = chunk) throws -> RescoreSummary {
        let ids = try store.read { try $0.openRequestIds() }
        var total = RescoreSummary(gridVersion: grid.version, computedOn: date, examined: 0, rescored: 0, changedTotal: 0)
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let part = Array(ids[start..<min(ids.count, start + chunk)])
            let done = try store.write { try $0.rescore(part, grid: grid, on: date) }
            total.examined += done.examined
            total.rescored += done.rescored
            total.changedTotal += done.changedTotal
        }
        let summary = total
        try store.write { try $0.recordRescore(summary) }
        return summary
    }
}
