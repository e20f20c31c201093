import Conversation
import Foundation
import Storage
import Testing
import WebhookServer

@testable import HelpdeskRuntime

/// The decoded-state cache: used only for the exact text stored, bounded, and forgetting an erased contact.
struct ConversationStateCacheTests {
    static let contact = "6281234567890"

    /// A state different from a new one, and its stored text.
    static func saved(at seconds: Double) throws -> (ConversationState, String) {
        let writer = try DatabaseWriter(path: ":memory:", migrators: [ConversationRecords.migrator])
        return try writer.write { database in
            try ConversationRecords.schedule(.inactivity, of: Self.contact, at: Date(), in: database)
            let json = try #require(try ConversationRecords.stateJSON(of: Self.contact, in: database))
            var state = try ConversationRecords.decodeState(json)
            #expect(state == ConversationState())
            state = try ConversationRecords.decodeState(
                json.replacingOccurrences(of: #""invalidAnswers":0"#, with: #""invalidAnswers":\#(Int(seconds))"#))
            let saved = try ConversationRecords.save(
                state, of: Self.contact, profileName: nil, at: Date(timeIntervalSince1970: seconds), in: database)
            return (state, saved)
        }
    }

    @Test func aStateIsServedOnlyForTheExactTextItWasStoredAs() throws {
        let cache = ConversationStateCache()
        let (first, firstJSON) = try Self.saved(at: 3)
        let (second, secondJSON) = try Self.saved(at: 5)
        #expect(first != second)
        // Remembered under the second text, the first state is what the cache answers for that text...
        cache.remember(first, storedAs: secondJSON, of: Self.contact)
        #expect(try cache.state(of: Self.contact, storedAs: secondJSON) == first)
        // ...and any other text is decoded, as after a transaction that saved and rolled back.
        #expect(try cache.state(of: Self.contact, storedAs: firstJSON) == first)
        cache.remember(first, storedAs: secondJSON, of: Self.contact)
        #expect(try cache.state(of: "6289999999999", storedAs: secondJSON) == second)
        #expect(try cache.state(of: Self.contact, storedAs: nil) == ConversationState())
    }

    @Test func decodedTextIsRememberedAndAnErasedContactForgotten() throws {
        let cache = ConversationStateCache()
        let (state, json) = try Self.saved(at: 4)
        #expect(try cache.state(of: Self.contact, storedAs: json) == state)
        #expect(cache.count == 1)
        cache.forget(Self.contact)
        #expect(cache.count == 0)
    }

    @Test func theCacheStaysWithinItsCapacity() throws {
        let cache = ConversationStateCache(capacity: 8)
        let (state, json) = try Self.saved(at: 2)
        for index in 0..<50 {
            cache.remember(state, storedAs: json, of: "62812000000\(index)")
            #expect(cache.count <= 8)
        }
        #expect(cache.count > 0)
    }

    /// The states a real journey goes through are stored as text that decodes to exactly the state saved
    /// (the cache's answer), from the first greeting to documents held for a ticket.
    @Test func storedStatesOfAJourneyDecodeToTheStatesSaved() throws {
        var test = try ConversationRuntimeTests()
        func check(_ step: String) throws {
            let json = try #require(
                try test.writer.read { try ConversationRecords.stateJSON(of: ConversationRuntimeTests.contact, in: $0) }
            )
            let saved = try test.runtime.states.state(of: ConversationRuntimeTests.contact, storedAs: json)
            #expect(try ConversationRecords.decodeState(json) == saved, "\(step): \(json)")
        }
        _ = try test.send(.text("halo"))
        try check("menu")
        let agree = try test.walkToConsent()
        try check("consent")
        _ = try test.send(.buttonReply(id: agree, title: "Setuju"))
        try check("documents")
        _ = try test.send(ConversationRuntimeTests.pdf("media-1"))
        try check("first document")
        _ = try test.send(.text("Ada \"kutipan\", baris\nbaru dan emoji 🙏"))
        try check("free text")
        _ = try test.send(.text("petugas"))
        try check("hand-off")
    }

    @Test func theInactivityTimersKeptKeyIsTheEncodedOne() throws {
        #expect(try ConversationRecords.encodedKey(of: .inactivity) == ConversationRecords.inactivityKey)
        #expect(try ConversationRecords.key(of: .surveyReminder(ticket: 7)) == #"{"surveyReminder":{"ticket":7}}"#)
    }

    @Test func aStateRefersToMediaOnlyThroughItsMediaIDKey() {
        #expect(ConversationRecords.mayReferToMedia(#"{"step":{"documents":{"held":[{"mediaID":"m-1"}]}}}"#))
        #expect(!ConversationRecords.mayReferToMedia(#"{"step":{"idle":{}},"note":"media id"}"#))
        #expect(!ConversationRecords.mayReferToMedia(nil))
    }
}
