@testable import GuichetCore
import Testing

struct RetentionNoticeTests {
    static let rules = RetentionRules(closedDossierYears: 5, struckOffRequestYears: 1, warningDays: 14)
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test func countsSplitAtTodaysLimitsAndTheSentenceNamesNoOne() {
        let schedule = RetentionSchedule(rules: Self.rules, today: Self.today)
        let dueNow = schedule.closedDossierLimit.adding(days: -1)
        let dueSoon = schedule.closedDossierLimit // due within the window, not today
        let notice = RetentionNotice(schedule: schedule,
                                     dossiers: [RetentionDue(key: "2020-ACC-0001", since: dueNow),
                                                RetentionDue(key: "2020-ACC-0002", since: dueNow),
                                                RetentionDue(key: "2020-PIG-0003", since: dueSoon)],
                                     requests: [RetentionDue(key: "DLS-2025-000001", since: schedule.struckOffRequestLimit.adding(days: -3))])
        #expect(notice.dossiersDue == 2)
        #expect(notice.dossiersDueSoon == 1)
        #expect(notice.requestsDue == 1)
        #expect(notice.requestsDueSoon == 0)
        let text = notice.text ?? ""
        #expect(text.contains("à traiter maintenant : 2 dossiers clos et 1 demande radiée"), "\(text)")
        #expect(text.contains("d’ici le 07/12/2026 : 1 dossier clos"), "\(text)")
        #expect(!text.contains("2020-ACC-0001"), "numbers stay out of the banner")
    }

    @Test func nothingDueSaysNothing() {
        let schedule = RetentionSchedule(rules: Self.rules, today: Self.today)
        #expect(RetentionNotice(schedule: schedule, dossiers: [], requests: []).text == nil)
    }
}
