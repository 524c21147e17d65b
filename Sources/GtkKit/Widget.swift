import CGtk
import CGtkShim

/// A GtkWidget. Subclasses wrap particular widget types; `Builder` checks `expectedType`.
@MainActor
open class Widget: GObjectRef {
    override open class var expectedType: GType { gtk_widget_get_type() }

    public var widget: UnsafeMutablePointer<GtkWidget> { guichet_widget(raw) }

    public var isVisible: Bool {
        get { gtk_widget_get_visible(widget) != 0 }
        set { gtk_widget_set_visible(widget, newValue ? 1 : 0) }
    }

    public var isSensitive: Bool {
        get { gtk_widget_get_sensitive(widget) != 0 }
        set { gtk_widget_set_sensitive(widget, newValue ? 1 : 0) }
    }

    /// True when the widget itself has the keyboard focus.
    public var hasFocus: Bool { gtk_widget_has_focus(widget) != 0 }

    /// True when the focus is on the widget or one of its descendants.
    public var containsFocus: Bool {
        let flags = gtk_widget_get_state_flags(widget)
        return flags.rawValue & GTK_STATE_FLAG_FOCUS_WITHIN.rawValue != 0
    }

    @discardableResult
    public func grabFocus() -> Bool { gtk_widget_grab_focus(widget) != 0 }

    public var tooltip: String? {
        get { gtk_widget_get_tooltip_text(widget).map { String(cString: $0) } }
        set { gtk_widget_set_tooltip_text(widget, newValue) }
    }

    public func addCSSClass(_ name: String) { gtk_widget_add_css_class(widget, name) }
    public func removeCSSClass(_ name: String) { gtk_widget_remove_css_class(widget, name) }

    /// The name assistive technologies read (AT-SPI accessible name).
    public func setAccessibleLabel(_ label: String) { guichet_accessible_set_label(widget, label) }
    public func setAccessibleDescription(_ text: String) { guichet_accessible_set_description(widget, text) }

    /// Hides the widget from assistive technologies (e.g. a stack page not on screen, which
    /// GTK 4.8 still presents).
    public func setAccessibleHidden(_ hidden: Bool) { guichet_accessible_set_hidden(widget, hidden ? 1 : 0) }

    public func setMargins(_ all: Int32) {
        gtk_widget_set_margin_top(widget, all)
        gtk_widget_set_margin_bottom(widget, all)
        gtk_widget_set_margin_start(widget, all)
        gtk_widget_set_margin_end(widget, all)
    }

    public func setExpand(horizontal: Bool, vertical: Bool) {
        gtk_widget_set_hexpand(widget, horizontal ? 1 : 0)
        gtk_widget_set_vexpand(widget, vertical ? 1 : 0)
    }

    /// The toplevel window this widget is in, if any.
    public var rootWindow: UnsafeMutablePointer<GtkWindow>? {
        guard let root = gtk_widget_get_root(widget).map(UnsafeMutableRawPointer.init),
              guichet_is_window(root) != 0 else { return nil }
        return guichet_window(root)
    }

    /// Adds a key controller; `handler` returns true when it handled the key.
    public func onKeyPressed(_ handler: @escaping KeyPressHandler) {
        let controller = gtk_event_controller_key_new()!
        Signals.connectKey(UnsafeMutableRawPointer(controller), "key-pressed", handler)
        gtk_widget_add_controller(widget, controller) // the widget takes ownership
    }

    /// Activates an action reachable from this widget, e.g. "win.save" (as its shortcut would).
    @discardableResult
    public func activateAction(_ detailedName: String) -> Bool {
        gtk_widget_activate_action_variant(widget, detailedName, nil) != 0
    }

    /// Writes the widget as currently drawn to a PNG file (for visual checks without a
    /// screen grab). The widget must be shown in a window.
    public func savePNG(to path: String) throws {
        guard guichet_widget_save_png(widget, path) != 0 else {
            throw GtkKitError("Impossible d’enregistrer l’image \(path)")
        }
    }

    /// Emits the widget's activation (e.g. `clicked` for a button) as a keyboard user would.
    /// A GtkButton does nothing until it is on screen (realized), and then emits `clicked` a
    /// quarter of a second later: wait for `isMapped` first.
    @discardableResult
    public func activate() -> Bool { gtk_widget_activate(widget) != 0 }

    /// Whether the widget is on screen (mapped): what a user can see and click.
    public var isMapped: Bool { gtk_widget_get_mapped(widget) != 0 }
}

/// A GtkBox, for building small layouts in code.
@MainActor
public final class Box: Widget {
    override public class var expectedType: GType { gtk_box_get_type() }

    public convenience init(vertical: Bool, spacing: Int32 = 0) {
        self.init(borrowing: gtk_box_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, spacing))
    }

    public func append(_ child: Widget) { gtk_box_append(guichet_box(raw), child.widget) }
    public func remove(_ child: Widget) { gtk_box_remove(guichet_box(raw), child.widget) }
}

/// A GtkExpander: a title that shows or hides its child. A collapsed child is neither measured
/// nor drawn, which keeps long secondary lists cheap.
@MainActor
public final class Expander: Widget {
    override public class var expectedType: GType { gtk_expander_get_type() }

    public convenience init(label: String, child: Widget) {
        self.init(borrowing: gtk_expander_new(label))
        gtk_expander_set_child(guichet_expander(raw), child.widget)
    }

    public var label: String {
        get { gtk_expander_get_label(guichet_expander(raw)).map { String(cString: $0) } ?? "" }
        set { gtk_expander_set_label(guichet_expander(raw), newValue) }
    }

    public var isExpanded: Bool {
        get { gtk_expander_get_expanded(guichet_expander(raw)) != 0 }
        set { gtk_expander_set_expanded(guichet_expander(raw), newValue ? 1 : 0) }
    }
}
