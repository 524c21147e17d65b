import CGtk
import CGtkShim

/// A GtkGrid, for rows built in code (e.g. a checklist).
@MainActor
public final class Grid: Widget {
    override public class var expectedType: GType { gtk_grid_get_type() }

    private var grid: UnsafeMutablePointer<GtkGrid> { UnsafeMutablePointer(OpaquePointer(raw)) }

    public func attach(_ child: Widget, column: Int, row: Int, width: Int = 1, height: Int = 1) {
        gtk_grid_attach(grid, child.widget, Int32(column), Int32(row), Int32(width), Int32(height))
    }

    /// Removes every child.
    public func removeAll() {
        while let child = gtk_widget_get_first_child(widget) { gtk_grid_remove(grid, child) }
    }
}

/// A GtkFlowBox (buttons that wrap onto several lines).
@MainActor
public final class FlowBox: Widget {
    override public class var expectedType: GType { gtk_flow_box_get_type() }

    private var flowBox: OpaquePointer { OpaquePointer(raw) }

    /// A flow box for buttons: nothing selectable, at most `maxPerLine` a line.
    public static func make(maxPerLine: UInt32) -> FlowBox {
        let box = FlowBox(borrowing: UnsafeMutableRawPointer(gtk_flow_box_new()!))
        gtk_flow_box_set_selection_mode(box.flowBox, GTK_SELECTION_NONE)
        gtk_flow_box_set_max_children_per_line(box.flowBox, maxPerLine)
        gtk_flow_box_set_column_spacing(box.flowBox, 6)
        gtk_flow_box_set_row_spacing(box.flowBox, 6)
        return box
    }

    public func append(_ child: Widget) { gtk_flow_box_append(flowBox, child.widget) }

    /// Removes every child.
    public func removeAll() {
        while let child = gtk_widget_get_first_child(widget) { gtk_flow_box_remove(flowBox, child) }
    }
}

extension Box {
    /// Whether every child gets the same room.
    public var isHomogeneous: Bool {
        get { gtk_box_get_homogeneous(guichet_box(raw)) != 0 }
        set { gtk_box_set_homogeneous(guichet_box(raw), newValue ? 1 : 0) }
    }

    /// Removes every child.
    public func removeAll() {
        while let child = gtk_widget_get_first_child(widget) { gtk_box_remove(guichet_box(raw), child) }
    }
}

extension Label {
    /// An inline validation message under a field: left-aligned, wrapping, in the error colour,
    /// hidden until it has something to say (see `show(_:)`).
    public static func fieldError() -> Label {
        let label = Label()
        label.xAlign = 0
        label.wraps = true
        label.addCSSClass("error")
        label.isVisible = false
        return label
    }

    /// Sets the text, or hides the label when `text` is nil or empty.
    public func show(_ text: String?) {
        self.text = text ?? ""
        isVisible = !(text ?? "").isEmpty
    }
}
