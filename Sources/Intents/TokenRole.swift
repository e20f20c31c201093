/// What an entity extractor made of a token, so the classifier can read the words around the data.
enum TokenRole: Equatable, Sendable {
    /// Not part of any entity.
    case free
    /// Part of a time expression; the classifier sees one `<time>` per expression.
    case time
    /// Part of a company name; the classifier does not see it.
    case company
    /// Part of another entity; the classifier sees its words ("tiket", "pilihan") but not its digits.
    case data
}
