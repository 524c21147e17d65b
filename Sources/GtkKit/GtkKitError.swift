/// Errors of the GTK layer, with a French message a user may see.
public struct GtkKitError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
