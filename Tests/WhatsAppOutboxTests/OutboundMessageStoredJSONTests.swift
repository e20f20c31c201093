import Foundation
import Testing

@testable import WhatsAppOutbox

struct OutboundMessageStoredJSONTests {
    private static func encodedByFoundation(_ message: OutboundMessage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(message), as: UTF8.self)
    }

    private static let rows = [
        OutboundMessage.ListRow(id: "menu.registration", title: "Registrasi", description: "Akun SPSE"),
        OutboundMessage.ListRow(id: "menu.faq", title: "FAQ"),
    ]

    static let messages: [OutboundMessage] = [
        OutboundMessage(to: "6281234567890", payload: .text("Halo")),
        OutboundMessage(
            to: "6281234567890", payload: .text("Baris\nbaru \"kutip\" \\ garis/miring\t\u{1}\u{8}\u{c}\r é 🙂"),
            replyTo: "wamid.ABC"),
        OutboundMessage(
            to: "628111",
            payload: .buttons(
                body: "Pilih", buttons: [OutboundMessage.Button(id: "yes", title: "Ya")], header: "Judul",
                footer: "Kaki")),
        OutboundMessage(
            to: "628111", payload: .buttons(body: "Pilih", buttons: [OutboundMessage.Button(id: "no", title: "Tidak")])),
        OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Menu", buttonLabel: "Lihat menu",
                sections: [
                    OutboundMessage.ListSection(title: "Layanan", rows: Self.rows),
                    OutboundMessage.ListSection(rows: Self.rows),
                ], header: "H", footer: "F")),
        OutboundMessage(
            to: "628111", payload: .list(body: "Menu", buttonLabel: "Lihat", sections: [])),
        OutboundMessage(
            to: "628111",
            payload: .document(source: .id("12345"), filename: "surat.pdf", caption: "Surat")),
        OutboundMessage(
            to: "628111", payload: .document(source: .link("https://example.org/a/b.pdf"), filename: nil, caption: nil)),
        OutboundMessage(
            to: "628111",
            payload: .document(
                source: .stored(sha256: String(repeating: "0f", count: 32), mimeType: "application/pdf"),
                filename: "formulir.pdf", caption: "📎 Berkas dari petugas")),
        OutboundMessage(
            to: "628111",
            payload: .image(
                source: .stored(sha256: String(repeating: "0e", count: 32), mimeType: "image/png"), caption: "Langkah")),
        OutboundMessage(to: "628111", payload: .image(source: .id("98765"), caption: nil)),
        OutboundMessage(
            to: "628111",
            payload: .video(
                source: .stored(sha256: String(repeating: "0d", count: 32), mimeType: "video/mp4"),
                caption: "Cara upload")),
        OutboundMessage(to: "628111", payload: .video(source: .id("4321"), caption: nil)),
        OutboundMessage(
            to: "628111",
            payload: .template(OutboundMessage.Template(name: "pesan_menunggu", language: "id", bodyParameters: ["A"])),
            fallbackTemplate: OutboundMessage.Template(name: "cadangan", language: "en")),
        OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.XYZ", typingIndicator: true)),
        OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.XYZ", typingIndicator: false)),
    ]

    @Test(arguments: Self.messages)
    func storedJSONIsWhatJSONEncoderWrites(_ message: OutboundMessage) throws {
        #expect(message.storedJSON == (try Self.encodedByFoundation(message)))
    }

    @Test(arguments: Self.messages)
    func storedJSONDecodesToTheSameMessage(_ message: OutboundMessage) throws {
        #expect(try Outbox.decodePayload(Array(message.storedJSON.utf8)) == message)
    }

    /// Rows written by `JSONEncoder` in its default member order read back the same.
    @Test(arguments: Self.messages)
    func rowsInAnyMemberOrderDecode(_ message: OutboundMessage) throws {
        let unsorted = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        #expect(try Outbox.decodePayload(Array(unsorted.utf8)) == message)
    }

    /// A damaged row is an error naming what is wrong, never a different message.
    @Test func damagedRowsAreRefused() {
        let damaged = [
            "", "[]", #"{"to":"1"}"#, #"{"to":1,"payload":{"text":{"_0":"a"}}}"#,
            #"{"to":"1","payload":{"text":{"_0":"a"},"list":{}}}"#, #"{"to":"1","payload":{"fax":{"_0":"a"}}}"#,
            #"{"to":"1","payload":{"buttons":{"body":"b","buttons":[{"id":"x"}]}}}"#,
            #"{"to":"1","payload":{"markRead":{"messageID":"w","typingIndicator":"yes"}}}"#,
            #"{"to":"1","payload":{"document":{"source":{}}}}"#,
            #"{"to":"1","payload":{"template":{"_0":{"name":"t","language":"id","bodyParameters":[1]}}}}"#,
        ]
        for row in damaged {
            #expect(throws: StoredMessageError.self, "\(row)") { try Outbox.decodePayload(Array(row.utf8)) }
        }
    }
}
