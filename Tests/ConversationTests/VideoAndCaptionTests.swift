import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A video (a screen recording of an error) is kept for staff where a screenshot is, and what a provider writes
/// under a photo, a video or a document reaches staff with the file.
@Suite struct VideoAndCaptionTests {
    static let ticket = TicketSummary(
        number: 77, title: "Masalah Tender", stateText: "Diproses", waitingOn: "petugas", due: nil)

    static func video(_ mediaID: String, caption: String? = nil, mimeType: String = "video/mp4")
        -> InboundChatMessage.Kind
    {
        .video(mediaID: mediaID, mimeType: mimeType, sha256: "c2hh", caption: caption)
    }

    static func fetches(_ effects: [Effect]) -> [MediaFetchRequest] {
        effects.compactMap { effect in
            if case .fetchMedia(let request) = effect { request } else { nil }
        }
    }

    /// With a ticket open, a video is downloaded for it (checked as MP4 or 3GP by its content, up to the
    /// attachments' 16 MB), attached, and the provider told staff will watch it; its caption reaches the ticket
    /// first, even if the file then fails.
    @Test func aVideoAboutAnOpenTicketIsKeptForStaffWithItsCaption() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let effects = chat.message(Self.video("vid-12345678", caption: "ini rekaman layarnya, error pas upload"))
        let sent = render(effects)
        #expect(sent.contains("⚙ appendToTicket #77: ini rekaman layarnya, error pas upload"), "\(sent)")
        #expect(sent.contains("⚙ fetchMedia vid-12345678 for #77"), "\(sent)")
        #expect(
            sent.firstRange(of: "appendToTicket")!.lowerBound < sent.firstRange(of: "fetchMedia")!.lowerBound,
            "staff read the words before the file")
        let request = try #require(Self.fetches(effects).last)
        #expect(request.kinds.contains(.video) && request.declaredSHA256 == "c2hh")
        #expect(request.maxBytes == 16 * 1024 * 1024)
        #expect(request.filename == "video-12345678.mp4")
        let stored = render(chat.stored("vid-12345678", "video-12345678.mp4", mimeType: "video/mp4"))
        #expect(stored.contains("⚙ attachToTicket #77: video-12345678.mp4"), "\(stored)")
        #expect(stored.contains("Video Anda dan pesannya sudah kami simpan di tiket #77"), "\(stored)")

        let bare = render(chat.message(Self.video("vid-2", mimeType: "video/3gpp")))
        #expect(!bare.contains("appendToTicket") && bare.contains("⚙ fetchMedia vid-2 for #77"), "\(bare)")
        #expect(
            Self.fetches(chat.message(Self.video("vid-3", mimeType: "video/3gpp"))).last?.filename == "video-vid-3.3gp")
        let plain = render(chat.stored("vid-2", "video-vid-2.3gp", mimeType: "video/3gpp"))
        #expect(plain.contains("› Video Anda sudah kami simpan di tiket #77 untuk dilihat petugas."), "\(plain)")

        // A refused download says what a ticket takes, videos among them.
        let refused = render(chat.rejected("vid-3", .notPDF))
        #expect(refused.contains("tidak dapat kami terima") && refused.contains("video (MP4)"), "\(refused)")
    }

    /// A video of a format WhatsApp does not carry is refused politely and nothing is downloaded; at a question of
    /// a form with a checklist a video or a photo is kept for staff, as at the checklist (they were refused, and
    /// the words with them lost).
    @Test func aVideoOfAnotherFormatIsRefusedAndOneInARegistrationIsKept() throws {
        var other = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let quicktime = render(other.message(Self.video("q-1", mimeType: "video/quicktime")))
        #expect(
            quicktime.contains("video belum dapat kami terima") && !quicktime.contains("fetchMedia"), "\(quicktime)")

        // At a question of a registration it is kept for staff, never a checklist document, with its words: one
        // message says so with the question asked again (a second said it was received after the question).
        var form = Transcript(catalogue: try Fixtures.catalogue())
        _ = form.tap("menu.registrasi")
        let atName = form.message(Self.video("v-1", caption: "ini errornya"))
        let said = try #require(sentTexts(atName).first)
        #expect(sentTexts(atName).count == 1, "\(render(atName))")
        #expect(said.hasPrefix("Video ini kami lampirkan untuk petugas"), "\(said)")
        #expect(said.contains("Tulis nama badan usaha"), "the question is asked again: \(said)")
        #expect(!render(atName).contains("fetchMedia"), "kept until the privacy notice is accepted")
        #expect(form.draft?.remarks == ["video-v-1.mp4: ini errornya"])
        let photo = form.message(.image(mediaID: "i-1", caption: nil))
        #expect(sentTexts(photo).count == 1 && render(photo).contains("Foto ini kami lampirkan untuk petugas"))

        // Once the notice is accepted both are fetched as the ticket's attachments, never as a checklist's PDF
        // (they were taken for the KTP and the NPWP, and refused as "bukan file PDF").
        _ = form.type("PT Maju Jaya")
        _ = form.tap("phone.self")
        let accepted = render(form.tap("consent.yes"))
        #expect(accepted.contains("⚙ fetchMedia v-1 for attachment-1"), "\(accepted)")
        #expect(accepted.contains("⚙ fetchMedia i-1 for attachment-2"), "\(accepted)")
        #expect(form.draft?.uploads.allSatisfy { !$0.isForChecklist } == true)
    }

    /// Before any request a video is kept like a screenshot, for the request chosen next; what was written with
    /// it is among the form's remarks for staff.
    @Test func aVideoBeforeAnyRequestIsKeptForTheRequestChosenNext() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.message(Self.video("vid-1", caption: "error pas login min")))
        #expect(first.contains("✅ Video ini kami simpan dulu"), "\(first)")
        #expect(first.contains("Silakan pilih layanan"), "\(first)")
        _ = chat.tap("menu.pengaduan")
        var answer = render(chat.type("tidak bisa login sejak kemarin"))
        if answer.contains("Pemberitahuan pelindungan data") { answer = render(chat.tap("consent.yes")) }
        #expect(answer.contains("⚙ fetchMedia vid-1 for attachment-1"), "\(answer)")
        #expect(chat.draft?.remarks == ["video-vid-1.mp4: error pas login min"])
    }

    /// In a form without a checklist a video is the ticket's attachment; at a registration's checklist it is kept
    /// for staff and the provider told the checklist wants PDF files.
    @Test func aVideoInAFormIsAnAttachmentNeverAChecklistDocument() throws {
        var complaint = Transcript(catalogue: try Fixtures.catalogue())
        _ = complaint.tap("menu.pengaduan")
        let kept = render(complaint.message(Self.video("vid-1", caption: "rekamannya")))
        #expect(kept.contains("video-vid-1.mp4 kami terima dan akan dilampirkan ke tiket Anda"), "\(kept)")
        #expect(complaint.draft?.remarks == ["video-vid-1.mp4: rekamannya"])

        var registration = Transcript(catalogue: try Fixtures.catalogue())
        _ = registration.tap("menu.registrasi")
        _ = registration.type("PT Maju Jaya")
        _ = registration.tap("phone.self")
        _ = registration.tap("consent.yes")
        let atChecklist = render(registration.message(Self.video("vid-2")))
        #expect(atChecklist == "⚙ fetchMedia vid-2 for attachment-1", "\(atChecklist)")
        let received = sentTexts(registration.stored("vid-2", "video-vid-2.mp4", mimeType: "video/mp4"))
        #expect(received.count == 1, "\(received)")
        #expect(
            received.first?.hasPrefix(
                "Video ini kami lampirkan untuk petugas, tetapi dokumen persyaratan harus berupa file PDF") == true,
            "\(received)")
        let draft = try #require(registration.draft)
        #expect(draft.uploads.allSatisfy { !$0.isForChecklist }, "never a checklist document")
    }

    /// A photo or a document sent about an open ticket with words under it: the words reach the ticket, and
    /// the provider is told both went. With several tickets open they go to the one the provider picks.
    @Test func aCaptionOnAFileAboutAnOpenTicketReachesStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let photo = render(
            chat.message(.image(mediaID: "img-1", caption: "ini error pas upload penawaran, gimana ya?")))
        #expect(photo.contains("⚙ appendToTicket #77: ini error pas upload penawaran, gimana ya?"), "\(photo)")
        #expect(photo.contains("⚙ fetchMedia img-1 for #77"), "\(photo)")
        let stored = render(chat.stored("img-1", "foto-img-1.jpg"))
        #expect(stored.contains("File foto-img-1.jpg dan pesan Anda sudah diteruskan ke tiket #77."), "\(stored)")

        let document = render(
            chat.message(
                .document(
                    mediaID: "doc-1", filename: "akta.pdf", mimeType: "application/pdf", size: 90_000, sha256: nil,
                    caption: "akta perubahan terbaru")))
        #expect(document.contains("⚙ appendToTicket #77: akta perubahan terbaru"), "\(document)")
        let blank = render(chat.message(.image(mediaID: "img-2", caption: "  ")))
        #expect(!blank.contains("appendToTicket"), "a blank caption is no message: \(blank)")

        let second = TicketSummary(number: 78, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var two = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket, second])
        let asked = render(two.message(.image(mediaID: "img-3", caption: "yang ini errornya")))
        #expect(asked.contains("#78 · Registrasi"), "which ticket first: \(asked)")
        #expect(!asked.contains("appendToTicket") && !asked.contains("fetchMedia"), "\(asked)")
        let chosen = render(two.type("2"))
        #expect(chosen.contains("⚙ appendToTicket #78: yang ini errornya"), "\(chosen)")
        #expect(chosen.contains("⚙ fetchMedia img-3 for #78"), "\(chosen)")
    }
}

/// A reply that quotes Loket's message about a ticket (WhatsApp's swipe-to-reply) is about that ticket, as a
/// typed "#78" would be: with several open, nobody is asked which.
@Suite struct QuotedTicketTests {
    static let tickets = [
        TicketSummary(number: 77, title: "Masalah Tender", stateText: "Diproses", waitingOn: "petugas", due: nil),
        TicketSummary(number: 78, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil),
    ]

    static func quoting(_ ticket: Int?, _ text: String, entities: Entities = Entities()) -> InboundChatMessage {
        InboundChatMessage(
            id: "wamid.q", kind: .text(text, Classification(intent: .unknown, confidence: 0.2, entities: entities)),
            quotedTicket: ticket)
    }

    @Test func aReplyQuotingATicketsMessageGoesToThatTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let answer = render(chat.event(.messageReceived(Self.quoting(77, "sudah saya coba, masih gagal upload"))))
        #expect(answer.contains("⚙ appendToTicket #77: sudah saya coba, masih gagal upload"), "\(answer)")
        #expect(!answer.contains("tiket yang mana"), "\(answer)")

        // Without the quote the same words ask which ticket.
        var plain = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        #expect(render(plain.type("sudah saya coba, masih gagal upload")).contains("tiket yang mana"))
    }

    @Test func aQuotedTicketThatIsNotOpenOrATypedNumberDecidesNothing() throws {
        var closed = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let asked = render(closed.event(.messageReceived(Self.quoting(12, "masih gagal min"))))
        #expect(asked.contains("tiket yang mana") && !asked.contains("#12"), "\(asked)")

        var typed = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        var entities = Entities()
        entities.ticketNumber = 78
        let answer = render(
            typed.event(.messageReceived(Self.quoting(77, "untuk tiket #78 sudah beres", entities: entities))))
        #expect(answer.contains("appendToTicket #78"), "the number typed wins: \(answer)")
    }

    @Test func aStatusCheckQuotingATicketsMessageIsAboutThatTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let message = InboundChatMessage(
            id: "wamid.s", kind: .text("status?", Classification(intent: .checkStatus, confidence: 0.95)),
            quotedTicket: 78)
        let answer = render(chat.event(.messageReceived(message)))
        #expect(answer.contains("#78") && !answer.contains("#77"), "only the quoted ticket: \(answer)")
    }

    @Test func aQuotedTicketBeatsTheTicketStaffTalkOnAndTakesAFile() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        _ = chat.event(.staffReplied(ticket: 78, text: "Mohon kirim akta."))
        let answer = render(chat.event(.messageReceived(Self.quoting(77, "yang tender sudah bisa belum ya?"))))
        #expect(answer.contains("⚙ appendToTicket #77"), "\(answer)")
        #expect(!answer.contains("appendToTicket #78"), "\(answer)")

        var files = Transcript(catalogue: try Fixtures.catalogue(), openTickets: Self.tickets)
        let photo = render(
            files.event(
                .messageReceived(
                    InboundChatMessage(
                        id: "wamid.p", kind: .image(mediaID: "img-9", caption: nil), quotedTicket: 78))))
        #expect(photo.contains("⚙ fetchMedia img-9 for #78") && !photo.contains("tiket yang mana"), "\(photo)")
    }
}
