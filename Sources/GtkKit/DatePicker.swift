import CGtk
import CGtkShim

/// A calendar button beside a date field: a GtkMenuButton whose popover holds a GtkCalendar.
/// The calendar opens on the day the field shows (`onOpening`) and hands the day clicked to
/// `onChosen`; the field keeps what is typed, the calendar is only another way to type it.
@MainActor
public final class DatePicker {
    /// The button to put beside the field.
    public let button: Widget
    private let popover: Widget
    private let calendar: Widget
    private var choosing = false

    /// The day to show when the calendar opens (year, month 1-12, day), nil for today.
    public var onOpening: (@MainActor () -> (year: Int, month: Int, day: Int)?)?
    /// The day the agent clicked.
    public var onChosen: (@MainActor (_ year: Int, _ month: Int, _ day: Int) -> Void)?

    /// `name`: what assistive technologies read for the button ("Calendrier : Date d’achat").
    public init(name: String) {
        button = Widget(borrowing: UnsafeMutableRawPointer(gtk_menu_button_new()!))
        gtk_menu_button_set_icon_name(guichet_menu_button(button.raw), "x-office-calendar-symbolic")
        button.tooltip = "Choisir la date dans un calendrier"
        button.setAccessibleLabel(name)
        popover = Widget(borrowing: UnsafeMutableRawPointer(gtk_popover_new()!))
        calendar = Widget(borrowing: UnsafeMutableRawPointer(gtk_calendar_new()!))
        calendar.setAccessibleLabel("Calendrier")
        gtk_popover_set_child(guichet_popover(popover.raw), calendar.widget)
        gtk_menu_button_set_popover(guichet_menu_button(button.raw), popover.widget)
        popover.connect("show") { [weak self] in self?.opening() }
        calendar.connect("day-selected") { [weak self] in self?.chosen() }
    }

    private func opening() {
        guard let day = onOpening?() else { return }
        choosing = true
        guichet_calendar_select_day(guichet_calendar(calendar.raw), Int32(day.year), Int32(day.month), Int32(day.day))
        choosing = false
    }

    private func chosen() {
        guard !choosing else { return }
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0
        guichet_calendar_get_day(guichet_calendar(calendar.raw), &year, &month, &day)
        gtk_popover_popdown(guichet_popover(popover.raw))
        onChosen?(Int(year), Int(month), Int(day))
    }

    public var isSensitive: Bool {
        get { button.isSensitive }
        set { button.isSensitive = newValue }
    }
}
