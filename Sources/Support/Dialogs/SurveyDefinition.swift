import Foundation

/// The satisfaction survey from `Dialogs/survey.json`: the 4-point scale, sections of questions mapped to the
/// elements of PermenPANRB 14/2017, and the comment rule. The chat asks it; the ticket store checks and
/// reports the answers against it.
public struct SurveyDefinition: Hashable, Sendable, DialogFile {
    public static let defaultFileName = "survey.json"

    public struct ScalePoint: Hashable, Sendable {
        public let value: Int
        /// The answer's label; it becomes a WhatsApp list row, so at most 24 characters.
        public let text: LocalizedText
        /// Other ways of saying the answer in the chat ("sangat puas", "mantap"), lowercased; the label itself,
        /// in either language, is always understood.
        public let words: [String]

        public init(value: Int, text: LocalizedText, words: [String] = []) {
            self.value = value
            self.text = text
            self.words = words
        }
    }

    public struct Question: Hashable, Sendable {
        public let id: String
        /// The element (unsur) of the regulation the question measures.
        public let element: String
        /// The title of the section the question belongs to.
        public let sectionTitle: LocalizedText
        public let text: LocalizedText

        public init(id: String, element: String, sectionTitle: LocalizedText, text: LocalizedText) {
            self.id = id
            self.element = element
            self.sectionTitle = sectionTitle
            self.text = text
        }
    }

    public struct Section: Hashable, Sendable {
        public let id: String
        public let title: LocalizedText
        public let questions: [Question]

        public init(id: String, title: LocalizedText, questions: [Question]) {
            self.id = id
            self.title = title
            self.questions = questions
        }
    }

    /// How the survey's problems are worded.
    static let wording = DialogCursor.LocalizedWording(
        notAnObject: { _ in "must be an object {\"id\":…,\"en\":…}" },
        missing: { "the \($0 == .indonesian ? "Indonesian" : "English") text is missing" },
        tooLong: { "longer than \($1) characters (\($0.count))" })

    /// The longest answer label a WhatsApp list row shows.
    public static let maximumLabelLength = 24

    public let version: Int
    public let scale: [ScalePoint]
    public let sections: [Section]
    /// A comment is required when any answer is at or below this value.
    public let commentRequiredAtOrBelow: Int
    /// Every question of every section, in order.
    public let questions: [Question]
    /// Chat spellings and their standard words ("bgt" → "sekali", "gak" → "tidak", "cepet" → "cepat"): messages
    /// and the scale's phrases are read through it alike, so "cepet banget" says what "cepat sekali" says. Empty
    /// unless `spelled(with:)` set it.
    public private(set) var spelling: [String: String] = [:]
    /// Each label and `words` phrase of the scale as its words read through `spelling`, with its value.
    private var phrases: [Phrase] = []

    private struct Phrase: Hashable {
        var value: Int
        var words: [String]
    }

    public init(version: Int, scale: [ScalePoint], sections: [Section], commentRequiredAtOrBelow: Int) {
        self.version = version
        self.scale = scale
        self.sections = sections
        self.commentRequiredAtOrBelow = commentRequiredAtOrBelow
        self.questions = sections.flatMap(\.questions)
        self.phrases = self.readPhrases()
    }

    /// The survey reading messages and its phrases through `spelling` (the recognizer's slang and typo lists).
    public func spelled(with spelling: [String: String]) -> SurveyDefinition {
        var spelled = self
        spelled.spelling = spelling
        spelled.phrases = spelled.readPhrases()
        return spelled
    }

    private func readPhrases() -> [Phrase] {
        self.scale.flatMap { point in
            ([point.text.indonesian, point.text.english] + point.words).compactMap { phrase in
                let words = self.words(of: phrase)
                return words.isEmpty ? nil : Phrase(value: point.value, words: words)
            }
        }
    }

    /// The words of `text`, lowercased, a letter typed three times or more once ("puasss"), each read through
    /// `spelling`.
    private func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.flatMap { word -> [String] in
            let squeezed = Self.squeezed(word)
            return (self.spelling[squeezed] ?? self.spelling[String(word)]).map {
                $0.split(separator: " ").map(String.init)
            } ?? [squeezed]
        }
    }

    /// `word` with each letter typed three times or more in a row kept once: "puasss" is "puas".
    private static func squeezed(_ word: Substring) -> String {
        var result = ""
        var start = word.startIndex
        while start < word.endIndex {
            let letter = word[start]
            let end = word[start...].firstIndex { $0 != letter } ?? word.endIndex
            result += word.distance(from: start, to: end) >= 3 ? String(letter) : String(word[start..<end])
            start = end
        }
        return result
    }

    /// The answer a typed message gives ("sangat puas", "kurang memuaskan min"), if it says one: the scale point
    /// whose label or `words` phrase, read as whole words, is the longest found in `text`. A phrase right after
    /// one of `negations` ("gak bagus") that the scale does not list as such says no answer.
    public func scaleValue(in text: String, negations: Set<String> = []) -> Int? {
        let spoken = " " + self.words(of: text).joined(separator: " ") + " "
        var best: (value: Int, phrase: String)?
        for phrase in self.phrases {
            let words = phrase.words.joined(separator: " ")
            guard spoken.contains(" \(words) "), words.count > best?.phrase.count ?? 0 else { continue }
            best = (phrase.value, words)
        }
        guard let best else { return nil }
        let before = spoken.components(separatedBy: " \(best.phrase) ")[0].split(separator: " ").last
        let negating = Set(negations.flatMap { self.words(of: $0) })
        return before.map { negating.contains(String($0)) } == true ? nil : best.value
    }

    /// The answer a message of one emoji alone gives, typed once or more and in any skin tone ("👍", "👍🏽👍🏽"): the
    /// point whose `words` list that emoji.
    public func emojiValue(in text: String) -> Int? {
        let symbols = Set(
            text.unicodeScalars.filter { !$0.properties.isWhitespace && !Self.emojiModifiers.contains($0.value) })
        guard symbols.count == 1, let symbol = symbols.first, symbol.properties.isEmoji, !symbol.isASCII else {
            return nil
        }
        return self.scale.first { $0.words.contains(String(symbol)) }?.value
    }

    /// Skin tones (U+1F3FB–U+1F3FF) and the emoji presentation selector (U+FE0F): the same emoji either way.
    private static let emojiModifiers: Set<UInt32> = [0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF, 0xFE0F]

    /// Whether `text` says nothing but an answer in the scale's words, with `fillers` ("min", "kak", "aja")
    /// around it: "cukup", "cukup puas min" do; "cukup segini dulu" (a way to stop) does not.
    public func isAnswerAlone(_ text: String, fillers: Set<String>) -> Bool {
        let words = self.words(of: text)
        let allowed = Set(self.phrases.flatMap(\.words) + fillers.flatMap { self.words(of: $0) })
        return !words.isEmpty && words.allSatisfy(allowed.contains)
    }

    /// The scale's value of a rating written as a fraction ("10/10", "8/10 mantap", "4/5", "3/4" on a scale of
    /// 4): its share of the scale's highest value, rounded, at least the lowest. Out of 5, 10, 100 or the scale's
    /// highest value only: "5/12" is a date.
    public func ratingValue(in text: String) -> Int? {
        let values = self.scale.map(\.value)
        guard let lowest = values.min(), let highest = values.max() else { return nil }
        for word in text.split(whereSeparator: \.isWhitespace) {
            let parts = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,!?")).split(
                separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let score = Int(parts[0]), let outOf = Int(parts[1]),
                [5, 10, 100, highest].contains(outOf),
                (0...outOf).contains(score)
            else { continue }
            let value = (Double(score * highest) / Double(outOf)).rounded()
            return max(lowest, Int(value))
        }
        return nil
    }

    /// Reads `file` through `reader`; nil when it has problems, which `reader` then holds.
    public static func read(from reader: DialogReader, file: String) -> SurveyDefinition? {
        let root = reader.json(file)
        guard root.isPresent else { return nil }
        let before = reader.problems.count
        func text(_ node: DialogCursor, maxLength: Int? = nil) -> LocalizedText? {
            node.localizedValue(maxLength: maxLength, wording: Self.wording)
        }
        if root.child("version").value?.integer != 1 { root.child("version").problem("must be 1") }
        let scaleNodes = root.array("scale")
        let scale = scaleNodes.enumerated().compactMap { index, node -> ScalePoint? in
            guard node.child("value").value?.integer == index + 1 else {
                node.child("value").problem("must be \(index + 1)")
                return nil
            }
            let words = node.phrases("words")
            return text(node.child("text"), maxLength: Self.maximumLabelLength).map {
                ScalePoint(value: index + 1, text: $0, words: words)
            }
        }
        if scaleNodes.count != 4 {
            root.child("scale").problem("must have the 4 points 1–4, found \(scaleNodes.count)")
        }
        let sectionNodes = root.array("sections")
        if sectionNodes.isEmpty && root.child("sections").isPresent {
            root.child("sections").problem("must be a non-empty array")
        }
        var questionIDs: [(String, DialogCursor)] = []
        let sections = sectionNodes.compactMap { node -> Section? in
            let id = node.string("id")
            let title = text(node.child("title"))
            let questionNodes = node.array("questions")
            if questionNodes.isEmpty { node.child("questions").problem("must be a non-empty array") }
            let questions = questionNodes.compactMap { question -> Question? in
                let questionID = question.string("id")
                if let questionID { questionIDs.append((questionID, question.child("id"))) }
                let element = question.child("element").stringValue.flatMap { $0.isEmpty ? nil : $0 }
                if element == nil {
                    question.child("element").problem("must name the element of PermenPANRB 14/2017")
                }
                let body = text(question.child("text"))
                guard let questionID, let element, let title, let body else { return nil }
                return Question(id: questionID, element: element, sectionTitle: title, text: body)
            }
            guard let id, let title else { return nil }
            return Section(id: id, title: title, questions: questions)
        }
        DialogCursor.checkUnique(questionIDs)
        let threshold = root.child("commentRequiredAtOrBelow").value?.integer
        if threshold.map({ !(0...4).contains($0) }) ?? true {
            root.child("commentRequiredAtOrBelow").problem("must be a number from 0 to 4")
        }
        guard reader.problems.count == before, let threshold else { return nil }
        return SurveyDefinition(version: 1, scale: scale, sections: sections, commentRequiredAtOrBelow: threshold)
    }
}
