import Foundation
import GuichetCore

/// The computer's clock, as the executable hands it to the front ends. `GUICHET_TODAY=AAAA-MM-JJ`
/// moves it to that day (the time of day still flows): the whole product, and its test suite,
/// then run "on" that day — how `make test` checks that nothing depends on the calendar.
public enum SystemClock {
    /// The environment variable that moves the clock.
    public static let variable = "GUICHET_TODAY"

    /// The wall clock, moved to the day `GUICHET_TODAY` names when it is set; a day that is not
    /// a date is refused with a French message naming the variable.
    public static func make(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ValidationError) -> Clock {
        let wall = Clock { Date() }
        guard let text = environment[variable], !text.isEmpty else { return wall }
        return wall.moved(to: try Clock.day(text, name: variable))
    }

    /// `make()` for default arguments of the storage (stores opened by tests and tools): the
    /// executable refuses a bad `GUICHET_TODAY` at start, so here it can only be absent or valid.
    public static var current: Clock { (try? make()) ?? Clock { Date() } }
}
