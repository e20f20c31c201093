extension Array {
    /// Removes the first element that satisfies `predicate`, if any: one event answers one pending item, even
    /// when several share its key (two files of the same bytes may carry the same media id).
    mutating func removeFirst(where predicate: (Element) throws -> Bool) rethrows {
        if let index = try self.firstIndex(where: predicate) {
            self.remove(at: index)
        }
    }
}
