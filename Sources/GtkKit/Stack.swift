import CGtk
import CGtkShim

@MainActor
public final class Stack: Widget {
    override public class var expectedType: GType { gtk_stack_get_type() }

    public convenience init() {
        self.init(borrowing: gtk_stack_new())
    }

    private var stack: OpaquePointer { guichet_stack(raw) }

    public func addChild(_ child: Widget, name: String, title: String) {
        gtk_stack_add_titled(stack, child.widget, name, title)
    }

    public func removeChild(_ child: Widget) {
        gtk_stack_remove(stack, child.widget)
    }

    public var visibleChildName: String? {
        get { gtk_stack_get_visible_child_name(stack).map { String(cString: $0) } }
        set { if let newValue { gtk_stack_set_visible_child_name(stack, newValue) } }
    }
}

/// A GtkListBox whose rows are made in code (e.g. a sidebar).
@MainActor
public final class ListBox: Widget {
    override public class var expectedType: GType { gtk_list_box_get_type() }

    private var listBox: OpaquePointer { guichet_list_box(raw) }

    public func append(_ child: Widget) { gtk_list_box_append(listBox, child.widget) }

    /// Index of the selected row, nil when none.
    public var selectedIndex: Int? {
        guard let row = gtk_list_box_get_selected_row(listBox) else { return nil }
        return Int(gtk_list_box_row_get_index(row))
    }

    public func selectRow(at index: Int?) {
        guard let index else { gtk_list_box_unselect_all(listBox); return }
        guard let row = gtk_list_box_get_row_at_index(listBox, Int32(index)) else { return }
        gtk_list_box_select_row(listBox, row)
    }

    /// The row widget (GtkListBoxRow) at `index`.
    public func row(at index: Int) -> UnsafeMutablePointer<GtkWidget>? {
        gtk_list_box_get_row_at_index(listBox, Int32(index)).map { guichet_widget(UnsafeMutableRawPointer($0)) }
    }

    /// `row-selected`: the index of the newly selected row, nil when the selection is cleared.
    @discardableResult
    public func onRowSelected(_ handler: @escaping @MainActor (Int?) -> Void) -> SignalHandlerID {
        Signals.connectPointer(raw, "row-selected") { row in
            handler(row.map { Int(gtk_list_box_row_get_index(guichet_list_box_row($0))) })
        }
    }
}
