import Foundation

/// Where "now" and "today" come from. The domain never reads the computer's clock: every
/// decision that depends on the day (default decision dates, the current budget year, retention
/// deadlines, request ages, the demo's last day) receives a `Clock` from its caller, so the same
/// code gives the same result on any day. The executable hands the system clock to the front ends
/// (`SystemClock` in storage, which honours `GUICHET_TODAY`); tests hand a fixed one.
public struct Clock: Sendable {
    private let instant: @Sendable () -> Date

    /// A clock reading `instant` each time it is asked.
    public init(_ instant: @escaping @Sendable () -> Date) { self.instant = instant }

    /// The current instant: for timestamps (history lines, last change).
    public func now() -> Date { instant() }

    /// The current day in Europe/Paris, the time zone of the offices.
    public func today() -> CalendarDate { CalendarDate(dayOf: instant()) }

    /// Always the same instant.
    public static func fixed(at instant: Date) -> Clock { Clock { instant } }

    /// Always noon (Paris) of `day`: for tests and for data generated "as of" a day.
    public static func fixed(_ day: CalendarDate) -> Clock { fixed(at: day.instant(hour: 12)) }

    /// This clock moved to `day`: the time of day still flows (timestamps keep their order), the
    /// day stays `day`. What `GUICHET_TODAY` gives the system clock.
    public func moved(to day: CalendarDate) -> Clock {
        let base = self
        return Clock {
            let now = base.now()
            let midnight = CalendarDate(dayOf: now).instant(hour: 0)
            return day.instant(hour: 0).addingTimeInterval(now.timeIntervalSince(midnight))
        }
    }

    /// Reads a day given to move the clock (`AAAA-MM-JJ`, as `GUICHET_TODAY` holds it); `name`
    /// names where the text came from in the French message.
    public static func day(_ text: String, name: String) throws(ValidationError) -> CalendarDate {
        guard let day = CalendarDate(parsing: text) else {
            throw ValidationError(field: name, "date invalide « \(text) » (attendu AAAA-MM-JJ)")
        }
        return day
    }
}

extension CalendarDate {
    /// The day, in Europe/Paris, of an instant (a timestamp shown as a date).
    public init(dayOf instant: Date) {
        let c = Self.parisCalendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The instant at `hour` o'clock, Paris time, of this day.
    public func instant(hour: Int) -> Date {
        Self.parisCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    /// Removed: "today" comes from the injected clock.
    @available(*, unavailable, message: "use the injected Clock (clock.today()), or CalendarDate(dayOf:) for a timestamp")
    public static func today(now: Date) -> CalendarDate { CalendarDate(dayOf: now) }

    /// Removed: "today" comes from the injected clock.
    @available(*, unavailable, message: "use the injected Clock: clock.today()")
    public static func today() -> CalendarDate { fatalError("unavailable") }

    /// Made once: building a calendar and its time zone costs more than the conversion itself
    /// (lists convert a timestamp per row).
    private static let parisCalendar: Calendar = {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        return cal
    }()
}
