import CGtk
import CGtkShim
import Foundation

/// A short message over the bottom of a view ("Dossier 2026-PRL-0033 enregistré"), with an
/// optional button ("Ouvrir"), that goes away by itself after a few seconds or when closed.
/// Wraps the view in a GtkOverlay (put `root` where the view was), or uses one in place.
@MainActor
public final class ToastOverlay {
    public let root: Widget
    private let revealer: Widget
    private let label: Label
    private let action: Button
    private let close: Button
    private var actionHandler: (@MainActor () -> Void)?
    private var hiding: Task<Void, Never>?

    public convenience init(child: Widget) {
        let overlay = Widget(borrowing: UnsafeMutableRawPointer(gtk_overlay_new()!))
        gtk_overlay_set_child(guichet_overlay(overlay.raw), child.widget)
        self.init(overlay: overlay)
    }

    /// Adds the message to a GtkOverlay already in place (from a `.ui` file).
    public init(overlay: Widget) {
        root = overlay
        revealer = Widget(borrowing: UnsafeMutableRawPointer(gtk_revealer_new()!))
        gtk_revealer_set_transition_type(guichet_revealer(revealer.raw), GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP)
        gtk_widget_set_halign(revealer.widget, GTK_ALIGN_CENTER)
        gtk_widget_set_valign(revealer.widget, GTK_ALIGN_END)
        gtk_widget_set_margin_bottom(revealer.widget, 18)
        let box = Box(vertical: false, spacing: 12)
        box.addCSSClass("app-notification")
        box.addCSSClass("toast")
        label = Label()
        label.wraps = true
        label.setAccessibleLabel("Message")
        action = Button(label: "")
        action.isVisible = false
        close = Button(label: "✕")
        close.tooltip = "Fermer le message"
        close.setAccessibleLabel("Fermer le message")
        close.addCSSClass("flat")
        box.append(label)
        box.append(action)
        box.append(close)
        gtk_revealer_set_child(guichet_revealer(revealer.raw), box.widget)
        gtk_overlay_add_overlay(guichet_overlay(root.raw), revealer.widget)
        action.onClicked { [weak self] in
            let handler = self?.actionHandler
            self?.hide()
            handler?()
        }
        close.onClicked { [weak self] in self?.hide() }
    }

    /// The message shown, "" when none (tests).
    public var message: String { isShown ? label.text : "" }
    public var isShown: Bool { gtk_revealer_get_reveal_child(guichet_revealer(revealer.raw)) != 0 }

    /// Shows `text` (replacing a message still shown) for `seconds`, with a button when `action`
    /// is given.
    public func show(_ text: String, action: (label: String, run: @MainActor () -> Void)? = nil, seconds: Double = 6) {
        hiding?.cancel()
        label.text = text
        self.action.label = action?.label ?? ""
        self.action.isVisible = action != nil
        actionHandler = action?.run
        gtk_revealer_set_reveal_child(guichet_revealer(revealer.raw), 1)
        hiding = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            guard !Task.isCancelled else { return }
            self?.hide()
        }
    }

    public func hide() {
        hiding?.cancel()
        hiding = nil
        actionHandler = nil
        gtk_revealer_set_reveal_child(guichet_revealer(revealer.raw), 0)
    }
}
