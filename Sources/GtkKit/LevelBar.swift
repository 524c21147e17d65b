import CGtk
import CGtkShim

/// A GtkLevelBar showing a continuous value between `minValue` and `maxValue`.
@MainActor
public final class LevelBar: Widget {
    override public class var expectedType: GType { gtk_level_bar_get_type() }

    public convenience init(maxValue: Double = 1) {
        self.init(borrowing: UnsafeMutableRawPointer(gtk_level_bar_new()!))
        self.maxValue = maxValue
    }

    private var bar: OpaquePointer { OpaquePointer(raw) }

    public var value: Double {
        get { gtk_level_bar_get_value(bar) }
        set { gtk_level_bar_set_value(bar, newValue) }
    }

    public var maxValue: Double {
        get { gtk_level_bar_get_max_value(bar) }
        set { gtk_level_bar_set_max_value(bar, newValue) }
    }

    /// Drops GTK's default "low" / "high" / "full" offsets, so the fill colour comes from CSS
    /// classes set by the owner rather than from fixed thresholds.
    public func removeDefaultOffsets() {
        for name in ["low", "high", "full"] { gtk_level_bar_remove_offset_value(bar, name) }
    }
}
