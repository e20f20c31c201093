import Foundation

/// The port the conversation engine calls to read a message; `IntentRecognizer` is the real one and
/// `InMemoryIntentRecognizer` a scripted one for tests.
public protocol IntentRecognizing: Sendable {
    /// The intent, its calibrated confidence and the entities of `text`, with times resolved against `now`.
    func classify(_ text: String, now: Date) -> Classification
}
