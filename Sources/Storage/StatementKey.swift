/// The key of a connection's statement cache: the SQL text, hashed from its length and four 8-byte words
/// spread over it instead of from every byte.
///
/// A statement is looked up on every call and most SQL runs to a few hundred bytes, so hashing all of them
/// cost more than the rest of the lookup. Texts that differ only outside the sampled words share a hash and
/// are told apart by comparing them whole, as any colliding keys are.
struct StatementKey: Hashable {
    let sql: String

    init(_ sql: String) {
        self.sql = sql
    }

    static func == (lhs: StatementKey, rhs: StatementKey) -> Bool {
        lhs.sql == rhs.sql
    }

    func hash(into hasher: inout Hasher) {
        var sql = self.sql
        sql.withUTF8 { bytes in
            hasher.combine(bytes.count)
            guard bytes.count >= 8, let base = UnsafeRawPointer(bytes.baseAddress) else {
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
                return
            }
            let last = bytes.count - 8
            hasher.combine(base.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            hasher.combine(base.loadUnaligned(fromByteOffset: last / 3, as: UInt64.self))
            hasher.combine(base.loadUnaligned(fromByteOffset: 2 * last / 3, as: UInt64.self))
            hasher.combine(base.loadUnaligned(fromByteOffset: last, as: UInt64.self))
        }
    }
}
