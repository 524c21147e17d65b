import CGtk
import CGtkShim

/// Application-wide CSS added once per display, for colours the theme's classes do not give
/// (e.g. a level bar's fill). Each caller passes its own small stylesheet under a key.
@MainActor
public enum StyleSheet {
    private static var installed: Set<String> = []

    /// Adds `css` to the default display once for `key`; later calls with the same key do nothing.
    public static func install(_ key: String, css: String) {
        guard !installed.contains(key), let display = gdk_display_get_default() else { return }
        installed.insert(key)
        let provider = gtk_css_provider_new()!
        gtk_css_provider_load_from_data(provider, css, -1)
        gtk_style_context_add_provider_for_display(display, OpaquePointer(provider),
                                                   UInt32(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
        // The display keeps its own reference.
        g_object_unref(UnsafeMutableRawPointer(provider))
    }
}
