import CGtk
import CGtkShim

/// How a `LazyTable` scrolls its window of rows: a scrollbar spanning the whole result, the
/// wheel and the navigation keys taken before the column view sees them, and a size probe
/// telling how many rows fit.
extension LazyTable {
    struct ViewParts {
        let view: Widget
        let scrolled: Widget
        let bar: Widget
        let sizeProbe: UnsafeMutablePointer<GtkWidget>
    }

    /// [overlay(scrolled window(column view), size probe) | scrollbar]. The scrolled window only
    /// scrolls sideways: its vertical policy is EXTERNAL, so the view may be taller than the
    /// viewport (the partly shown last row) without asking for more height.
    static func makeView(columnView: UnsafeMutablePointer<GtkWidget>,
                         adjustment: UnsafeMutablePointer<GtkAdjustment>) -> ViewParts {
        let scrolledWidget = gtk_scrolled_window_new()!
        let scrolled = guichet_scrolled_window(UnsafeMutableRawPointer(scrolledWidget))
        gtk_scrolled_window_set_policy(scrolled, GTK_POLICY_AUTOMATIC, GTK_POLICY_EXTERNAL)
        gtk_scrolled_window_set_child(scrolled, columnView)
        gtk_widget_set_hexpand(scrolledWidget, 1)
        // A drawing area over the list, invisible and never targeted: its `resize` signal is how a
        // GTK 4 program learns its allocated height.
        let probe = gtk_drawing_area_new()!
        gtk_widget_set_can_target(probe, 0)
        gtk_widget_set_can_focus(probe, 0)
        gtk_widget_set_opacity(probe, 0) // the theme gives drawing areas a background
        let overlay = gtk_overlay_new()!
        gtk_overlay_set_child(guichet_overlay(UnsafeMutableRawPointer(overlay)), scrolledWidget)
        gtk_overlay_add_overlay(guichet_overlay(UnsafeMutableRawPointer(overlay)), probe)
        gtk_widget_set_hexpand(overlay, 1)
        let bar = gtk_scrollbar_new(GTK_ORIENTATION_VERTICAL, adjustment)!
        guichet_accessible_set_label(bar, "Défilement de la liste")
        let box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 0)!
        gtk_box_append(guichet_box(UnsafeMutableRawPointer(box)), overlay)
        gtk_box_append(guichet_box(UnsafeMutableRawPointer(box)), bar)
        let view = Widget(borrowing: UnsafeMutableRawPointer(box))
        view.setExpand(horizontal: true, vertical: true)
        return ViewParts(view: view, scrolled: Widget(borrowing: UnsafeMutableRawPointer(scrolledWidget)),
                         bar: Widget(borrowing: UnsafeMutableRawPointer(bar)), sizeProbe: probe)
    }

    func connectScrolling(sizeProbe: UnsafeMutablePointer<GtkWidget>) {
        Signals.connectResize(UnsafeMutableRawPointer(sizeProbe)) { [weak self] _, height in
            guard let self else { return }
            self.viewportHeight = Int(height)
            // `resize` comes during the size allocation: changing the model now would leave
            // the list unallocated for this frame, so the update waits for the loop's next turn.
            guard !self.visibleRowsUpdateQueued else { return }
            self.visibleRowsUpdateQueued = true
            Task { @MainActor [weak self] in
                self?.visibleRowsUpdateQueued = false
                self?.updateVisibleRows()
            }
        }
        Signals.connect(scrollbar.raw, "value-changed") { [weak self] in
            guard let self, !self.applying else { return }
            self.scroll(toRow: Int(gtk_adjustment_get_value(self.scrollbar.raw.assumingMemoryBound(to: GtkAdjustment.self)).rounded()))
        }
        // Capture phase: before the scrolled window (wheel) and the column view (keys).
        let wheel = gtk_event_controller_scroll_new(GTK_EVENT_CONTROLLER_SCROLL_VERTICAL)!
        gtk_event_controller_set_propagation_phase(wheel, GTK_PHASE_CAPTURE)
        Signals.connectScroll(UnsafeMutableRawPointer(wheel)) { [weak self] _, dy in
            self?.wheelScrolled(dy) ?? false
        }
        gtk_widget_add_controller(scrolled.widget, wheel)
        let keys = gtk_event_controller_key_new()!
        gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE)
        Signals.connectKey(UnsafeMutableRawPointer(keys), "key-pressed") { [weak self] keyval, _, state in
            guard let self, let key = Self.navigationKey(keyval, state) else { return false }
            self.moveCursor(key)
            return true
        }
        gtk_widget_add_controller(columnView.widget, keys)
    }

    /// Wheel and touchpad: `dy` steps (fractions from smooth devices add up).
    func wheelScrolled(_ dy: Double) -> Bool {
        guard dy != 0 else { return false }
        wheelRemainder += dy * Self.rowsPerWheelStep
        let rows = Int(wheelRemainder)
        wheelRemainder -= Double(rows)
        if rows != 0 { scroll(toRow: window.offset + rows) }
        return true
    }

    /// Recomputes how many rows fit from the viewport and the measured row height. Row height
    /// is known only once a row is allocated, so it is checked again after the next frame.
    func updateVisibleRows() {
        if let measured = measuredRowHeight() { rowHeight = measured }
        let header = gtk_widget_get_first_child(columnView.widget).map { Int(gtk_widget_get_height($0)) } ?? 0
        let visible = max(1, (viewportHeight - header) / max(1, rowHeight))
        guard viewportHeight > 0, visible != window.visible else { return }
        window.setVisible(visible)
        applyWindow()
        columnView.onAfterNextPaint { [weak self] in
            guard let self, let measured = self.measuredRowHeight(), measured != self.rowHeight else { return }
            self.updateVisibleRows()
        }
    }

    /// Height of the first row widget (the list view is the column view's last child, its
    /// children are the rows in order), nil before a row is allocated.
    func measuredRowHeight() -> Int? {
        guard let list = gtk_widget_get_last_child(columnView.widget),
              let row = gtk_widget_get_first_child(list) else { return nil }
        let height = Int(gtk_widget_get_height(row))
        return height > 0 ? height : nil
    }

    /// Gives keyboard focus to the row widget at a model position.
    /// Keyboard focus on the selected row when it is on screen, else on the first row shown
    /// (entering the list with Tab); false when the list is empty.
    @discardableResult
    public func focus() -> Bool {
        guard rowCount > 0 else { return gtk_widget_grab_focus(columnView.widget) != 0 }
        let position = selectedRow.flatMap(window.position(of:)) ?? 0
        focusRow(at: position)
        return true
    }

    func focusRow(at position: Int) {
        guard let list = gtk_widget_get_last_child(columnView.widget) else { return }
        var row = gtk_widget_get_first_child(list)
        for _ in 0..<position { row = row.flatMap { gtk_widget_get_next_sibling($0) } }
        if let row { gtk_widget_grab_focus(row) }
    }

    /// Up/Down/Page Up/Page Down/Home/End (main and keypad keys), without Alt.
    static func navigationKey(_ keyval: UInt32, _ state: GdkModifierType) -> RowWindow.NavigationKey? {
        guard state.rawValue & GDK_ALT_MASK.rawValue == 0 else { return nil }
        switch keyval {
        case 0xff52, 0xff97: return .up
        case 0xff54, 0xff99: return .down
        case 0xff55, 0xff9a: return .pageUp
        case 0xff56, 0xff9b: return .pageDown
        case 0xff50, 0xff95: return .home
        case 0xff57, 0xff9c: return .end
        default: return nil
        }
    }
}
