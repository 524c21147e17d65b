import CGtk
import CGtkShim

@MainActor
public final class Button: Widget {
    override public class var expectedType: GType { gtk_button_get_type() }

    public convenience init(label: String) {
        self.init(borrowing: gtk_button_new_with_label(label))
    }

    public var label: String {
        get { gtk_button_get_label(guichet_button(raw)).map { String(cString: $0) } ?? "" }
        set { gtk_button_set_label(guichet_button(raw), newValue) }
    }

    @discardableResult
    public func onClicked(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        connect("clicked", handler)
    }
}

@MainActor
public final class CheckButton: Widget {
    override public class var expectedType: GType { gtk_check_button_get_type() }

    public convenience init(label: String) {
        self.init(borrowing: gtk_check_button_new_with_label(label))
    }

    public var isActive: Bool {
        get { gtk_check_button_get_active(guichet_check_button(raw)) != 0 }
        set { gtk_check_button_set_active(guichet_check_button(raw), newValue ? 1 : 0) }
    }

    @discardableResult
    public func onToggled(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        connect("toggled", handler)
    }
}
