/// Dates as agents type them in a form or an option: 15/01/2025, 15/1/25, 15.01.2025,
/// 15-01-2025, 15 01 2025, 15012025, and ISO 2025-01-15. Day first, as in France.
///
/// A two-digit year is read as spreadsheets read it: 00-29 → 2000-2029, 30-99 → 1930-1999 (a
/// birth date "3/4/55" is 1955, a decision "15/1/25" is 2025), whatever today is.
public enum TypedDate {
    /// Why a text is not a date, in French: the form puts it under the field.
    public enum Problem: Error, Equatable, Sendable {
        /// Not a date at all ("demain", "15/01").
        case unreadable(String)
        /// A date of the calendar's shape that does not exist ("31/02/2025").
        case doesNotExist(String)

        /// "31/02/2025 n’existe pas." / "« demain » n’est pas une date (exemples : 15/01/2025, 15/1/25, 2025-01-15)."
        public var message: String {
            switch self {
            case .unreadable(let text):
                return "« \(InputLimits.quoted(text)) » n’est pas une date (exemples : 15/01/2025, 15/1/25, 2025-01-15)"
            case .doesNotExist(let text): return "\(text) n’existe pas"
            }
        }
    }

    /// The date typed, or why it is not one.
    public static func parse(_ text: String) -> Result<CalendarDate, Problem> {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let (day, month, year) = fields(t) else { return .failure(.unreadable(t)) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            guard (1...12).contains(month), (1...31).contains(day), (1...9999).contains(year) else { return .failure(.unreadable(t)) }
            return .failure(.doesNotExist("\(two(day))/\(two(month))/\(year)"))
        }
        return .success(date)
    }

    /// Day, month and year (four digits) of what was typed, not yet checked against the calendar.
    static func fields(_ t: String) -> (Int, Int, Int)? {
        let parts = t.split(whereSeparator: { "/.- ".contains($0) }).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        switch parts.count {
        case 3:
            if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
                return (Int(parts[2])!, Int(parts[1])!, Int(parts[0])!) // ISO: 2025-01-15
            }
            guard parts[0].count <= 2, parts[1].count <= 2, let year = fullYear(parts[2]) else { return nil }
            return (Int(parts[0])!, Int(parts[1])!, year)
        case 1 where parts[0].count == 8 || parts[0].count == 6:
            // 15012025 or 150125: JJMMAAAA / JJMMAA.
            let digits = Array(parts[0])
            guard let year = fullYear(String(digits[4...])) else { return nil }
            return (Int(String(digits[0..<2]))!, Int(String(digits[2..<4]))!, year)
        default:
            return nil
        }
    }

    /// "25" → 2025, "55" → 1955, "2025" → 2025; nil for three digits or more than four.
    static func fullYear(_ s: String) -> Int? {
        guard let n = Int(s) else { return nil }
        switch s.count {
        case 1, 2: return n <= 29 ? 2000 + n : 1900 + n
        case 4: return n
        default: return nil
        }
    }
}
