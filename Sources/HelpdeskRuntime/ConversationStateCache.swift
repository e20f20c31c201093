import Conversation

/// The conversation states last saved or read, each with the exact JSON text it was stored as, so reading a
/// state whose stored text is unchanged skips decoding it.
///
/// An entry is used only when the stored text equals the entry's text byte for byte; a transaction that
/// saved a state and then rolled back leaves the old text in the database, which no longer matches, so it is
/// decoded again. A state saved and then served from here can differ from its decoded form only below a
/// microsecond in its dates (they are stored as seconds since 1970 in a double), which no reply, timer or
/// deadline can observe.
public final class ConversationStateCache: Sendable {
    private struct Entry {
        var json: String
        var state: ConversationState
    }

    private let entries: BoundedCache<Entry>

    /// At most this many contacts are kept; past it, a quarter of them are dropped.
    public var capacity: Int { self.entries.capacity }

    public init(capacity: Int = 4096) {
        self.entries = BoundedCache(capacity: capacity)
    }

    /// The state stored as `json` for `contact` (nil: a new conversation), decoded only when it is not the
    /// text last seen for that contact.
    public func state(of contact: String, storedAs json: String?) throws -> ConversationState {
        guard let json else { return ConversationState() }
        if let entry = self.entries[contact], entry.json == json { return entry.state }
        let state = try ConversationRecords.decodeState(json)
        self.remember(state, storedAs: json, of: contact)
        return state
    }

    /// The JSON text last seen for `contact` (saved by this process, or read), if it is held. It may be ahead
    /// of the database (a saving transaction rolled back) or behind it (another process wrote): a caller
    /// uses it only where a wrong answer costs a retry, never a wrong result.
    public func lastJSON(of contact: String) -> String? {
        self.entries[contact]?.json
    }

    /// Records that `state` of `contact` was stored as `json`.
    public func remember(_ state: ConversationState, storedAs json: String, of contact: String) {
        self.entries.set(Entry(json: json, state: state), for: contact)
    }

    /// Drops what is held about `contact` (their personal data was erased).
    public func forget(_ contact: String) {
        self.entries.remove(contact)
    }

    /// Contacts held now.
    public var count: Int { self.entries.count }
}
