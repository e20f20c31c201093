#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A message's words (from `DialogSettings.spacedWords`) split at each space, with each word's `FirstWordFilter`
/// hash: what every keyword list looked for in the message reads.
///
/// A turn looks for some sixty lists in one message, most of them in the same words, so each thread keeps the last
/// split it made and hands it out again for the same words instead of splitting and hashing them anew (a provider's
/// first message is often a paragraph of sixty words). The split depends on the words alone, so the reducer's
/// answers depend on its input alone as before.
final class MessageWords: Sendable {
    let words: String
    let tokens: [Substring]
    /// `FirstWordFilter.hash` of each of `tokens`.
    let hashes: [UInt64?]

    private init(_ words: String) {
        self.words = words
        self.tokens = words.split(separator: " ", omittingEmptySubsequences: false)
        self.hashes = self.tokens.map(FirstWordFilter.hash)
    }

    /// `words` split: the thread's last split when it was of the same words, else a new one, kept as the last.
    static func of(_ words: String) -> MessageWords {
        if let last = Self.threadLast, last.words == words { return last }
        let split = MessageWords(words)
        Self.threadLast = split
        return split
    }

    /// The last split made on the calling thread, held by a retain of its own.
    private static var threadLast: MessageWords? {
        get {
            pthread_getspecific(Self.lastKey).map { Unmanaged<MessageWords>.fromOpaque($0).takeUnretainedValue() }
        }
        set {
            let previous = pthread_getspecific(Self.lastKey)
            pthread_setspecific(Self.lastKey, newValue.map { Unmanaged.passRetained($0).toOpaque() })
            if let previous { Unmanaged<MessageWords>.fromOpaque(previous).release() }
        }
    }

    /// The thread-specific slot of `threadLast`; a thread that ends releases what it holds.
    private static let lastKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { held in
            guard let held else { return }
            Unmanaged<MessageWords>.fromOpaque(held).release()
        }
        precondition(status == 0, "Cannot create the thread-specific key of a message's words: \(status)")
        return key
    }()
}
