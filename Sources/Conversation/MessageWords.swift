#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A message's words (from `DialogSettings.spacedWords`) split at each space, with each word's `FirstWordFilter`
/// hash: what every keyword list looked for in the message reads.
///
/// A turn looks for some sixty lists in one message, most of them in a few forms of its words (the whole message,
/// the message without its lists or without the speaker it reports), so each thread keeps its last few splits and
/// hands one out again for the same words instead of splitting and hashing them anew (a provider's first message is
/// often a paragraph of sixty words). The split depends on the words alone, so the reducer's answers depend on its
/// input alone as before.
final class MessageWords: Sendable {
    let words: String
    let tokens: [Substring]
    /// `FirstWordFilter.hash` of each of `tokens`.
    let hashes: [UInt64?]

    /// Splits `words` at each space byte, as splitting its characters at " " would: in `spacedWords`' text the
    /// spaces stand between letters and digits (the two differ only where a space is followed by a combining mark
    /// that counts as a letter, which no language writes).
    private init(_ words: String) {
        self.words = words
        self.tokens = words.splitAtSpaceBytes(omittingEmpty: false)
        self.hashes = self.tokens.map(FirstWordFilter.hash)
    }

    /// How many splits each thread keeps.
    static let keptPerThread = 4

    /// `words` split: one of the thread's latest splits when it was of the same words, else a new one, kept as the
    /// latest in place of the oldest.
    static func of(_ words: String) -> MessageWords {
        let kept = Self.threadKept
        if let found = kept.splits.first(where: { $0.words == words }) { return found }
        let split = MessageWords(words)
        kept.keep(split)
        return split
    }

    /// The latest splits made on one thread, newest first.
    private final class Kept {
        var splits: [MessageWords] = []

        func keep(_ split: MessageWords) {
            if self.splits.count == MessageWords.keptPerThread { self.splits.removeLast() }
            self.splits.insert(split, at: 0)
        }
    }

    /// The calling thread's kept splits, held by a retain of the thread's slot.
    private static var threadKept: Kept {
        if let held = pthread_getspecific(Self.keptKey) {
            return Unmanaged<Kept>.fromOpaque(held).takeUnretainedValue()
        }
        let kept = Kept()
        pthread_setspecific(Self.keptKey, Unmanaged.passRetained(kept).toOpaque())
        return kept
    }

    /// The thread-specific slot of `threadKept`; a thread that ends releases what it holds.
    private static let keptKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { held in
            guard let held else { return }
            Unmanaged<Kept>.fromOpaque(held).release()
        }
        precondition(status == 0, "Cannot create the thread-specific key of a message's words: \(status)")
        return key
    }()
}
