/// Folds chat spelling into standard Indonesian words: case, punctuation, repeated letters, typos and slang.
///
/// The output is a list of tokens: words, `?`, `#`, `,` for a clause break (`.,;:!` and new lines), kept
/// emoji, and `<num>` / `<long>` for short and long numbers.
public struct TextNormaliser: Equatable, Sendable {
    private let slang: [String: [String]]
    private let typos: [String: [String]]
    private let vocabulary: Set<String>
    /// Every known word of six letters or more (not a listed misspelling) with one letter left out → the
    /// words it came from: finds the known words one slip away from an unknown word in a few lookups.
    private let deletions: [String: [String]]

    /// - Parameters:
    ///   - slang: abbreviation → standard form, e.g. `sy` → `saya`, `tq` → `terima kasih`.
    ///   - typos: misspelling → correct spelling.
    ///   - vocabulary: words known to be spelled right (legit double letters like "maaf" survive).
    public init(slang: [String: String], typos: [String: String], vocabulary: some Sequence<String>) {
        func split(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
        self.slang = slang.mapValues(split)
        self.typos = typos.mapValues(split)
        var words = Set(vocabulary)
        for (key, value) in slang {
            words.insert(key)
            words.formUnion(split(value))
        }
        for (key, value) in typos {
            words.insert(key)
            words.formUnion(split(value))
        }
        self.vocabulary = words
        var deletions: [String: [String]] = [:]
        for word in words where Self.isCorrectable(word) && typos[word] == nil {
            let letters = Array(word.utf8)
            for index in letters.indices {
                var shorter = letters
                shorter.remove(at: index)
                let key = String(decoding: shorter, as: UTF8.self)
                if deletions[key]?.contains(word) != true { deletions[key, default: []].append(word) }
            }
        }
        self.deletions = deletions
    }

    /// Every listed chat spelling, slang or typo, with its standard words joined by spaces ("bgt" → "sekali"), for
    /// what reads words outside the recognizer (the survey's answers).
    public var spellings: [String: String] {
        self.typos.merging(self.slang) { typo, _ in typo }.mapValues { $0.joined(separator: " ") }
    }

    /// Lower-case ASCII letters only, six or more.
    private static func isCorrectable(_ word: String) -> Bool {
        word.utf8.count >= 6 && word.utf8.allSatisfy { $0 >= 97 && $0 <= 122 }
    }

    /// The normalised tokens of `text`.
    public func tokens(_ text: String) -> [String] {
        self.tokens(of: MessageLexer.tokens(of: text))
    }

    /// The normalised words of `text` joined by single spaces, without clause marks.
    public func normalise(_ text: String) -> String {
        self.tokens(text).filter { $0 != "," }.joined(separator: " ")
    }

    /// The normalised tokens of lexed text, reading entities by their `roles`: a time expression becomes one
    /// `<time>`, company names and the digits of other entities are left out.
    func tokens(of lexed: [MessageToken], roles: [TokenRole]? = nil) -> [String] {
        var result: [String] = []
        result.reserveCapacity(lexed.count + 2)
        for (index, token) in lexed.enumerated() {
            switch roles?[index] ?? .free {
            case .free:
                break
            case .time:
                if index == 0 || roles?[index - 1] != .time { result.append("<time>") }
                continue
            case .company:
                continue
            case .data:
                if token.kind != .word { continue }
            }
            switch token.kind {
            case .word where token.text == "nya":
                continue  // the clitic written apart: "cs nya", "jadwal nya"
            case .word:
                result.append(contentsOf: self.normaliseWord(token.text))
            case .number:
                result.append(token.digits.utf8.count <= 4 ? "<num>" : "<long>")
            case .symbol:
                switch token.text {
                case ".", ",", ";", ":", "!", "\n":
                    if result.last != "," { result.append(",") }
                case "?":
                    result.append("?")
                case "#":
                    result.append("#")
                default:
                    if let scalar = token.text.unicodeScalars.first, scalar.value > 0x2000, scalar.properties.isEmoji {
                        result.append(token.text)
                    }
                }
            }
        }
        while result.first == "," { result.removeFirst() }
        while result.last == "," { result.removeLast() }
        return result
    }

    private func normaliseWord(_ word: String) -> [String] {
        if let known = self.lookUp(word) { return known }
        if let collapsed = self.collapseRepeats(word), let known = self.lookUp(collapsed) { return known }
        for suffix in ["nya", "lah", "kah"] where word.hasSuffix(suffix) && word.utf8.count > suffix.utf8.count + 2 {
            let stem = String(word.dropLast(suffix.count))
            if let known = self.lookUp(stem) { return known }
        }
        if let corrected = self.nearestKnown(word), let known = self.lookUp(corrected) { return known }
        return [self.collapseRepeats(word) ?? word]
    }

    /// "dokumne" → "dokumen", "pendaftran" → "pendaftaran": the one known word a single slip away (a letter
    /// dropped, added, changed, or two neighbours swapped), for unknown words of six letters or more, among
    /// known words of six letters or more that are not themselves a listed misspelling. Nil when no known word
    /// or several are that close.
    private func nearestKnown(_ word: String) -> String? {
        guard Self.isCorrectable(word) else { return nil }
        var found: Set<String> = []
        // A letter dropped: the word is a known word with one letter left out.
        for target in self.deletions[word] ?? [] { found.insert(target) }
        let letters = Array(word.utf8)
        for index in letters.indices {
            var shorter = letters
            shorter.remove(at: index)
            let key = String(decoding: shorter, as: UTF8.self)
            // A letter added: leaving it out gives a known word.
            if Self.isCorrectable(key), self.typos[key] == nil, self.vocabulary.contains(key) { found.insert(key) }
            // A letter changed or two swapped: both lose one letter to the same spelling.
            for target in self.deletions[key] ?? [] where Self.isOneChangeOrSwap(letters, Array(target.utf8)) {
                found.insert(target)
            }
            if found.count > 1 { return nil }
        }
        return found.count == 1 ? found.first : nil
    }

    private static func isOneChangeOrSwap(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        let differing = left.indices.filter { left[$0] != right[$0] }
        switch differing.count {
        case 1: return true
        case 2:
            let (first, second) = (differing[0], differing[1])
            return second == first + 1 && left[first] == right[second] && left[second] == right[first]
        default: return false
        }
    }

    private func lookUp(_ word: String) -> [String]? {
        if let expansion = self.slang[word] { return expansion }
        if let correction = self.typos[word] {
            if correction.count == 1, let expansion = self.slang[correction[0]] { return expansion }
            return correction
        }
        return self.vocabulary.contains(word) ? [word] : nil
    }

    /// "haloooo" → "halo", "maaaf" → "maaf": the shortest spelling with runs of one or two letters that is a
    /// known word, or runs of three or more folded to one letter when none is known.
    private func collapseRepeats(_ word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        var runs: [(scalar: Unicode.Scalar, length: Int)] = []
        for scalar in scalars {
            if let last = runs.last, last.scalar == scalar {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((scalar, 1))
            }
        }
        let repeated = runs.indices.filter { runs[$0].length >= 2 }
        guard !repeated.isEmpty else { return nil }
        if repeated.count <= 6 {
            var best: String?
            for mask in 0..<(1 << repeated.count) {
                var view = String.UnicodeScalarView()
                var bit = 0
                for run in runs {
                    var length = 1
                    if run.length >= 2 {
                        length = (mask >> bit) & 1 == 1 ? 2 : 1
                        bit += 1
                    }
                    for _ in 0..<length { view.append(run.scalar) }
                }
                let candidate = String(view)
                if self.slang[candidate] != nil || self.typos[candidate] != nil || self.vocabulary.contains(candidate) {
                    if best == nil || candidate.unicodeScalars.count < best!.unicodeScalars.count {
                        best = candidate
                    }
                }
            }
            if let best { return best }
        }
        guard runs.contains(where: { $0.length >= 3 }) else { return nil }
        var view = String.UnicodeScalarView()
        for run in runs {
            for _ in 0..<(run.length >= 3 ? 1 : run.length) { view.append(run.scalar) }
        }
        return String(view)
    }
}
