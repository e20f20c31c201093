import Support
import Testing

@testable import WhatsAppOutbox

struct GraphAPIMessageEncoderTests {
    private let encoder = GraphMessageEncoder()

    private func json(_ message: OutboundMessage) throws -> String {
        try self.encoder.encode(message).serialized
    }

    private func refusal(_ message: OutboundMessage) -> OutboundMessageError? {
        do {
            try self.encoder.validate(message)
            return nil
        } catch {
            return error
        }
    }

    @Test func textIsEncodedWithPreviewOff() throws {
        let message = OutboundMessage(to: "6281234567890", payload: .text("Halo \"Budi\"\nSelamat datang"))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","#
                + #""type":"text","text":{"body":"Halo \"Budi\"\nSelamat datang","preview_url":false}}"#)
    }

    @Test func replyCarriesContextMessageID() throws {
        let message = OutboundMessage(to: "628111", payload: .text("Baik"), replyTo: "wamid.IN1")
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","#
                + #""context":{"message_id":"wamid.IN1"},"type":"text","text":{"body":"Baik","preview_url":false}}"#)
    }

    @Test func replyButtonsAreEncodedWithHeaderAndFooter() throws {
        let message = OutboundMessage(
            to: "628111",
            payload: .buttons(
                body: "Sudah selesai?", buttons: [.init(id: "ya", title: "Ya"), .init(id: "belum", title: "Belum")],
                header: "Tiket #1259", footer: "LPSE"))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"interactive","#
                + #""interactive":{"type":"button","header":{"type":"text","text":"Tiket #1259"},"#
                + #""body":{"text":"Sudah selesai?"},"footer":{"text":"LPSE"},"action":{"buttons":["#
                + #"{"type":"reply","reply":{"id":"ya","title":"Ya"}},"#
                + #"{"type":"reply","reply":{"id":"belum","title":"Belum"}}]}}}"#)
    }

    @Test func listIsEncodedWithSectionsAndDescriptions() throws {
        let message = OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Pilih layanan", buttonLabel: "Menu",
                sections: [
                    .init(
                        title: "Akun", rows: [.init(id: "reset", title: "Reset password", description: "Lupa sandi")]),
                    .init(title: "Lain", rows: [.init(id: "faq", title: "FAQ")]),
                ]))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"interactive","#
                + #""interactive":{"type":"list","body":{"text":"Pilih layanan"},"action":{"button":"Menu","sections":["#
                + #"{"title":"Akun","rows":[{"id":"reset","title":"Reset password","description":"Lupa sandi"}]},"#
                + #"{"title":"Lain","rows":[{"id":"faq","title":"FAQ"}]}]}}}"#)
    }

    @Test func documentByIDCarriesCaptionAndFilename() throws {
        let message = OutboundMessage(
            to: "628111", payload: .document(source: .id("1234"), filename: "panduan.pdf", caption: "Panduan"))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"document","#
                + #""document":{"id":"1234","caption":"Panduan","filename":"panduan.pdf"}}"#)
    }

    @Test func videoByIDCarriesItsCaption() throws {
        let message = OutboundMessage(to: "628111", payload: .video(source: .id("4321"), caption: "Cara upload"))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"video","#
                + #""video":{"id":"4321","caption":"Cara upload"}}"#)
        let long = OutboundMessage(
            to: "628111", payload: .video(source: .id("4321"), caption: String(repeating: "a", count: 1025)))
        #expect(self.refusal(long) != nil, "a caption is at most 1,024 characters")
    }

    @Test func documentByLinkKeepsSlashesUnescaped() throws {
        let message = OutboundMessage(
            to: "628111",
            payload: .document(source: .link("https://lpse.example.go.id/a.pdf"), filename: nil, caption: nil))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"document","#
                + #""document":{"link":"https://lpse.example.go.id/a.pdf"}}"#)
    }

    @Test func templateCarriesLanguageAndBodyParameters() throws {
        let message = OutboundMessage(
            to: "628111",
            payload: .template(.init(name: "pengingat", language: "id", bodyParameters: ["Senin", "10:00"])))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"template","#
                + #""template":{"name":"pengingat","language":{"code":"id"},"components":[{"type":"body","parameters":["#
                + #"{"type":"text","text":"Senin"},{"type":"text","text":"10:00"}]}]}}"#)
    }

    @Test func templateWithoutParametersOmitsComponents() throws {
        let message = OutboundMessage(to: "628111", payload: .template(.init(name: "hello_world", language: "en_US")))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"template","#
                + #""template":{"name":"hello_world","language":{"code":"en_US"}}}"#)
    }

    @Test func markReadIsEncodedWithoutRecipient() throws {
        let message = OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: false))
        #expect(try self.json(message) == #"{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1"}"#)
    }

    @Test func markReadCanShowTypingIndicator() throws {
        let message = OutboundMessage(to: "628111", payload: .markRead(messageID: "wamid.IN1", typingIndicator: true))
        #expect(
            try self.json(message)
                == #"{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1","#
                + #""typing_indicator":{"type":"text"}}"#)
    }

    @Test func controlCharactersAreEscaped() throws {
        let message = OutboundMessage(to: "628111", payload: .text("a\u{1}b\tc\\"))
        #expect(try self.json(message).contains(#""body":"a\u0001b\tc\\""#))
    }

    @Test func textAtTheLimitPasses() {
        #expect(self.refusal(OutboundMessage(to: "628111", payload: .text(String(repeating: "a", count: 4096)))) == nil)
    }

    @Test func textOverTheLimitIsRefused() {
        let message = OutboundMessage(to: "628111", payload: .text(String(repeating: "a", count: 4097)))
        #expect(self.refusal(message) == .tooLong("text.body", limit: 4096, actual: 4097))
    }

    @Test func emptyTextIsRefused() {
        #expect(self.refusal(OutboundMessage(to: "628111", payload: .text("  "))) == .empty("text.body"))
    }

    @Test func fourButtonsAreRefused() {
        let buttons = (1...4).map { OutboundMessage.Button(id: "b\($0)", title: "Pilihan \($0)") }
        let message = OutboundMessage(to: "628111", payload: .buttons(body: "Pilih", buttons: buttons))
        #expect(self.refusal(message) == .tooMany("action.buttons", limit: 3, actual: 4))
    }

    @Test func duplicateButtonTitlesAreRefused() {
        let message = OutboundMessage(
            to: "628111",
            payload: .buttons(body: "Pilih", buttons: [.init(id: "a", title: "Ya"), .init(id: "b", title: "Ya")]))
        #expect(self.refusal(message) == .duplicate("button title", value: "Ya"))
    }

    @Test func buttonTitleOverTwentyCharactersIsRefused() {
        let message = OutboundMessage(
            to: "628111", payload: .buttons(body: "Pilih", buttons: [.init(id: "a", title: "Jadwalkan verifikasi!")]))
        #expect(self.refusal(message) == .tooLong("button title", limit: 20, actual: 21))
    }

    @Test func emojiCountsEveryUnicodeScalar() {
        // 18 letters + a thumbs-up with a skin tone (two scalars, one visible character) = 20: allowed.
        let fits = OutboundMessage(
            to: "628111", payload: .buttons(body: "Pilih", buttons: [.init(id: "a", title: "Setuju sepenuhnya " + "👍🏽")])
        )
        #expect(self.refusal(fits) == nil)
        // A family emoji is five scalars joined: 16 letters + 5 = 21, refused although it shows as 17 characters.
        let tooLong = OutboundMessage(
            to: "628111", payload: .buttons(body: "Pilih", buttons: [.init(id: "a", title: "Keluarga besar: " + "👨‍👩‍👧")]))
        #expect(self.refusal(tooLong) == .tooLong("button title", limit: 20, actual: 21))
    }

    @Test func buttonIDOverTheLimitIsRefused() {
        let message = OutboundMessage(
            to: "628111",
            payload: .buttons(body: "Pilih", buttons: [.init(id: String(repeating: "x", count: 257), title: "Ya")]))
        #expect(self.refusal(message) == .tooLong("button id", limit: 256, actual: 257))
    }

    @Test func interactiveBodyOverTheLimitIsRefused() {
        let message = OutboundMessage(
            to: "628111",
            payload: .buttons(body: String(repeating: "b", count: 1025), buttons: [.init(id: "a", title: "Ya")]))
        #expect(self.refusal(message) == .tooLong("interactive.body.text", limit: 1024, actual: 1025))
    }

    @Test func headerOverSixtyCharactersIsRefused() {
        let message = OutboundMessage(
            to: "628111",
            payload: .buttons(
                body: "Pilih", buttons: [.init(id: "a", title: "Ya")], header: String(repeating: "h", count: 61)))
        #expect(self.refusal(message) == .tooLong("interactive.header.text", limit: 60, actual: 61))
    }

    @Test func elevenListRowsAcrossSectionsAreRefused() {
        let first = OutboundMessage.ListSection(title: "A", rows: (1...6).map { .init(id: "a\($0)", title: "A \($0)") })
        let second = OutboundMessage.ListSection(
            title: "B", rows: (1...5).map { .init(id: "b\($0)", title: "B \($0)") })
        let message = OutboundMessage(
            to: "628111", payload: .list(body: "Pilih", buttonLabel: "Menu", sections: [first, second]))
        #expect(self.refusal(message) == .tooMany("list rows", limit: 10, actual: 11))
    }

    @Test func listRowLimitsAreEnforced() {
        func list(_ row: OutboundMessage.ListRow) -> OutboundMessage {
            OutboundMessage(
                to: "628111", payload: .list(body: "Pilih", buttonLabel: "Menu", sections: [.init(rows: [row])]))
        }
        #expect(
            self.refusal(list(.init(id: "r", title: String(repeating: "t", count: 25))))
                == .tooLong("row title", limit: 24, actual: 25))
        #expect(
            self.refusal(list(.init(id: "r", title: "t", description: String(repeating: "d", count: 73))))
                == .tooLong("row description", limit: 72, actual: 73))
        #expect(
            self.refusal(list(.init(id: String(repeating: "i", count: 201), title: "t")))
                == .tooLong("row id", limit: 200, actual: 201))
    }

    @Test func listButtonLabelAndSectionTitleLimitsAreEnforced() {
        let longLabel = OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Pilih", buttonLabel: String(repeating: "m", count: 21),
                sections: [.init(rows: [.init(id: "r", title: "t")])]))
        #expect(self.refusal(longLabel) == .tooLong("action.button", limit: 20, actual: 21))
        let longSection = OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Pilih", buttonLabel: "Menu",
                sections: [.init(title: String(repeating: "s", count: 25), rows: [.init(id: "r", title: "t")])]))
        #expect(self.refusal(longSection) == .tooLong("section title", limit: 24, actual: 25))
    }

    @Test func severalSectionsNeedTitles() {
        let message = OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Pilih", buttonLabel: "Menu",
                sections: [.init(rows: [.init(id: "a", title: "A")]), .init(rows: [.init(id: "b", title: "B")])]))
        #expect(self.refusal(message) == .empty("section title"))
    }

    @Test func duplicateRowIDsAreRefused() {
        let message = OutboundMessage(
            to: "628111",
            payload: .list(
                body: "Pilih", buttonLabel: "Menu",
                sections: [.init(rows: [.init(id: "a", title: "A"), .init(id: "a", title: "B")])]))
        #expect(self.refusal(message) == .duplicate("row id", value: "a"))
    }

    @Test func templateParameterWithNewLineIsRefused() {
        let message = OutboundMessage(
            to: "628111", payload: .template(.init(name: "pengingat", language: "id", bodyParameters: ["baris\nbaru"])))
        #expect(
            self.refusal(message)
                == .invalidValue(
                    "template parameter", reason: "it may not hold new lines, tabs or more than four spaces in a row"))
    }

    @Test func documentLinkMustBeHTTP() {
        let message = OutboundMessage(
            to: "628111", payload: .document(source: .link("file:///etc/passwd"), filename: nil, caption: nil))
        #expect(self.refusal(message) == .invalidValue("document.link", reason: "it must be an http(s) URL"))
    }

    @Test func invalidFallbackTemplateIsRefused() {
        let message = OutboundMessage(
            to: "628111", payload: .text("Halo"), fallbackTemplate: .init(name: "", language: "id"))
        #expect(self.refusal(message) == .empty("template.name"))
    }
}
