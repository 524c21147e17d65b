import CGtk
import CGtkShim

/// One part of a window the keyboard moves between with Tab: a sidebar, a search field, a
/// list, a form. A list-like region is left by Tab at once (its rows are walked with the arrows);
/// a form region is walked field by field and left after its last field.
@MainActor
public struct FocusRegion {
    public enum Kind: Sendable { case list, form }
    /// The widget holding the region (nil or hidden: the region is skipped).
    public var container: Widget?
    public var kind: Kind
    /// Puts the focus in the region when entered from elsewhere; false when it cannot take it.
    public var enter: @MainActor (_ forward: Bool) -> Bool

    public init(_ container: Widget?, kind: Kind, enter: (@MainActor (_ forward: Bool) -> Bool)? = nil) {
        self.container = container
        self.kind = kind
        self.enter = enter ?? { forward in
            guard let container else { return false }
            return gtk_widget_child_focus(container.widget, forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD) != 0
        }
    }

    var isShown: Bool {
        guard let container else { return false }
        return gtk_widget_is_visible(container.widget) != 0 && gtk_widget_get_mapped(container.widget) != 0
    }
}

/// Tab and Shift+Tab between the regions of a window, in order and round, as in any GTK
/// application with panes: Tab from the sidebar goes to the search field, from the search field
/// to the list, from the list to the form — never through every row of a list, and never
/// selecting a sidebar row (which would change section). Taken in the capture phase, before
/// the lists see the key.
@MainActor
public final class FocusRegions {
    private weak var window: Window?
    private let regions: @MainActor () -> [FocusRegion]

    public init(window: Window, regions: @escaping @MainActor () -> [FocusRegion]) {
        self.window = window
        self.regions = regions
        let keys = gtk_event_controller_key_new()!
        gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE)
        Signals.connectKey(UnsafeMutableRawPointer(keys), "key-pressed") { [weak self] keyval, _, state in
            guard keyval == 0xff09 /* Tab */ || keyval == 0xfe20 /* ISO_Left_Tab */ else { return false }
            let mask = GDK_CONTROL_MASK.rawValue | GDK_ALT_MASK.rawValue
            guard state.rawValue & mask == 0 else { return false }
            let backward = keyval == 0xfe20 || state.rawValue & GDK_SHIFT_MASK.rawValue != 0
            return self?.move(forward: !backward) ?? false
        }
        gtk_widget_add_controller(window.widget, keys)
    }

    /// Moves the focus as Tab (forward) or Shift+Tab does; false when the focus is in none of
    /// the regions (GTK then does what it always does).
    @discardableResult
    public func move(forward: Bool) -> Bool {
        let all = regions()
        guard let focus = window?.focusedWidget,
              let current = all.firstIndex(where: { $0.isShown && $0.container!.contains(focus) }) else { return false }
        let region = all[current]
        if region.kind == .form, let container = region.container,
           gtk_widget_child_focus(container.widget, forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD) != 0 {
            return true
        }
        for step in 1...all.count {
            let next = all[((current + (forward ? step : -step)) % all.count + all.count) % all.count]
            if next.isShown, next.enter(forward) { return true }
        }
        return true
    }

    /// The index of the region holding the focus (tests).
    public var currentIndex: Int? {
        guard let focus = window?.focusedWidget else { return nil }
        return regions().firstIndex { $0.isShown && $0.container!.contains(focus) }
    }
}
