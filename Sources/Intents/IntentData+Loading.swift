import Foundation
import Support

extension IntentData {
    /// The fewest examples an intent may have.
    static let minimumExamplesPerIntent = 5

    /// Reads `slang.tsv`, `typos.tsv`, `rules.tsv` and `examples/<intent>.txt` from `directory`
    /// (the `Dialogs/intents` folder, or `Dialogs` holding it).
    public static func load(from directory: URL) throws(DialogError) -> IntentData {
        var folder = directory
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("intents/slang.tsv").path) {
            folder = folder.appendingPathComponent("intents")
        }
        let slang = try Self.readPairs(folder, "slang.tsv", singleWordKeys: true)
        let typos = try Self.readPairs(folder, "typos.tsv", singleWordKeys: true)
        let rules = try Self.readRules(folder, "rules.tsv")
        var examples: [Example] = []
        for intent in Intent.allCases {
            let name = "examples/\(intent.rawValue).txt"
            let lines = try Self.readLines(folder, name)
            let before = examples.count
            for (number, line) in lines {
                examples.append(Example(text: line, intent: intent, source: "\(name):\(number)"))
            }
            let count = examples.count - before
            if count < Self.minimumExamplesPerIntent {
                throw .tooFewExamples(intent: intent.rawValue, count: count, minimum: Self.minimumExamplesPerIntent)
            }
        }
        try Self.rejectStrayExampleFiles(folder)
        return IntentData(slang: slang, typos: typos, rules: rules, examples: examples)
    }

    /// The content lines of a file with their 1-based numbers, skipping blank lines and `#` comments.
    static func readLines(_ folder: URL, _ name: String) throws(DialogError) -> [(Int, String)] {
        let url = folder.appendingPathComponent(name)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(
                file: name, reason: FileManager.default.fileExists(atPath: url.path) ? "not UTF-8" : "missing")
        }
        return Self.contentLines(of: text)
    }

    static func contentLines(of text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((offset + 1, line.trimming { $0 == "\r" }))
        }
        return result
    }

    static func parsePairs(
        _ lines: [(Int, String)], file: String, singleWordKeys: Bool
    ) throws(DialogError) -> [String: String] {
        var pairs: [String: String] = [:]
        var seen: [String: Int] = [:]
        for (number, line) in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimming(where: \.isSpaceOrTab) }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .malformedLine(file: file, line: number, reason: "expected 'word<TAB>replacement'")
            }
            let key = fields[0].lowercased()
            if singleWordKeys && key.contains(" ") {
                throw .malformedLine(file: file, line: number, reason: "'\(key)' must be a single word")
            }
            if let first = seen[key] {
                throw .malformedLine(file: file, line: number, reason: "'\(key)' is already defined on line \(first)")
            }
            seen[key] = number
            pairs[key] = fields[1].lowercased()
        }
        return pairs
    }

    static func parseRules(_ lines: [(Int, String)], file: String) throws(DialogError) -> [PhraseRule] {
        var rules: [PhraseRule] = []
        for (number, line) in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimming(where: \.isSpaceOrTab) }
            guard fields.count >= 2, let kind = PhraseRule.Kind(rawValue: fields[0]), !fields[1].isEmpty else {
                let kinds = PhraseRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformedLine(
                    file: file, line: number, reason: "expected 'kind<TAB>phrase[<TAB>intent]', kind one of \(kinds)")
            }
            var intent: Intent?
            switch kind {
            case .exact:
                guard fields.count == 3 else {
                    throw .malformedLine(
                        file: file, line: number, reason: "an exact rule needs an intent in the third column")
                }
                guard let label = Intent(rawValue: fields[2]) else {
                    throw .unknownIntent(file: file, line: number, label: fields[2])
                }
                intent = label
            case .greeting, .address, .closing, .courtesy, .negator, .breaker, .outside, .anchor:
                guard fields.count == 2 else {
                    throw .malformedLine(file: file, line: number, reason: "a \(kind.rawValue) rule takes no intent")
                }
            }
            rules.append(
                PhraseRule(kind: kind, phrase: fields[1].lowercased(), intent: intent, source: "\(file):\(number)"))
        }
        return rules
    }

    private static func readPairs(
        _ folder: URL, _ name: String, singleWordKeys: Bool
    ) throws(DialogError) -> [String: String] {
        try Self.parsePairs(try Self.readLines(folder, name), file: name, singleWordKeys: singleWordKeys)
    }

    private static func readRules(_ folder: URL, _ name: String) throws(DialogError) -> [PhraseRule] {
        try Self.parseRules(try Self.readLines(folder, name), file: name)
    }

    private static func rejectStrayExampleFiles(_ folder: URL) throws(DialogError) {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("examples").path)) ?? []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let label = String(name.dropLast(4))
            if Intent(rawValue: label) == nil {
                throw .unknownIntent(file: "examples/\(name)", line: 0, label: label)
            }
        }
    }
}
