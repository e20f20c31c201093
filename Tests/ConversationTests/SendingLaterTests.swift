import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A provider says when the rest comes ("sisanya besok ya", "npwp senin ya min"), or asks whether a photo will do,
/// as they write it: each message read with the shipped recognizer, which reads a day as asking the schedule.
struct SendingLaterTests {
    /// The registration's checklist with the KTP stored: the NPWP is still missing.
    static func withKTPStored() throws -> Transcript {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        return chat
    }

    /// At the checklist a day named for the documents still missing got the office hours and "no verification
    /// call is booked for this number… type *menu* to start a request", or "Kami menunggu file PDF", as if the
    /// provider had asked something or sent something wrong. The checklist waits for what is missing, and says so.
    @Test(arguments: [
        "sisanya besok ya", "npwp besok ya min", "besok pagi saya lanjut", "senin saya kirim sisanya", "lusa ya min",
        "besok ya", "I will send the rest tomorrow",
    ])
    func aDayNamedForTheRestIsWaitedFor(text: String) throws {
        var chat = try Self.withKTPStored()
        let reply = render(try chat.read(text))
        // Written in English, it is answered in English.
        let waits =
            text.hasPrefix("I ")
            ? "No problem, we keep this request. Send the company NPWP"
            : "Tidak apa-apa, permohonan ini kami simpan. Kirim NPWP Perusahaan"
        #expect(reply.contains(waits), "\(reply)")
        #expect(!reply.contains("Layanan helpdesk") && !reply.contains("Helpdesk hours"), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
        #expect(chat.draft?.stage == .documents)
    }

    /// Where a number or the director's is asked, a day named for it ("nomor direktur besok ya", "npwp nya besok ya
    /// min") got the office hours or "Pesan itu belum berisi nomor HP."; the form waits for it.
    @Test(arguments: [
        ("menu.registrasi", "nomor direktur besok ya", "no. WA direksi"),
        ("menu.registrasi", "besok saya tanya dulu", "no. WA direksi"),
        ("menu.reset_password", "npwp nya besok ya min", "NPWP"),
    ])
    func aDayNamedForANumberIsWaitedFor(menu: String, text: String, field: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(menu)
        _ = try chat.read("PT Maju Jaya")
        let reply = render(try chat.read(text))
        #expect(reply.contains("Tidak apa-apa, permohonan ini kami simpan. Kirim \(field) di chat ini"), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
        #expect(chat.draft?.answers.count == 1, "only the company is answered")
    }

    /// "besok saya kabari nama pt nya" where the company is asked was taken as a company named so, and its legal
    /// form asked. A name with a day in it is still a name.
    @Test(
        arguments: [
            ("besok saya kabari nama pt nya", nil), ("Berkah Jumat", "Berkah Jumat"), ("CV Senin Jaya", "Senin Jaya"),
        ] as [(String, String?)])
    func aDayNamedForTheCompanyIsWaitedFor(text: String, company: String?) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.answers["company"] == company, "\(reply)")
        #expect((company == nil) == reply.contains("Kirim nama usaha di chat ini kapan saja"), "\(reply)")
    }

    /// A question with a day in it is still a question: "besok bisa video call jam 10?" at the checklist gets the
    /// hours, and that the call is booked once this request is in, not "type *menu* to start a request".
    @Test func aQuestionWithADayIsAnswered() throws {
        var chat = try Self.withKTPStored()
        let reply = render(try chat.read("besok bisa video call jam 10?"))
        #expect(reply.contains("Verifikasi video call: Senin–Jumat 10.00–14.00 WIB"), "\(reply)")
        #expect(reply.contains("setelah permohonan ini kami terima"), "\(reply)")
        #expect(!reply.contains("ketik *menu* untuk memulai permohonan"), "\(reply)")
        #expect(!reply.contains("Tidak apa-apa, permohonan ini kami simpan"), "\(reply)")
        // Outside a form, no request is under way: how to start one is still said.
        var idle = Transcript(catalogue: try Fixtures.catalogue())
        let outside = render(try idle.read("link zoom nya mana?"))
        #expect(outside.contains("ketik *menu* untuk memulai permohonan"), "\(outside)")
    }

    /// After the documents were put off, a bare "ok" was told "Masih kurang: NPWP Perusahaan." with the checklist
    /// again. It acknowledges the wait; "sudah" is still told what is missing, and a file sent ends the wait.
    @Test func anOkAfterPuttingTheDocumentsOffAcknowledgesTheWait() throws {
        var chat = try Self.withKTPStored()
        _ = try chat.read("sisanya besok ya")
        #expect(chat.draft?.documentsPutOff == true)
        let ok = render(try chat.read("ok"))
        #expect(ok.contains("Baik, kami tunggu NPWP Perusahaan di chat ini."), "\(ok)")
        #expect(!ok.contains("Masih kurang"), "\(ok)")
        let already = render(try chat.read("sudah"))
        #expect(already.contains("Masih kurang: NPWP Perusahaan."), "\(already)")
        _ = chat.pdf("m2", "akta.pdf")
        #expect(chat.draft?.documentsPutOff == nil)
        let after = render(try chat.read("ok"))
        #expect(after.contains("Masih kurang: NPWP Perusahaan."), "\(after)")
        // Without a wait, "ok" is told what is missing, as before.
        var asked = try Self.withKTPStored()
        #expect(render(try asked.read("ok")).contains("Masih kurang: NPWP Perusahaan."))
    }

    /// "boleh foto?", "file jpg boleh?" at the checklist got the checklist again, unanswered. A photo is no
    /// required document: the provider is told so and how to make the PDF; a statement that one is coming is also
    /// kept for staff.
    @Test(arguments: [
        ("boleh foto?", false), ("kalau foto bisa?", false), ("file jpg boleh?", false),
        ("kirim gambar bisa ga", false),
        ("saya kirim foto ktp nya ya", true),
    ])
    func aPhotoAskedAboutIsToldItMustBeAPDF(text: String, kept: Bool) throws {
        var chat = try Transcript.atRegistrationChecklist()
        let reply = render(try chat.read(text))
        #expect(
            reply.contains("tidak bisa kami terima sebagai dokumen persyaratan: kirim sebagai file PDF"), "\(reply)")
        #expect(reply.contains("Cara membuat PDF di HP"), "\(reply)")
        #expect((chat.draft?.remarks?.count ?? 0) == (kept ? 1 : 0), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
    }

    /// "bisa lanjut dulu tanpa npwp?" at the checklist was told the answer comes on the ticket, which the form cannot
    /// open without the NPWP: the document is still needed, the form waits for it, and the question is kept.
    @Test(arguments: [
        ("npwp masih hilang min, lagi diurus ke kantor pajak, bisa lanjut dulu tanpa npwp?", "NPWP Perusahaan"),
        ("bisa tanpa npwp?", "NPWP Perusahaan"),
    ])
    func aDocumentAskedToBeSkippedIsStillNeeded(text: String, document: String) throws {
        var chat = try Self.withKTPStored()
        let reply = render(try chat.read(text))
        #expect(reply.contains("\(document) tetap diperlukan untuk permohonan ini"), "\(reply)")
        #expect(!reply.contains("Pertanyaan Anda kami catat"), "\(reply)")
        #expect(chat.draft?.remarks == [text] && chat.draft?.documentsPutOff == true, "\(reply)")
        #expect(chat.state.invalidAnswers == 0)
    }
}
