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
        #expect(try Outbox.decodePayload(message.storedJSON) == message)
    }
}
