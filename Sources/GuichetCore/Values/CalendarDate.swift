/// A calendar date with no time of day and no time zone: decisions, receipts, birth dates.
/// Stored and exchanged as ISO 8601 (`2026-11-22`), shown as `22/11/2026`.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a date, refusing impossible ones (31 April, 29 February of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses ISO `2026-11-22` or French `22/11/2026`.
    public init?(parsing text: String) {
        if let (y, m, d) = Self.canonicalISO(text) { self.init(year: y, month: m, day: d); return }
        let t = text.trimmingCharacters(in: .whitespaces)
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        let fr = t.split(separator: "/", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]) {
            self.init(year: y, month: m, day: d)
        } else if fr.count == 3, fr[2].count == 4, let d = Int(fr[0]), let m = Int(fr[1]), let y = Int(fr[2]) {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    /// Fast path for the stored form `AAAA-MM-JJ` (reading 100,000 dossiers parses a million dates).
    private static func canonicalISO(_ text: String) -> (Int, Int, Int)? {
        var bytes = text.utf8.makeIterator()
        var fields = (0, 0, 0), index = 0, digits = 0
        while let b = bytes.next() {
            index += 1
            if index == 5 || index == 8 {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard index <= 10, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let v = Int(b - UInt8(ascii: "0"))
            digits += 1
            if index <= 4 { fields.0 = fields.0 * 10 + v } else if index <= 7 { fields.1 = fields.1 * 10 + v } else { fields.2 = fields.2 * 10 + v }
        }
        return index == 10 && digits == 8 ? fields : nil
    }

    /// Parses a date given from outside (an option, a form) as people type it (`TypedDate`) or
    /// throws an error naming the field: a date outside `InputLimits.years` is refused with the
    /// range, « 31/02/2025 n’existe pas ».
    public static func parse(_ text: String, field: String) throws(ValidationError) -> CalendarDate {
        switch TypedDate.parse(text) {
        case .success(let d):
            try d.checkPlausible(field: field)
            return d
        case .failure(let problem):
            throw ValidationError(field: field, problem.message)
        }
    }

    /// Refuses a date outside `InputLimits.years`, naming the field and the range.
    public func checkPlausible(field: String) throws(ValidationError) {
        guard InputLimits.years.contains(year) else {
            throw ValidationError(field: field, "date \(self) hors de la plage admise (années \(InputLimits.yearsText))")
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the end of the month (31/01 + 1 month → 28 or 29/02).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        // Saturates at the calendar's ends rather than trapping (a clause starting in 9998).
        if y < 1 { return CalendarDate(year: 1, month: 1, day: 1)! }
        if y > 9999 { return CalendarDate(year: 9999, month: 12, day: 31)! }
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }
    public func adding(years: Int) -> CalendarDate { adding(months: 12 * years) }

    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// Whole months from self to `other` (a request of 10/01/2022 is 18 months old on 10/07/2023).
    public func wholeMonths(until other: CalendarDate) -> Int {
        var months = (other.year - year) * 12 + (other.month - month)
        if other.day < day && !(other.day == CalendarDate.daysIn(month: other.month, year: other.year) && day > other.day) {
            months -= 1
        }
        return months
    }

    /// Age in completed years on `date` (the birthday itself counts; 29/02 births count on 28/02).
    public func age(on date: CalendarDate) -> Int {
        var a = date.year - year
        if (date.month, date.day) < (month, day) {
            let isFeb29Birthday = month == 2 && day == 29 && date.month == 2 && date.day == 28
                && !CalendarDate.isLeap(date.year)
            if !isFeb29Birthday { a -= 1 }
        }
        return a
    }

    /// Fraction of the calendar year elapsed at this date, in basis points (1 Jan → ~0, 31 Dec → 10 000).
    public var yearElapsed: Percentage {
        let start = CalendarDate(year: year, month: 1, day: 1)!.dayNumber
        let length = CalendarDate.isLeap(year) ? 366 : 365
        return Percentage.ratio(dayNumber - start + 1, of: length)!
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    /// ISO 8601, for storage and machine files.
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public var description: String { FrenchFormat.date(self) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CalendarDate(parsing: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "date invalide « \(InputLimits.quoted(s)) » (attendu AAAA-MM-JJ)")
        }
        if decoder.userInfo[.checksInputLimits] != nil, !InputLimits.years.contains(d.year) {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "date \(d) hors de la plage admise (années \(InputLimits.yearsText))")
        }
        self = d
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
