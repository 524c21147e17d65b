/// The RGPD retention dates of a profile on a given day (brief §9): which closed dossiers are due
/// for anonymisation, which struck-off requests for deletion, and which become due within the
/// warning window, so agents are told `warningDays` ahead.
///
/// A dossier is due when its retention started (`AidDossier.retentionStart`: closing, or the end of
/// an anti-speculation clause when later) strictly before `today` minus `closedDossierYears`.
/// A request is due when struck off strictly before `RetentionRules.struckOffPurgeLimit(today:)`.
public struct RetentionSchedule: Sendable, Equatable {
    public var rules: RetentionRules
    public var today: CalendarDate

    public init(rules: RetentionRules, today: CalendarDate) { self.rules = rules; self.today = today }

    /// The last day of the warning window (today + warningDays).
    public var warningEnd: CalendarDate { today.adding(days: rules.warningDays) }

    /// Dossiers whose retention started strictly before this date are due today.
    public var closedDossierLimit: CalendarDate { Self.dossierLimit(rules, on: today) }
    /// Dossiers whose retention started strictly before this date are due by `warningEnd`.
    public var closedDossierWarningLimit: CalendarDate { Self.dossierLimit(rules, on: warningEnd) }
    /// Requests struck off strictly before this date are due today.
    public var struckOffRequestLimit: CalendarDate { rules.struckOffPurgeLimit(today: today) }
    /// Requests struck off strictly before this date are due by `warningEnd`.
    public var struckOffRequestWarningLimit: CalendarDate { rules.struckOffPurgeLimit(today: warningEnd) }

    /// The first day on which a dossier whose retention started on `start` is due. The limit
    /// never decreases from one day to the next, so the first day is found by walking from
    /// start + years (a 29 February start makes `adding(years:)` clamp to the 28th).
    public func dossierDueDate(retentionStart start: CalendarDate) -> CalendarDate {
        Self.firstDay(from: start.adding(years: rules.closedDossierYears)) { start < Self.dossierLimit(rules, on: $0) }
    }

    /// The first day on which a request struck off on `date` is due.
    public func requestDueDate(struckOffOn date: CalendarDate) -> CalendarDate {
        Self.firstDay(from: date.adding(years: rules.struckOffRequestYears)) { date < rules.struckOffPurgeLimit(today: $0) }
    }

    /// Where a dossier stands on `today`.
    public func state(of d: AidDossier) -> RetentionState {
        if d.isAnonymised { return .anonymised }
        guard let start = d.retentionStart else { return .open }
        if start < closedDossierLimit { return .due }
        if start < closedDossierWarningLimit { return .dueSoon(on: dossierDueDate(retentionStart: start)) }
        return .kept(until: dossierDueDate(retentionStart: start))
    }

    static func dossierLimit(_ rules: RetentionRules, on day: CalendarDate) -> CalendarDate {
        day.adding(years: -rules.closedDossierYears)
    }

    private static func firstDay(from day: CalendarDate, where isDue: (CalendarDate) -> Bool) -> CalendarDate {
        var d = day.adding(days: -2)
        while !isDue(d) { d = d.adding(days: 1) }
        return d
    }
}

/// A dossier's place in the retention schedule.
public enum RetentionState: Sendable, Equatable {
    /// Not closed: no retention period runs.
    case open
    /// Closed, kept; due for anonymisation on that day.
    case kept(until: CalendarDate)
    /// Due within the warning window, on that day.
    case dueSoon(on: CalendarDate)
    case due
    case anonymised
}

/// A record due (or soon due) under the retention schedule, without personal data: its number
/// or id and the date its retention started (closing or striking off).
public struct RetentionDue: Codable, Sendable, Equatable {
    public var key: String
    public var since: CalendarDate

    public init(key: String, since: CalendarDate) { self.key = key; self.since = since }
}
