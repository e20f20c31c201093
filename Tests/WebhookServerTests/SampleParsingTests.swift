import Foundation
import Support
import Testing
import WebhookServer

/// Every published sample payload in `shared/whatsapp/samples` must parse.
struct SampleParsingTests {
    /// `shared/whatsapp/samples` beside the repository (`<repo>/../shared/...`); a checkout nested one
    /// level deeper (a nested checkout) finds it one level further up.
    static let samplesURL: URL = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folder = repository.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shared/whatsapp/samples")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent("../shared/whatsapp/samples").standardized
    }()

    static func sampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.samplesURL.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.samplesURL.appendingPathComponent(name)))
    }

    let receivedAt = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func theSamplesFolderIsFound() {
        #expect(Self.sampleNames().count >= 30, "samples expected in \(Self.samplesURL.path)")
    }

    @Test(arguments: SampleParsingTests.sampleNames())
    func everySampleParses(_ name: String) throws {
        let batch = try WebhookParser().parse(try Self.load(name))
        if name.hasPrefix("in-") {
            #expect(!batch.events.isEmpty)
            for event in batch.events {
                #expect(event.kind == .message)
                #expect(!event.conversationKey.isEmpty)
                let message = try #require(event.inboundMessage(receivedAt: self.receivedAt))
                #expect(message.id == event.messageID)
                if name.contains("unknown") {
                    #expect(message.content == .unsupported(type: "unknown"))
                } else if case .unsupported(let type) = message.content {
                    Issue.record("\(name) read as unsupported \(type)")
                }
            }
        } else if name.hasPrefix("status-") {
            #expect(!batch.events.isEmpty)
            for event in batch.events {
                #expect(event.kind == .status)
                #expect(event.statusUpdate(receivedAt: self.receivedAt) != nil)
            }
        } else {
            // Graph API responses, not webhooks: acknowledged with a note, nothing stored.
            #expect(batch.events.isEmpty)
            #expect(!batch.notes.isEmpty)
        }
    }

    @Test func aTextMessageCarriesBodySenderAndTimestamp() throws {
        let batch = try WebhookParser().parse(try Self.load("in-text.netflie.json"))
        let message = try #require(batch.events.first?.inboundMessage(receivedAt: self.receivedAt))
        #expect(message.content == .text("MESSAGE_BODY"))
        #expect(message.sender == WebhookContact(waID: "PHONE_NUMBER", userID: nil, profileName: "NAME"))
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_669_233_778))
    }

    @Test func aMessageWithoutFromIsKeyedOnTheContactsUserID() throws {
        let batch = try WebhookParser().parse(try Self.load("in-text-bsuid-only-no-from.netflie.json"))
        #expect(batch.events.map(\.conversationKey) == ["BSUID_123"])
    }

    @Test func everyChangeOfAnEntryIsRead() throws {
        let batch = try WebhookParser().parse(try Self.load("in-text-multiple-changes.netflie.json"))
        let bodies = batch.events.compactMap { $0.inboundMessage(receivedAt: self.receivedAt)?.content }
        #expect(bodies == [.text("MESSAGE_BODY"), .text("MESSAGE_BODY2")])
    }

    @Test func aNumericTimestampReadsLikeAStringOne() throws {
        let batch = try WebhookParser().parse(try Self.load("in-order.netflie.json"))
        #expect(batch.events.first?.timestamp == 1_669_233_778)
    }

    @Test func aDocumentCarriesItsMediaFields() throws {
        let batch = try WebhookParser().parse(try Self.load("in-document.netflie.json"))
        let message = try #require(batch.events.first?.inboundMessage(receivedAt: self.receivedAt))
        let expected = InboundMessage.Media(
            id: "IMAGE_ID", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            sha256: "DOCUMENT_HASH", caption: "CAPTION_TEXT", filename: "FILENAME")
        #expect(message.content == .document(expected))
    }

    /// A shared contact card keeps each number as saved and its wa_id (the number the chat takes), and a
    /// location its pin, name and address.
    @Test func aContactCardAndALocationCarryTheirFields() throws {
        let card = try #require(
            WebhookParser().parse(try Self.load("in-contacts.netflie.json")).events.first?
                .inboundMessage(receivedAt: self.receivedAt))
        let phone = ContactCard.Phone(number: "CONTACT_PHONE", waID: "CONTACT_WA_ID")
        #expect(card.content == .contacts([.init(name: "CONTACT_FORMATTED_NAME", phones: [phone])]))
        // The sample's pin is a placeholder; WhatsApp sends numbers.
        let sample = String(decoding: try Self.load("in-location.netflie.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"LOCATION_LATITUDE\"", with: "-6.2")
            .replacingOccurrences(of: "\"LOCATION_LONGITUDE\"", with: "106.816666")
        let place = try #require(
            WebhookParser().parse(Array(sample.utf8)).events.first?.inboundMessage(receivedAt: self.receivedAt))
        let expected = SharedLocation(
            latitude: -6.2, longitude: 106.816666, name: "LOCATION_NAME", address: "LOCATION_ADDRESS")
        #expect(place.content == .location(expected))
    }

    @Test func anUnsupportedMessageKeepsWhatsAppsError() throws {
        let batch = try WebhookParser().parse(try Self.load("in-unknown-131051.netflie.json"))
        let message = try #require(batch.events.first?.inboundMessage(receivedAt: self.receivedAt))
        #expect(message.errors.map(\.code) == [131051])
    }

    @Test func aFailedStatusCarriesItsErrorCodes() throws {
        let batch = try WebhookParser().parse(try Self.load("status-failed-errors.netflie.json"))
        let status = try #require(batch.events.first?.statusUpdate(receivedAt: self.receivedAt))
        #expect(status.status == "failed")
        #expect(status.errors.map(\.code) == [131053])
    }

    @Test func theStoredRawJSONIsTheMessageElementAsReceived() throws {
        let body = try Self.load("in-text.netflie.json")
        let raw = try #require(try WebhookParser().parse(body).events.first?.raw)
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.hasPrefix("{"))
        #expect(text.hasSuffix("}"))
        #expect(text.contains("\"wamid.ID\""))
        #expect(!text.contains("contacts"))
    }
}
