/// Reads one decoded JSON file, recording every problem with its file and JSON path instead of stopping.
///
/// A reference type so that every cursor of one load appends to the same list; it never leaves the loader.
final class JSONCursorLog {
    var problems: [String] = []
    /// Files already reported as unreadable: nothing more is said about what is inside them.
    var unreadableFiles: Set<String> = []
}
