import CGtk
import CGtkShim

/// Any GtkEditable: GtkEntry, GtkSearchEntry, GtkPasswordEntry, GtkSpinButton, ...
@MainActor
public final class Entry: Widget {
    override public class var expectedType: GType { gtk_editable_get_type() }

    public convenience init(placeholder: String? = nil) {
        self.init(borrowing: gtk_entry_new())
        if let placeholder { gtk_entry_set_placeholder_text(UnsafeMutablePointer(OpaquePointer(raw)), placeholder) }
    }

    /// A GtkSearchEntry (magnifier, clear icon, Escape clears it), named for assistive
    /// technologies.
    public static func search(placeholder: String, name: String) -> Entry {
        let entry = Entry(borrowing: UnsafeMutableRawPointer(gtk_search_entry_new()!))
        guichet_search_entry_set_placeholder(entry.widget, placeholder)
        entry.setAccessibleLabel(name)
        return entry
    }

    private var editable: OpaquePointer { guichet_editable(raw) }

    public var text: String {
        get { String(cString: gtk_editable_get_text(editable)) }
        set { gtk_editable_set_text(editable, newValue) }
    }

    /// The text without surrounding spaces.
    public var trimmedText: String { text.trimmingCharacters(in: .whitespaces) }

    /// The trimmed text, nil when nothing is typed (an optional field left empty).
    public var typedText: String? {
        let trimmed = trimmedText
        return trimmed.isEmpty ? nil : trimmed
    }

    public var isEditable: Bool {
        get { gtk_editable_get_editable(editable) != 0 }
        set { gtk_editable_set_editable(editable, newValue ? 1 : 0) }
    }

    /// Called after every change of the text (typing, paste, `text = ...`).
    @discardableResult
    public func onChanged(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        connect("changed", handler)
    }

    /// Called when the user presses Enter (GtkEntry and GtkSearchEntry `activate`).
    @discardableResult
    public func onActivate(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        connect("activate", handler)
    }
}
