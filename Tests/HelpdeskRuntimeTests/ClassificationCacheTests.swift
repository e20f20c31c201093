import Foundation
import Intents
import Storage
import Support
import Synchronization
import Testing
import WebhookServer
import WhatsAppOutbox

@testable import HelpdeskRuntime

/// A message's text is read by the recognizer while the message is prepared, outside the write transaction that
/// one lane at a time holds; the transaction takes what it said.
struct ClassificationCacheTests {
    /// A recognizer that counts its readings and those made while the writer was held by the reading thread.
    final class CountingRecognizer: IntentRecognizing {
        let wrapped: any IntentRecognizing
        let readings = Mutex(0)
        let readingsHoldingTheWriter = Mutex(0)
        let watched = Mutex<DatabaseWriter?>(nil)

        init(wrapping wrapped: any IntentRecognizing) {
            self.wrapped = wrapped
        }

        func classify(_ text: String, now: Date) -> Classification {
            self.readings.withLock { $0 += 1 }
            if self.watched.withLock({ $0?.isHeldByCurrentThread ?? false }) {
                self.readingsHoldingTheWriter.withLock { $0 += 1 }
            }
            return self.wrapped.classify(text, now: now)
        }
    }

    let tests: ConversationRuntimeTests
    let recognizer: CountingRecognizer
    let runtime: ConversationRuntime

    init() throws {
        let tests = try ConversationRuntimeTests()
        let base = tests.runtime
        let recognizer = CountingRecognizer(wrapping: base.recognizer)
        recognizer.watched.withLock { $0 = tests.writer }
        self.tests = tests
        self.recognizer = recognizer
        self.runtime = ConversationRuntime(
            catalogue: base.catalogue, survey: base.survey, recognizer: recognizer, tickets: base.tickets,
            media: base.media, writer: base.writer, logger: .discarding)
    }

    func message(_ text: String, id: String = "wamid.classified.1") -> InboundMessage {
        InboundMessage(
            id: id, sender: WebhookContact(waID: ConversationRuntimeTests.contact, profileName: "Budi"),
            timestamp: ConversationRuntimeTests.monday, content: .text(text))
    }

    func handle(_ message: InboundMessage, prepared: Bool, now: Date = ConversationRuntimeTests.monday) throws
        -> [OutboundMessage]
    {
        let context = StepContext(now: now, isStale: false, contact: message.sender)
        let preparation = prepared ? try self.runtime.prepare(message, context: context) : MessagePreparation()
        return try self.tests.writer.write { database in
            try self.runtime.handle(message, preparation: preparation, context: context, in: database)
        }
    }

    @Test func aPreparedMessageIsReadOnceOutsideTheTransaction() throws {
        let text = "Selamat siang, kami dari CV Maju Bersama ingin mendaftarkan perusahaan kami di SPSE."
        let replies = try self.handle(self.message(text), prepared: true)
        #expect(self.recognizer.readings.withLock { $0 } == 1)
        #expect(self.recognizer.readingsHoldingTheWriter.withLock { $0 } == 0)
        #expect(self.runtime.classifications.count == 0)
        // The same message unprepared, in a fresh conversation, is answered alike, read inside the transaction.
        let fresh = try ClassificationCacheTests()
        let unprepared = try fresh.handle(fresh.message(text), prepared: false)
        #expect(fresh.recognizer.readingsHoldingTheWriter.withLock { $0 } == 1)
        #expect(ConversationRuntimeTests.texts(in: replies) == ConversationRuntimeTests.texts(in: unprepared))
        #expect(!ConversationRuntimeTests.texts(in: replies).isEmpty)
    }

    /// A message handled at another time than it was prepared at (a date in it reads against the time), or whose
    /// text differs, is read again.
    @Test func aReadingServesOnlyTheSameTextAtTheSameTime() throws {
        let cache = ClassificationCache()
        let (monday, text) = (ConversationRuntimeTests.monday, "besok jam 10 bisa")
        let classification = self.recognizer.wrapped.classify(text, now: monday)
        cache.keep(classification, of: text, at: monday, for: "wamid.a")
        #expect(cache.classification(of: "wamid.a", text: text, at: monday) == classification)
        #expect(cache.classification(of: "wamid.a", text: "besok jam 11 bisa", at: monday) == nil)
        let later = monday.addingTimeInterval(86_400)
        #expect(cache.classification(of: "wamid.a", text: text, at: later) == nil)
        #expect(cache.classification(of: "wamid.b", text: text, at: monday) == nil)

        let message = self.message("besok jam 10 bisa", id: "wamid.classified.2")
        let context = StepContext(now: ConversationRuntimeTests.monday, isStale: false, contact: message.sender)
        _ = try self.runtime.prepare(message, context: context)
        _ = try self.handle(message, prepared: false, now: later)
        #expect(self.recognizer.readings.withLock { $0 } == 2)
        #expect(self.runtime.classifications.count == 0)
    }

    @Test func theCacheHoldsAtMostItsCapacity() {
        let cache = ClassificationCache(capacity: 8)
        let classification = Classification(intent: .greeting, confidence: 1)
        for index in 0..<20 {
            cache.keep(classification, of: "halo", at: ConversationRuntimeTests.monday, for: "wamid.\(index)")
        }
        #expect(cache.count <= 8)
        #expect(cache.classification(of: "wamid.19", text: "halo", at: ConversationRuntimeTests.monday) != nil)
    }
}
