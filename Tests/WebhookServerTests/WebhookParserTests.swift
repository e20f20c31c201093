import Foundation
import Support
import Testing
import WebhookServer

/// Unexpected content inside a valid webhook is acknowledged and noted, never an error.
struct WebhookParserTests {
    func parse(_ json: String) throws -> WebhookBatch {
        try WebhookParser().parse(Array(json.utf8))
    }

    @Test func anUnknownChangeFieldIsNotedAndStoresNothing() throws {
        let batch = try self.parse(
            #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update","value":{}}]}]}"#
        )
        #expect(batch.events.isEmpty)
        #expect(batch.notes == ["unhandled change field account_update"])
    }

    @Test func anUnknownMessageTypeIsStoredAsUnsupported() throws {
        let batch = try self.parse(
            #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"628123","id":"wamid.X","timestamp":"1","type":"hologram","hologram":{}}]}}]}]}"#
        )
        let message = try #require(batch.events.first?.inboundMessage(receivedAt: Date()))
        #expect(message.content == .unsupported(type: "hologram"))
    }

    @Test func extraFieldsAndOtherShapesAreIgnored() throws {
        let batch = try self.parse(
            #"{"object":"whatsapp_business_account","extra":[1,2,{"a":null}],"entry":[{"changes":"not-an-array"},{"changes":[{"field":"messages","value":{"messages":[{"id":"wamid.Y","from":"62811","type":"text","text":{"body":"Halo","new":true}}],"statuses":[{"id":"wamid.Z"}]}}]}]}"#
        )
        #expect(batch.events.map(\.messageID) == ["wamid.Y"])
        #expect(batch.notes == ["status without id or status"])
    }

    @Test func aMessageWithoutIdIsNotedNotStored() throws {
        let batch = try self.parse(
            #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"62811","type":"text"}]}}]}]}"#
        )
        #expect(batch.events.isEmpty)
        #expect(batch.notes == ["message without id"])
    }

    @Test func aBodyThatIsNotJSONIsAnError() {
        #expect(throws: JSONError.self) { try self.parse("object=whatsapp") }
    }

    @Test func everyMessageOfEveryChangeIsKeptInOrder() throws {
        let batch = try self.parse(
            #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"contacts":[{"wa_id":"1111111111","profile":{"name":"A"}},{"wa_id":"2222222222","profile":{"name":"B"}}],"messages":[{"from":"2222222222","id":"m1","type":"text","text":{"body":"x"}},{"from":"1111111111","id":"m2","type":"text","text":{"body":"y"}}]}}]},{"changes":[{"field":"messages","value":{"statuses":[{"id":"o1","status":"read","recipient_id":"1111111111"}]}}]}]}"#
        )
        #expect(batch.events.map(\.messageID) == ["m1", "m2", "o1"])
        #expect(batch.events.map(\.contact.profileName) == ["B", "A", nil])
    }
}
