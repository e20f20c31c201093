/// Tunables of the conversation an office may change without a rebuild.
public struct DialogSettings: Equatable, Sendable {
    /// After this long without a message, the next one is greeted with "continue / start over".
    public var inactivityMinutes: Int
    /// After this many invalid answers to one question, explain with an example and offer staff.
    public var maxInvalidAnswers: Int
    /// The largest checklist document (PDF) taken.
    public var maxDocumentBytes: Int
    /// The largest file taken about an open ticket (a screenshot, a photo, an office file or a PDF).
    public var maxAttachmentBytes: Int
    /// Exact words (lowercased) that act as commands anywhere, by command: `menu`, `cancel`, `back`, `human`,
    /// `language`, `done`, `status`; used beside the recognizer's intent.
    public var keywords: [String: [String]] {
        didSet {
            self.phrases = Self.indexes(of: self.keywords, spellings: self.spellings)
            self.everyKeyword = Set(self.keywords.values.joined())
            self.keywordSets = Self.sets(of: self.keywords)
        }
    }
    /// Chat spellings of one word and the standard word each stands for ("blm" → "belum", "tau" → "tahu"): a
    /// keyword phrase is found in a message whichever of them either is written in (see `spelled(with:)`).
    public private(set) var spellings: [Substring: Substring] = [:]
    /// Each list of `keywords` by its phrases' first words.
    private var phrases: [String: PhraseIndex]
    /// Every phrase of every list of `keywords`, as written.
    private var everyKeyword: Set<String>
    /// The lists of `keywords` of at most `largestSet` phrases as sets, for words compared one by one.
    private var keywordSets: [String: Set<String>]
    /// Hours after closing when the one survey reminder is due.
    public var surveyReminderHours: Int

    public init(
        inactivityMinutes: Int = 30, maxInvalidAnswers: Int = 3, maxDocumentBytes: Int = 4 * 1024 * 1024,
        keywords: [String: [String]] = [:], surveyReminderHours: Int = 24, maxAttachmentBytes: Int = 16 * 1024 * 1024
    ) {
        self.inactivityMinutes = inactivityMinutes
        self.maxInvalidAnswers = maxInvalidAnswers
        self.maxDocumentBytes = maxDocumentBytes
        self.maxAttachmentBytes = maxAttachmentBytes
        self.keywords = keywords
        self.phrases = Self.indexes(of: keywords)
        self.everyKeyword = Set(keywords.values.joined())
        self.keywordSets = Self.sets(of: keywords)
        self.surveyReminderHours = surveyReminderHours
    }

    /// These settings with keyword phrases found through `spellings` (the recognizer's slang and typo lists,
    /// "gatau" → "tidak tahu"): the entries that stand for one word fold both a phrase's words and a message's
    /// onto it, so "belum tahu" is found in "blm tau" and "tidak bisa" in "gk bs" without listing each spelling.
    /// A `filler` word keeps its own meaning: "min" is how a provider addresses staff, not "admin", a word that
    /// asks for them.
    public func spelled(with spellings: [String: String]) -> DialogSettings {
        var spelled = self
        spelled.spellings = [:]
        let fillers = Set((self.keywords["filler"] ?? []).map { $0.lowercased() })
        for (spelling, standard) in spellings
        where !standard.contains(" ") && !standard.isEmpty && !fillers.contains(spelling.lowercased()) {
            spelled.spellings[Substring(spelling.lowercased())] = Substring(standard.lowercased())
        }
        spelled.phrases = Self.indexes(of: self.keywords, spellings: spelled.spellings)
        return spelled
    }

    private static func indexes(of keywords: [String: [String]], spellings: [Substring: Substring] = [:])
        -> [String: PhraseIndex]
    {
        keywords.mapValues { PhraseIndex(keywords: $0, spellings: spellings) }
    }
}

extension DialogSettings {
    /// `text` lowercased with everything but letters and digits turned into spaces, and a space at each end,
    /// so a keyword phrase is found as whole words by looking for " phrase ". An English possessive's apostrophe
    /// and "s" are left out, straight or curly: "our company's director" reads as "our company director".
    public static func spacedWords(_ text: String) -> String {
        var text = text
        if let spaced = text.withUTF8(Self.asciiSpacedWords) { return spaced }
        guard text.withUTF8(Self.hasApostrophe) else {
            return " " + String(text.lowercased().map { Self.isWordCharacter($0) ? $0 : " " }) + " "
        }
        let characters = Array(text.lowercased())
        let kept = characters.indices.lazy.filter { !Self.isPossessive(characters, at: $0) }.map { index in
            Self.isWordCharacter(characters[index]) ? characters[index] : " "
        }
        return " " + String(kept) + " "
    }

    /// Whether `character` is kept in `spacedWords`: a letter or a digit.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Whether `characters[index]` is the apostrophe, straight or curly, or the "s" of a possessive that ends a
    /// word: a letter before the apostrophe, an "s" after it, and no letter or digit after the "s".
    private static func isPossessive(_ characters: [Character], at index: Int) -> Bool {
        func isApostrophe(_ index: Int) -> Bool {
            guard index > 0, index + 1 < characters.count, characters[index] == "'" || characters[index] == "\u{2019}",
                characters[index - 1].isLetter, characters[index + 1] == "s"
            else { return false }
            return index + 2 == characters.count || !Self.isWordCharacter(characters[index + 2])
        }
        return isApostrophe(index) || isApostrophe(index - 1)
    }

    /// `spacedWords` of ASCII text without an apostrophe, byte by byte (a long message is read three times per
    /// turn); `nil` for other text, which is read by characters. As with characters, a CR LF pair is one
    /// character and becomes one space.
    private static func asciiSpacedWords(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let space = UInt8(ascii: " ")
        return try? String(unsafeUninitializedCapacity: bytes.count + 2) { output in
            output[0] = space
            var count = 1
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n"), index > 0, bytes[index - 1] == UInt8(ascii: "\r") { continue }
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): output[count] = byte + 32
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): output[count] = byte
                case UInt8(ascii: "'"): throw ApostropheFound()
                default: output[count] = space
                }
                count += 1
            }
            output[count] = space
            return count + 1
        }
    }

    /// Whether UTF-8 `bytes` hold an apostrophe, straight or curly (U+2019: E2 80 99).
    private static func hasApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { index in
            bytes[index] == UInt8(ascii: "'")
                || (bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && bytes[index + 2] == 0x99)
        }
    }

    /// Ends `asciiSpacedWords`: text with an apostrophe is read by characters.
    private struct ApostropheFound: Error {}

    /// A keyword phrase with alternatives in parentheses, as every phrase it stands for: "(ganti|ubah) (alamat|
    /// email)" is "ganti alamat", "ganti email", "ubah alamat" and "ubah email". Nil when a parenthesis is
    /// unbalanced, nested or empty.
    public static func expandingAlternatives(_ phrase: String) -> [String]? {
        var phrases = [""]
        var rest = Substring(phrase)
        while let open = rest.firstIndex(where: { $0 == "(" || $0 == ")" }) {
            guard rest[open] == "(", let close = rest[open...].firstIndex(of: ")") else { return nil }
            let choices = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            guard !choices.contains(where: { $0.isEmpty || $0.contains("(") }) else { return nil }
            let before = rest[..<open]
            phrases = phrases.flatMap { start in choices.map { start + before + $0 } }
            rest = rest[rest.index(after: close)...]
        }
        return phrases.map { ($0 + rest).split(separator: " ").joined(separator: " ") }
    }

    /// Whether `phrase` is, as written, one of the phrases of any list of `keywords`.
    public func isKeyword(_ phrase: String) -> Bool {
        self.everyKeyword.contains(phrase)
    }

    /// Whether `words` (from `spacedWords`) holds one of the keyword phrases called `name`.
    public func mentions(_ words: String, keywordsNamed name: String) -> Bool {
        self.firstMention(in: words, keywordsNamed: name) != nil
    }

    /// The words of a message's `text`, as `spacedWords` reads them, that are in none of the keyword lists
    /// `names`: what it says besides them ("saya mau komplain" besides `filler` and `requestWords` is "komplain").
    public func words(of text: String, besides names: [String]) -> [Substring] {
        let lists = names.map(self.keywordSet)
        return Self.spacedWords(text).wordsBetweenSpaces.filter { word in
            let word = String(word)
            return !lists.contains { $0.contains(word) }
        }
    }

    /// The keyword list called `name` as a set (empty when there is none), for words compared one by one.
    public func keywordSet(_ name: String) -> Set<String> {
        self.keywordSets[name] ?? Set(self.keywords[name] ?? [])
    }

    /// The most phrases of a list kept as a set: the lists compared word by word are short ("filler", "not"), and
    /// the long ones (a service's phrases, expanded from their alternatives) would cost memory for nothing.
    static let largestSet = 256

    private static func sets(of keywords: [String: [String]]) -> [String: Set<String>] {
        keywords.filter { $0.value.count <= Self.largestSet }.mapValues(Set.init)
    }

    /// Whether a message's `text` holds a phrase of the list `name` and no word besides those of `name` and of the
    /// lists `others`: "sudah ya min" says only `already` besides `filler`.
    public func saysOnly(_ text: String, keywordsNamed name: String, besides others: [String]) -> Bool {
        self.mentions(text: text, keywordsNamed: name) && self.words(of: text, besides: [name] + others).isEmpty
    }

    /// Whether a message's `text` holds one of the keyword phrases called `name`, as whole words.
    public func mentions(text: String, keywordsNamed name: String) -> Bool {
        self.mentions(Self.spacedWords(text), keywordsNamed: name)
    }

    /// Where in `words` (from `spacedWords`) the first of the keyword phrases called `name` begins, in
    /// characters, if any is there.
    public func firstMention(in words: String, keywordsNamed name: String) -> Int? {
        self.phrases[name]?.firstMention(in: words)
    }

    /// Where in `words` (from `spacedWords`) the first of the phrases called `first` begins, in characters, when one
    /// called `second` begins at most `limit` words after its start: "tiket registrasi saya batalkan" (`requestNouns`,
    /// then `withdraw`), "mau bicara sama admin" (`askStaff`, then `staffNoun`). Nil otherwise.
    public func firstMention(
        in words: String, keywordsNamed first: String, followedWithin limit: Int, by second: String
    ) -> Int? {
        guard let start = self.firstMention(in: words, keywordsNamed: first) else { return nil }
        let after = words.dropFirst(start)
        guard let next = self.firstMention(in: String(after), keywordsNamed: second),
            after.prefix(next).wordsBetweenSpaces.count <= limit
        else { return nil }
        return start
    }

    /// Of `items`, the one whose keyword list (named by `listName`) has a phrase beginning first in `words`
    /// (from `spacedWords`), the earlier item on a tie; nil when none of them is there.
    public func firstMentioned<Item>(in words: String, among items: [Item], keywordsNamed listName: (Item) -> String)
        -> Item?
    {
        let message = MessageWords.of(words)
        return Self.earliest(among: items) { self.phrases[listName($0)]?.firstMention(in: message) }
    }

    /// Of `items`, the one whose phrase begins first in `words` (from `spacedWords`), the earlier item on a tie;
    /// nil when none of them is there.
    public static func firstMentioned<Item>(
        in words: String, among items: [Item], phrases: (Item) -> [String]
    ) -> Item? {
        Self.earliest(among: items) { Self.firstMention(in: words, of: phrases($0)) }
    }

    /// Of `items`, the one found at the smallest `offset`, the earlier item on a tie; nil when none is found.
    private static func earliest<Item>(among items: [Item], offset: (Item) -> Int?) -> Item? {
        var first: (offset: Int, item: Item)?
        for item in items {
            guard let found = offset(item), found < first?.offset ?? .max else { continue }
            first = (found, item)
        }
        return first?.item
    }

    /// Where in `words` (from `spacedWords`) the first of `phrases` begins, in characters, if any is there;
    /// with `anyOne`, where the first phrase found begins (enough to know that one is there).
    public static func firstMention(in words: String, of phrases: [String], anyOne: Bool = false) -> Int? {
        guard !phrases.isEmpty else { return nil }
        var bytes = words
        return bytes.withUTF8 { text in
            // ASCII text (nearly every message) is searched byte by byte, where a byte is a character; other
            // text by characters, where canonically equivalent spellings of one letter match.
            let isASCII = text.allSatisfy { $0 < 0x80 }
            var first: Int?
            for phrase in phrases {
                let offset: Int?
                if isASCII && phrase.utf8.allSatisfy({ $0 < 0x80 }) {
                    offset = Self.offset(of: phrase.utf8, in: text)
                } else {
                    let range = words.firstRange(of: " \(phrase) ")
                    offset = range.map { words.distance(from: words.startIndex, to: $0.lowerBound) }
                }
                guard let offset, offset < first ?? .max else { continue }
                if anyOne { return offset }
                first = offset
            }
            return first
        }
    }

    /// Where `phrase`, with a space on each side, begins in `text`, if it is there.
    private static func offset(of phrase: String.UTF8View, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let space = UInt8(ascii: " ")
        let length = phrase.count + 2
        guard text.count >= length else { return nil }
        for start in 0...(text.count - length) where text[start] == space && text[start + length - 1] == space {
            if phrase.elementsEqual(text[(start + 1)..<(start + length - 1)]) { return start }
        }
        return nil
    }
}
