import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A message that only says a question comes, "saya mau tanya soal akun", started the consultation with it as the
/// question staff were to answer: the question is asked. Each message read with the shipped recognizer.
struct QuestionAnnouncedTests {
    @Test(arguments: [
        "saya mau tanya soal akun", "boleh tanya soal sikap?", "min mau konsultasi dong",
        // With a greeting and who asks: it became the question.
        "halo selamat pagi, saya dari CV Berkah Jaya mau tanya sikap",
    ])
    func anAnnouncedQuestionIsAskedFor(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(reply)")
        #expect(chat.draft?.answers["question"] == nil, "\(reply)")
        #expect(reply.contains("Tulis pertanyaan Anda tentang SPSE."), "\(reply)")
    }

    /// A question said in the same message is still the question.
    @Test(arguments: [
        "mau tanya cara isi data pengalaman perusahaan", "apa itu tender cepat?",
        "mau konsultasi cara isi kualifikasi", "halo, saya dari PT Maju mau tanya cara upload dokumen kualifikasi",
    ])
    func aQuestionSaidIsTaken(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(reply)")
        #expect(chat.draft?.answers["question"] != nil, "\(reply)")
    }
}

/// "min mau nanya dong", "pak saya mau tanya" got the menu with "Pesan Anda kami catat", as if they said something
/// for staff, and "boleh tanya?" started the consultation; and a request typed where the consultation asks its
/// question (chosen, or started by "mau tanya soal akun"), "saya lupa password", became the question staff were to
/// answer, where the request's own form was needed.
struct AnnouncedQuestionThenRequestTests {
    @Test(arguments: [
        "min mau nanya dong", "pak saya mau tanya", "gan mau nanya nih", "permisi mau bertanya", "boleh tanya?",
        "halo selamat pagi, saya dari CV Berkah Jaya mau tanya", "selamat siang min, saya mau tanya",
    ])
    func aBareAnnouncementInvitesTheQuestion(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(try chat.read(text))
        #expect(reply.hasPrefix("› Halo Budi, selamat datang"), "\(reply)")
        #expect(reply.contains("Silakan tulis pertanyaan Anda di sini."), "\(reply)")
        #expect(reply.contains("≡ Lihat menu"), "the menu, for a request: \(reply)")
        #expect(!reply.contains("Pesan Anda kami catat") && chat.draft == nil, "\(reply)")
        // What comes next is read as at the menu: a question the FAQ answers, a request its form.
        var asked = chat
        let faq = render(try asked.read("syarat daftar apa aja?"))
        #expect(faq.contains("KTP"), "\(faq)")
        let request = render(try chat.read("saya lupa password"))
        #expect(chat.draft?.serviceID == "reset_password", "\(request)")
    }

    /// The company named is kept for the form chosen next.
    @Test func theCompanyNamedIsKeptForTheForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("halo selamat pagi, saya dari CV Berkah Jaya mau tanya")
        _ = chat.tap("menu.registrasi")
        #expect(chat.draft?.answers["company"]?.contains("Berkah Jaya") == true, "\(String(describing: chat.draft))")
    }

    /// A request typed next, rather than chosen from the menu, takes the company too; a message kept for staff with
    /// "Pesan Anda kami catat" goes among the request's notes, where a request typed after it dropped it.
    @Test func aRequestTypedNextTakesWhatCameBefore() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("halo selamat pagi, saya dari CV Berkah Jaya mau tanya")
        _ = try chat.read("saya lupa password")
        #expect(chat.draft?.serviceID == "reset_password")
        #expect(chat.draft?.answers["company"]?.contains("Berkah Jaya") == true, "\(String(describing: chat.draft))")
        var kept = Transcript(catalogue: try Fixtures.catalogue())
        let first = "akun saya ga bisa login kenapa ya, sudah coba berkali-kali"
        _ = try kept.read(first)
        #expect(kept.state.messagesBeforeRequest?.map(\.text) == [first])
        let reply = render(try kept.read("saya lupa password"))
        #expect(kept.draft?.serviceID == "reset_password", "\(reply)")
        #expect(kept.draft?.remarks == [first], "\(reply)")
        #expect(reply.contains("Pesan Anda sebelumnya kami sertakan"), "\(reply)")
    }

    /// Right after the menu, the invitation alone.
    @Test func rightAfterTheMenuTheInvitationAlone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("selamat pagi")
        let reply = render(try chat.read("mau tanya dong"))
        #expect(reply.contains("Silakan tulis pertanyaan") && !reply.contains("≡ Lihat menu"), "\(reply)")
    }

    /// With a ticket open, the announcement may be about it: it still reaches the ticket, and no form starts.
    @Test func withATicketOpenItReachesTheTicket() throws {
        let ticket = TicketSummary(
            number: 31, title: "Registrasi", stateText: "Diproses", waitingOn: "Petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let reply = render(try chat.read("mau nanya min"))
        #expect(reply.contains("appendToTicket #31: mau nanya min"), "\(reply)")
        #expect(chat.draft == nil, "\(reply)")
    }

    @Test(arguments: [
        ("saya lupa password", "reset_password"), ("akun kami terkunci min", "reset_password"),
        ("mau ganti email perusahaan", "perubahan_data"), ("I forgot my password", "reset_password"),
        ("upload penawaran gagal terus di paket 10234567", "tender"),
    ])
    func aRequestWhereTheQuestionIsAskedStartsItsForm(text: String, service: String) throws {
        var chosen = Transcript(catalogue: try Fixtures.catalogue())
        _ = chosen.tap("menu.konsultasi")
        let reply = render(try chosen.read(text))
        #expect(chosen.draft?.serviceID == service, "\(reply)")
        // Written in English, it is answered in English.
        let started = text.hasPrefix("I ") ? "All right, let us start your request" : "Baik, kita mulai permohonan"
        #expect(reply.contains(started), "\(reply)")
        var announced = Transcript(catalogue: try Fixtures.catalogue())
        _ = try announced.read("saya mau tanya soal akun")
        _ = try announced.read(text)
        #expect(announced.draft?.serviceID == service, "\(text)")
    }

    /// The request's form takes what the message says, as from the menu: the tender's code.
    @Test func theRequestsFormTakesWhatItSays() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        _ = try chat.read("upload penawaran gagal terus di paket 10234567")
        #expect(chat.draft?.answers["kode_tender"] == "10234567")
    }

    /// A file sent before any request goes with the provider to the request's form.
    @Test func aFileSentAheadGoesToTheRequestsForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.pdf("m1", "ktp direktur.pdf")
        _ = chat.tap("menu.konsultasi")
        _ = try chat.read("saya mau daftar")
        #expect(chat.draft?.serviceID == "registrasi")
        #expect(chat.draft?.heldFiles?.count == 1)
    }

    /// A question, one said to come, or a subject stays the consultation's question.
    @Test(arguments: [
        "kenapa akun saya terkunci?", "bagaimana cara daftar akun penyedia", "mau tanya soal daftar",
        "perusahaan kami sudah daftar tapi belum diverifikasi sampai sekarang",
    ])
    func aQuestionStaysTheQuestion(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.serviceID == "konsultasi", "\(reply)")
        #expect(chat.draft?.answers["question"] != nil, "\(reply)")
    }
}
