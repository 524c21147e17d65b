import CGtk
import CGtkShim

/// A GtkDropDown over a GtkStringList of French labels.
@MainActor
public final class DropDown: Widget {
    override public class var expectedType: GType { gtk_drop_down_get_type() }

    public convenience init(items: [String]) {
        self.init(borrowing: gtk_drop_down_new(nil, nil))
        self.items = items
    }

    private var dropDown: OpaquePointer { guichet_drop_down(raw) }

    /// Replaces the choices; the selection goes back to the first one.
    public var items: [String] {
        get {
            guard let model = gtk_drop_down_get_model(dropDown) else { return [] }
            let list = model
            return (0..<g_list_model_get_n_items(model)).map { index in
                gtk_string_list_get_string(list, index).map { String(cString: $0) } ?? ""
            }
        }
        set {
            let list = gtk_string_list_new(nil)!
            for item in newValue { gtk_string_list_append(list, item) }
            gtk_drop_down_set_model(dropDown, guichet_list_model(UnsafeMutableRawPointer(list)))
            g_object_unref(UnsafeMutableRawPointer(list))
        }
    }

    /// Index of the chosen item, nil when none.
    public var selectedIndex: Int? {
        get {
            let position = gtk_drop_down_get_selected(dropDown)
            return position == GTK_INVALID_LIST_POSITION ? nil : Int(position)
        }
        set { gtk_drop_down_set_selected(dropDown, newValue.map { UInt32($0) } ?? GTK_INVALID_LIST_POSITION) }
    }

    @discardableResult
    public func onSelectionChanged(_ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        onNotify("selected", handler)
    }
}
