import CGtk
import CGtkShim

/// Identifier of a connected handler, for `disconnect`.
public struct SignalHandlerID: Hashable, Sendable {
    public let value: UInt
}

/// Holds a Swift closure for the lifetime of one GLib signal connection. It is passed to GLib
/// retained and released by `releaseSignalBox`, the connection's destroy notify, which GLib
/// calls exactly once (on disconnect or when the instance is finalized).
final class SignalBox<Handler> {
    let handler: Handler
    init(_ handler: Handler) { self.handler = handler }

    func retainedPointer() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> Handler {
        Unmanaged<SignalBox<Handler>>.fromOpaque(pointer!).takeUnretainedValue().handler
    }
}

private let releaseSignalBox: GClosureNotify = { data, _ in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

/// position, removed, added.
public typealias ItemsChangedHandler = @MainActor (_ position: UInt32, _ removed: UInt32, _ added: UInt32) -> Void
typealias VoidClosure = @MainActor () -> Void
typealias PointerClosure = @MainActor (UnsafeMutableRawPointer?) -> Void
typealias BoolClosure = @MainActor () -> Bool
typealias IntClosure = @MainActor (Int32) -> Void
typealias UIntClosure = @MainActor (UInt32) -> Void
/// dx, dy → handled.
public typealias ScrollHandler = @MainActor (_ dx: Double, _ dy: Double) -> Bool
/// width, height.
public typealias SizeHandler = @MainActor (_ width: Int32, _ height: Int32) -> Void
/// keyval, keycode, modifier state → handled.
public typealias KeyPressHandler = @MainActor (_ keyval: UInt32, _ keycode: UInt32,
                                               _ state: GdkModifierType) -> Bool

// One trampoline per C signal signature; GTK calls them on the main thread. The handler is
// taken out of its box before entering the main actor (isolated closures are Sendable); raw
// pointers cross as their bit pattern.
private let voidTrampoline: GuichetVoidHandler = { _, box in
    let handler = SignalBox<VoidClosure>.from(box)
    MainActor.assumeIsolated { handler() }
}
private let pointerTrampoline: GuichetPointerHandler = { _, arg, box in
    let handler = SignalBox<PointerClosure>.from(box)
    let address = UInt(bitPattern: arg)
    MainActor.assumeIsolated { handler(UnsafeMutableRawPointer(bitPattern: address)) }
}
private let boolTrampoline: GuichetBoolHandler = { _, box in
    let handler = SignalBox<BoolClosure>.from(box)
    return MainActor.assumeIsolated { handler() ? 1 : 0 }
}
private let intTrampoline: GuichetIntHandler = { _, value, box in
    let handler = SignalBox<IntClosure>.from(box)
    MainActor.assumeIsolated { handler(value) }
}
private let uintTrampoline: GuichetUIntHandler = { _, value, box in
    let handler = SignalBox<UIntClosure>.from(box)
    MainActor.assumeIsolated { handler(value) }
}
private let keyTrampoline: GuichetKeyHandler = { _, keyval, keycode, state, box in
    let handler = SignalBox<KeyPressHandler>.from(box)
    return MainActor.assumeIsolated { handler(keyval, keycode, state) ? 1 : 0 }
}
private let scrollTrampoline: GuichetScrollHandler = { _, dx, dy, box in
    let handler = SignalBox<ScrollHandler>.from(box)
    return MainActor.assumeIsolated { handler(dx, dy) ? 1 : 0 }
}
typealias PointerIntClosure = @MainActor (UnsafeMutableRawPointer?, Int32) -> Void
private let pointerIntTrampoline: GuichetPointerIntHandler = { _, arg, value, box in
    let handler = SignalBox<PointerIntClosure>.from(box)
    let address = UInt(bitPattern: arg)
    MainActor.assumeIsolated { handler(UnsafeMutableRawPointer(bitPattern: address), value) }
}
private let sizeTrampoline: GuichetSizeHandler = { _, width, height, box in
    let handler = SignalBox<SizeHandler>.from(box)
    MainActor.assumeIsolated { handler(width, height) }
}
private let itemsChangedTrampoline: GuichetItemsChangedHandler = { _, position, removed, added, box in
    let handler = SignalBox<ItemsChangedHandler>.from(box)
    MainActor.assumeIsolated { handler(position, removed, added) }
}

/// Typed connections on any GObject pointer. Each function serves the signals whose C
/// signature it names; connecting one to a signal of another signature is undefined behaviour.
@MainActor
public enum Signals {
    /// `void (*)(GObject *, gpointer)`: clicked, activate, changed, toggled, destroy, ...
    @discardableResult
    public static func connect(_ instance: UnsafeMutableRawPointer, _ signal: String,
                               _ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        let box = SignalBox<VoidClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_void(instance, signal, voidTrampoline, box, releaseSignalBox))
    }

    /// `void (*)(GObject *, gpointer arg, gpointer)`: notify::prop, GSimpleAction::activate,
    /// GtkListBox::row-selected, list item factory setup/bind/unbind/teardown.
    @discardableResult
    public static func connectPointer(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                      _ handler: @escaping @MainActor (UnsafeMutableRawPointer?) -> Void)
        -> SignalHandlerID
    {
        let box = SignalBox<PointerClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_pointer(instance, signal, pointerTrampoline, box, releaseSignalBox))
    }

    /// `void (*)(GObject *, gpointer arg, gint value, gpointer)`: GtkPrintOperation::draw-page.
    @discardableResult
    public static func connectPointerInt(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                         _ handler: @escaping @MainActor (UnsafeMutableRawPointer?, Int32) -> Void)
        -> SignalHandlerID
    {
        let box = SignalBox<PointerIntClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_pointer_int(instance, signal, pointerIntTrampoline, box, releaseSignalBox))
    }

    /// `gboolean (*)(GObject *, gpointer)`: GtkWindow::close-request (true stops the close).
    @discardableResult
    public static func connectBool(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                   _ handler: @escaping @MainActor () -> Bool) -> SignalHandlerID {
        let box = SignalBox<BoolClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_bool(instance, signal, boolTrampoline, box, releaseSignalBox))
    }

    /// `void (*)(GObject *, gint, gpointer)`: GtkDialog::response, GtkNativeDialog::response.
    @discardableResult
    public static func connectInt(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                  _ handler: @escaping @MainActor (Int32) -> Void) -> SignalHandlerID {
        let box = SignalBox<IntClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_int(instance, signal, intTrampoline, box, releaseSignalBox))
    }

    /// `void (*)(GObject *, guint, gpointer)`: GtkColumnView::activate, GtkListView::activate.
    @discardableResult
    public static func connectUInt(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                   _ handler: @escaping @MainActor (UInt32) -> Void) -> SignalHandlerID {
        let box = SignalBox<UIntClosure>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_uint(instance, signal, uintTrampoline, box, releaseSignalBox))
    }

    /// GtkEventControllerKey::key-pressed.
    @discardableResult
    public static func connectKey(_ instance: UnsafeMutableRawPointer, _ signal: String,
                                  _ handler: @escaping KeyPressHandler) -> SignalHandlerID {
        let box = SignalBox<KeyPressHandler>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_key(instance, signal, keyTrampoline, box, releaseSignalBox))
    }

    /// GtkEventControllerScroll::scroll (true: handled, the scrolled window does not scroll).
    @discardableResult
    public static func connectScroll(_ instance: UnsafeMutableRawPointer, _ handler: @escaping ScrollHandler) -> SignalHandlerID {
        let box = SignalBox<ScrollHandler>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_scroll(instance, "scroll", scrollTrampoline, box, releaseSignalBox))
    }

    /// GtkDrawingArea::resize.
    @discardableResult
    public static func connectResize(_ instance: UnsafeMutableRawPointer, _ handler: @escaping SizeHandler) -> SignalHandlerID {
        let box = SignalBox<SizeHandler>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_size(instance, "resize", sizeTrampoline, box, releaseSignalBox))
    }

    /// GListModel::items-changed.
    @discardableResult
    public static func connectItemsChanged(_ instance: UnsafeMutableRawPointer,
                                           _ handler: @escaping ItemsChangedHandler) -> SignalHandlerID {
        let box = SignalBox<ItemsChangedHandler>(handler).retainedPointer()
        return SignalHandlerID(value: guichet_connect_items_changed(
            instance, "items-changed", itemsChangedTrampoline, box, releaseSignalBox))
    }

    /// Emits a signal that has no arguments and no return value (e.g. "clicked").
    public static func emit(_ instance: UnsafeMutableRawPointer, _ signal: String) {
        guichet_emit_void(instance, signal)
    }

    /// Disconnects a handler; GLib releases its closure box.
    public static func disconnect(_ instance: UnsafeMutableRawPointer, _ id: SignalHandlerID) {
        g_signal_handler_disconnect(instance, gulong(id.value))
    }
}

extension GObjectRef {
    /// Connects a `void (*)(GObject *, gpointer)` signal (clicked, activate, changed, ...).
    @discardableResult
    public func connect(_ signal: String, _ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        Signals.connect(raw, signal, handler)
    }

    /// Calls `handler` when property `property` changes (`notify::property`).
    @discardableResult
    public func onNotify(_ property: String, _ handler: @escaping @MainActor () -> Void) -> SignalHandlerID {
        Signals.connectPointer(raw, "notify::\(property)") { _ in handler() }
    }

    public func disconnect(_ id: SignalHandlerID) {
        Signals.disconnect(raw, id)
    }
}
