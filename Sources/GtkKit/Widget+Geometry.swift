import CGtk
import CGtkShim

extension Widget {
    /// Allocated width and height, in pixels (0 before the first layout).
    public var allocatedWidth: Int { Int(gtk_widget_get_width(widget)) }
    public var allocatedHeight: Int { Int(gtk_widget_get_height(widget)) }

    /// Whether `other` is this widget or inside it.
    public func contains(_ other: UnsafeMutablePointer<GtkWidget>?) -> Bool {
        guard let other else { return false }
        return other == widget || gtk_widget_is_ancestor(other, widget) != 0
    }

    /// Scrolls every scrolled window around the widget so that it is in view (with a margin),
    /// as a keyboard user expects of the field that has the focus.
    public func scrollIntoView(margin: Double = 24) {
        var child = widget
        while let parent = gtk_widget_get_parent(child) {
            if guichet_is_a(UnsafeMutableRawPointer(parent), gtk_scrolled_window_get_type()) != 0,
               let content = gtk_widget_get_first_child(parent) {
                var bounds = graphene_rect_t()
                if gtk_widget_compute_bounds(widget, content, &bounds) != 0,
                   let adjustment = gtk_scrolled_window_get_vadjustment(guichet_scrolled_window(UnsafeMutableRawPointer(parent))) {
                    let value = gtk_adjustment_get_value(adjustment)
                    let page = gtk_adjustment_get_page_size(adjustment)
                    let top = Double(bounds.origin.y), bottom = top + Double(bounds.size.height)
                    if top - margin < value {
                        gtk_adjustment_set_value(adjustment, max(0, top - margin))
                    } else if bottom + margin > value + page {
                        gtk_adjustment_set_value(adjustment, min(bottom + margin - page, top - margin))
                    }
                }
            }
            child = parent
        }
    }

    /// Back to the top, for a GtkScrolledWindow (no effect on other widgets).
    public func scrollToTop() {
        guard isA(gtk_scrolled_window_get_type()),
              let adjustment = gtk_scrolled_window_get_vadjustment(guichet_scrolled_window(raw)) else { return }
        gtk_adjustment_set_value(adjustment, 0)
    }

    /// Keyboard focus to the widget, scrolled into view once laid out.
    @discardableResult
    public func focusAndReveal() -> Bool {
        let done = grabFocus()
        scrollIntoView()
        onAfterNextPaint { [weak self] in self?.scrollIntoView() }
        return done
    }
}

extension Widget {
    /// Called when the keyboard focus leaves the widget (and what it holds): a field typed in
    /// is left, the moment to show back what was typed in its usual form.
    public func onFocusLeft(_ handler: @escaping @MainActor () -> Void) {
        let controller = gtk_event_controller_focus_new()!
        Signals.connect(UnsafeMutableRawPointer(controller), "leave", handler)
        gtk_widget_add_controller(widget, controller)
    }

    public func setAlignment(horizontal: Align? = nil, vertical: Align? = nil) {
        if let horizontal { gtk_widget_set_halign(widget, horizontal.gtk) }
        if let vertical { gtk_widget_set_valign(widget, vertical.gtk) }
    }
}

/// Where a widget sits in the room it is given.
public enum Align: Sendable {
    case fill, start, end, center
    var gtk: GtkAlign {
        switch self {
        case .fill: GTK_ALIGN_FILL
        case .start: GTK_ALIGN_START
        case .end: GTK_ALIGN_END
        case .center: GTK_ALIGN_CENTER
        }
    }
}

extension Widget {
    /// Called each time the widget is mapped (shown on screen), e.g. to lay out for its width.
    public func onMapped(_ handler: @escaping @MainActor () -> Void) {
        connect("map", handler)
    }

    /// Keyboard focus to the first field (or button) inside the widget, scrolled into view.
    @discardableResult
    public func focusFirstField() -> Bool {
        gtk_widget_child_focus(widget, GTK_DIR_TAB_FORWARD) != 0
    }
}
