import Foundation
import Testing

@testable import Intents

struct InMemoryIntentRecognizerTests {
    @Test func answersScriptedTextsAndFallsBackOtherwise() {
        let scripted = Classification(intent: .affirm, confidence: 1)
        let recognizer: any IntentRecognizing = InMemoryIntentRecognizer(answers: ["ya": scripted])
        #expect(recognizer.classify("ya", now: Date()) == scripted)
        #expect(recognizer.classify("apa", now: Date()).intent == .unknown)
    }
}
