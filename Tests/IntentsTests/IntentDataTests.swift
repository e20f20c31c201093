import Foundation
import Support
import Testing

@testable import Intents

struct IntentDataTests {
    @Test func namesTheFileAndLineOfAMalformedSlangLine() {
        #expect(
            throws: DialogError.malformedLine(file: "slang.tsv", line: 3, reason: "expected 'word<TAB>replacement'")
        ) {
            try IntentData.parsePairs(
                IntentData.contentLines(of: "# c\nsy\tsaya\ngmn\n"), file: "slang.tsv", singleWordKeys: true)
        }
    }

    @Test func rejectsADuplicateSlangWord() {
        let lines = IntentData.contentLines(of: "sy\tsaya\nsy\taku\n")
        #expect(
            throws: DialogError.malformedLine(
                file: "slang.tsv", line: 2, reason: "'sy' is already defined on line 1")
        ) {
            try IntentData.parsePairs(lines, file: "slang.tsv", singleWordKeys: true)
        }
    }

    @Test func rejectsAnUnknownIntentInARule() {
        #expect(throws: DialogError.unknownIntent(file: "rules.tsv", line: 1, label: "bye")) {
            try IntentData.parseRules(IntentData.contentLines(of: "exact\tdadah\tbye\n"), file: "rules.tsv")
        }
    }

    @Test func rejectsAnUnknownRuleKind() {
        #expect(throws: DialogError.self) {
            try IntentData.parseRules(IntentData.contentLines(of: "\n\nsometimes\tya\n"), file: "rules.tsv")
        }
    }

    @Test func readsOutsideAndAnchorRulesWithoutAnIntent() throws {
        let rules = try IntentData.parseRules(
            IntentData.contentLines(of: "outside\tRumah Sakit\nanchor\tlpse\n"), file: "rules.tsv")
        #expect(rules.map(\.kind) == [.outside, .anchor])
        #expect(rules.map(\.phrase) == ["rumah sakit", "lpse"])
        #expect(throws: DialogError.self) {
            try IntentData.parseRules(IntentData.contentLines(of: "outside\tshopee\tunknown\n"), file: "rules.tsv")
        }
    }

    /// No training example of an ask of the helpdesk names an `outside` service without an `anchor`: the rule
    /// would overrule what that example teaches ("paspor bisa dipakai?" keeps "paspor" off the list).
    @Test func outsideRulesAgreeWithTheExamples() throws {
        let data = try IntentData.load(from: IntentRecognizerTests.dialogs)
        let normaliser = try IntentRecognizer(data: data).normaliser
        let rules = PhraseRules(rules: data.rules, normaliser: normaliser)
        let overruled = data.examples.filter {
            IntentRecognizer.helpdeskAsks.contains($0.intent) && rules.namesAnotherService(normaliser.tokens($0.text))
        }
        #expect(overruled.isEmpty, "\(overruled.map { "\($0.source): \($0.text)" })")
        let outside = data.examples.filter {
            $0.intent == .unknown && rules.namesAnotherService(normaliser.tokens($0.text))
        }
        #expect(outside.count >= 20, "the unknown examples name other services: \(outside.count)")
    }

    @Test func rejectsTheSameTextLabelledTwoWays() {
        let data = IntentData(
            slang: ["gak": "tidak"], typos: [:], rules: [],
            examples: [
                IntentData.Example(text: "gak", intent: .deny, source: "examples/deny.txt:4"),
                IntentData.Example(text: "tidak", intent: .cancel, source: "examples/cancel.txt:9"),
            ])
        #expect(
            throws: DialogError.conflictingExample(
                file: "examples/cancel.txt", line: 9, other: "examples/deny.txt:4")
        ) {
            try IntentRecognizer(data: data)
        }
    }

    @Test func reportsAMissingDirectoryClearly() {
        let missing = URL(fileURLWithPath: "/nonexistent/Dialogs")
        #expect(throws: DialogError.unreadable(file: "slang.tsv", reason: "missing")) {
            try IntentData.load(from: missing)
        }
    }

    @Test func describesErrorsWithFileAndLine() {
        let error = DialogError.malformedLine(file: "typos.tsv", line: 7, reason: "expected 'word<TAB>replacement'")
        #expect(error.description == "typos.tsv: line 7: expected 'word<TAB>replacement'")
    }

    @Test func loadsTheShippedData() throws {
        let data = try IntentData.load(from: IntentRecognizerTests.dialogs)
        for intent in Intent.allCases {
            #expect(data.examples.filter { $0.intent == intent }.count >= IntentData.minimumExamplesPerIntent)
        }
    }
}
