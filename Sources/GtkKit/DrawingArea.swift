import CGtk
import CGtkShim

/// A GtkDrawingArea drawn with cairo by a Swift closure (charts).
@MainActor
public final class DrawingArea: Widget {
    override public class var expectedType: GType { gtk_drawing_area_get_type() }

    /// The closure gets the `cairo_t *` and the area's width and height in pixels.
    public typealias DrawHandler = @MainActor (_ cairo: OpaquePointer, _ width: Int, _ height: Int) -> Void

    private final class Box { let draw: DrawHandler; init(_ draw: @escaping DrawHandler) { self.draw = draw } }

    public convenience init() {
        self.init(borrowing: gtk_drawing_area_new())
    }

    private var area: UnsafeMutablePointer<GtkDrawingArea> { raw.assumingMemoryBound(to: GtkDrawingArea.self) }

    /// Sets the draw function; GTK owns the closure's box and frees it when replaced or destroyed.
    public func onDraw(_ handler: @escaping DrawHandler) {
        let box = Unmanaged.passRetained(Box(handler)).toOpaque()
        gtk_drawing_area_set_draw_func(area, { _, cairo, width, height, data in
            guard let cairo, let data else { return }
            let box = Unmanaged<Box>.fromOpaque(data).takeUnretainedValue()
            MainActor.assumeIsolated { box.draw(cairo, Int(width), Int(height)) }
        }, box, { data in
            guard let data else { return }
            Unmanaged<Box>.fromOpaque(data).release()
        })
    }

    /// Asks GTK to draw the area again (after its data changed).
    public func queueDraw() { gtk_widget_queue_draw(widget) }
}
