/// A list of keyword phrases by their first word, so that a message's words are read once for all of them
/// instead of once per phrase: a list with alternatives ("(ganti|ubah) (alamat|email|…)") stands for hundreds.
/// Several lists indexed together (`init(keywordLists:spellings:)`) are read once for all of them too, and tell
/// which list's phrase comes first.
///
/// With `spellings`, a phrase's words and a message's are compared as their standard words: "belum tahu" is found
/// in "blm tau" when the spellings read "blm" as "belum" and "tau" as "tahu".
struct PhraseIndex: Equatable, Sendable {
    /// A phrase after its first word: its other words, each as its standard word, and the list it is of.
    private struct Rest: Equatable, Sendable {
        var words: [Substring]
        var list: Int
    }

    /// The phrases by their first words, each as its standard word, in the order of their lists.
    private var rests: [Substring: [Rest]] = [:]
    /// Chat spellings and the one standard word each stands for.
    private var spellings: [Substring: Substring]
    /// The first words of `rests` and their chat spellings: a message's word that is none of them is not looked up.
    private var firstWords: FirstWordFilter

    init(_ phrases: [String], spellings: [Substring: Substring] = [:]) {
        self.init(lists: [phrases], spellings: spellings)
    }

    /// The phrases of `lists` in one index; a phrase is of the list at its offset in `lists`.
    init(lists: [[String]], spellings: [Substring: Substring] = [:]) {
        self.spellings = spellings
        for (list, phrases) in lists.enumerated() {
            for phrase in phrases {
                let words = phrase.split(separator: " ", omittingEmptySubsequences: false).map {
                    Self.standard($0, spellings: spellings)
                }
                guard let first = words.first, !first.isEmpty, !words.contains(where: \.isEmpty) else { continue }
                self.rests[first, default: []].append(Rest(words: Array(words.dropFirst()), list: list))
            }
        }
        let rests = self.rests
        self.firstWords = FirstWordFilter(Array(rests.keys) + spellings.compactMap { rests[$1] == nil ? nil : $0 })
    }

    /// An index of keyword phrases read as the messages they are looked for in are: "don't" and "e-mail" are
    /// "don t" and "e mail".
    init(keywords phrases: [String], spellings: [Substring: Substring] = [:]) {
        self.init(keywordLists: [phrases], spellings: spellings)
    }

    /// `init(keywords:spellings:)` for several lists in one index.
    init(keywordLists lists: [[String]], spellings: [Substring: Substring] = [:]) {
        self.init(
            lists: lists.map { phrases in
                phrases.map { DialogSettings.spacedWords($0).split(separator: " ").joined(separator: " ") }
            },
            spellings: spellings)
    }

    /// `word` as its standard word, when it is a chat spelling of one or a word repeated with a 2.
    private func standard(_ word: Substring) -> Substring {
        Self.standard(word, spellings: self.spellings)
    }

    private static func standard(_ word: Substring, spellings: [Substring: Substring]) -> Substring {
        let word = Self.unrepeated(word)
        return spellings.isEmpty ? word : spellings[word] ?? word
    }

    /// "tanya2", "kira2": a 2 written straight after a word of two letters or more repeats it, as "tanya-tanya"
    /// does, and says what the word says.
    static func unrepeated(_ word: Substring) -> Substring {
        guard word.utf8.count >= 3, word.utf8.last == UInt8(ascii: "2") else { return word }
        let base = word.dropLast()
        return base.allSatisfy(\.isLetter) ? base : word
    }

    /// Where in `words` (from `DialogSettings.spacedWords`) the first phrase begins (the space before it), in
    /// characters, if any is there. Words are compared as strings, so canonically equivalent spellings of one
    /// letter match, and a phrase's words are found only one space apart, as they are written.
    func firstMention(in words: String) -> Int? {
        guard !self.rests.isEmpty else { return nil }
        return self.firstMention(in: MessageWords.of(words))
    }

    /// `firstMention(in:)` for a message's words already split (read once for several lists).
    func firstMention(in message: MessageWords) -> Int? {
        self.earliestMention(in: message)?.offset
    }

    /// The list whose phrase begins first in `message`, the earlier list when phrases of several begin at the same
    /// word, and where it begins, as `firstMention(in:)` says.
    func earliestMention(in message: MessageWords) -> (list: Int, offset: Int)? {
        guard !self.rests.isEmpty else { return nil }
        let tokens = message.tokens
        for (index, token) in tokens.enumerated()
        where !token.isEmpty && self.firstWords.mayContain(hash: message.hashes[index]) {
            guard let rests = self.rests[self.standard(token)] else { continue }
            // The phrases of a first word are in the order of their lists: the first found is of the earliest.
            let found = rests.first { rest in
                index + rest.words.count < tokens.count
                    && rest.words.indices.allSatisfy { self.standard(tokens[index + 1 + $0]) == rest.words[$0] }
            }
            // Where the space before it is, as a search for " phrase " finds it.
            if let found {
                return (found.list, message.words.distance(from: message.words.startIndex, to: token.startIndex) - 1)
            }
        }
        return nil
    }
}
