import CGtk
import CGtkShim

/// A parameterless GSimpleAction added to a GActionMap (application: `app.name`,
/// application window: `win.name`). Keyboard shortcuts are set on the application with
/// `Application.setAccelerator`.
@MainActor
public final class SimpleAction: GObjectRef {
    override public class var expectedType: GType { g_simple_action_get_type() }

    static func add(to map: UnsafeMutableRawPointer, name: String,
                    _ handler: @escaping @MainActor () -> Void) -> SimpleAction {
        let action = SimpleAction(adopting: UnsafeMutableRawPointer(g_simple_action_new(name, nil)!))
        // GSimpleAction::activate is void (*)(GSimpleAction *, GVariant *, gpointer).
        Signals.connectPointer(action.raw, "activate") { _ in handler() }
        g_action_map_add_action(guichet_action_map(map), OpaquePointer(action.raw))
        return action
    }

    public var isEnabled: Bool {
        get { g_action_get_enabled(OpaquePointer(raw)) != 0 }
        set { g_simple_action_set_enabled(OpaquePointer(raw), newValue ? 1 : 0) }
    }

    /// Runs the action as its shortcut would.
    public func activate() { g_action_activate(OpaquePointer(raw), nil) }
}
