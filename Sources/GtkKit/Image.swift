import CGtk
import CGtkShim

@MainActor
public final class Image: Widget {
    override public class var expectedType: GType { gtk_image_get_type() }

    public convenience init(iconName: String) {
        self.init(borrowing: gtk_image_new_from_icon_name(iconName))
    }

    /// Themed icon name, e.g. "folder-documents-symbolic".
    public var iconName: String? {
        get { gtk_image_get_icon_name(OpaquePointer(raw)).map { String(cString: $0) } }
        set { gtk_image_set_from_icon_name(OpaquePointer(raw), newValue) }
    }
}
