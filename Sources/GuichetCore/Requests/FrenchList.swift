/// "a, b ou c": the alternatives of a message, joined the French way.
func frenchAlternatives(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " ou " + last
}
