import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "Dokumennya apa aja?" in a form that asks for documents is answered with that form's own list, not the
/// registration's requirements; a longer question the list may not answer ("surat permohonan itu formatnya
/// gimana? ada contohnya?") is also kept for staff. The question of the form is asked again.
@Suite struct RequirementsInFormTests {
    @Test func aResetPasswordFormListsItsOwnDocumentsByGroupWhileTheFormIsUnknown() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        let answer = render(chat.type("syarat dokumennya apa aja min?", .requirements))
        #expect(answer.contains("Untuk Reset Password"), "\(answer)")
        #expect(answer.contains("• Badan usaha (PT, CV, dll.): Surat Permohonan, KTP/KITAS Direktur"), "\(answer)")
        #expect(!answer.contains("Dokumen verifikasi (PDF, maks. 4 MB)"), "not the registration's: \(answer)")
        #expect(answer.contains("Tulis nama badan usaha"), "the question is asked again: \(answer)")
        #expect(chat.draft?.remarks == nil, "a short question the list answers is not kept")
    }

    @Test func aQuestionAboutADocumentAtTheChecklistIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Cahaya Terang")
        _ = chat.type("012345678901234")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let question = "surat permohonan itu formatnya gimana min? ada contohnya?"
        let answer = render(chat.type(question, .requirements))
        #expect(answer.contains("Pertanyaan Anda kami catat untuk petugas"), "\(answer)")
        #expect(answer.contains("1. ⬜ Surat Permohonan"), "the checklist again: \(answer)")
        #expect(!answer.contains("Untuk Reset Password"), "the checklist lists them already: \(answer)")
        #expect(chat.draft?.remarks == [question])
        let general = render(chat.type("what documents do you need exactly?", .requirements))
        #expect(!general.contains("Pertanyaan Anda kami catat"), "the checklist answers it: \(general)")
        #expect(chat.draft?.remarks == [question])
    }

    @Test func outsideAFormWithDocumentsTheRequirementsAnswerStays() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("syaratnya apa aja?", .requirements))
        #expect(answer.contains("Dokumen verifikasi (PDF, maks. 4 MB)"), "\(answer)")
    }

    /// Whether a scan will do or the papers must be legalised is asked often; the seeds' online verification
    /// has the director show the originals on the video call, so the answer says a scan is enough.
    @Test(arguments: [
        ("dokumennya harus dilegalisir?", "tanpa legalisir"), ("harus dokumen asli atau scan?", "hasil scan"),
        ("do the documents need to be notarised?", "no legalisation"),
    ])
    func whetherAScanWillDoIsAnswered(text: String, words: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .requirements))
        #expect(answer.contains(words), "\(answer)")
        #expect(answer.contains("video call"), "the originals are shown there: \(answer)")
    }
}

/// "Apa syarat perubahan data?" outside a form is answered with the documents of the service it names, not the
/// registration's requirements, and the menu offers it; with a ticket open, staff read the question there. A
/// question naming no service keeps the requirements answer.
@Suite struct RequirementsOfANamedServiceTests {
    @Test(arguments: [
        ("apa syarat perubahan data?", "Untuk Verifikasi Perubahan Data", "KTP/KITAS Direktur, NPWP Perusahaan"),
        (
            "kalau ganti direktur harus verifikasi ulang ga? syaratnya apa", "Untuk Verifikasi Perubahan Data",
            "NPWP Pemilik"
        ),
        ("syarat reset password apa aja min?", "Untuk Reset Password", "Surat Permohonan, KTP/KITAS Direktur"),
        (
            "what documents do i need to change our company address?", "For Verification of data changes",
            "Director's ID card, Company NPWP"
        ),
    ])
    func theNamedServicesDocumentsAnswer(text: String, lead: String, documents: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .requirements))
        #expect(answer.contains(lead), "\(answer)")
        #expect(answer.contains(documents), "\(answer)")
        #expect(!answer.contains("Dokumen verifikasi (PDF"), "not the registration's: \(answer)")
        #expect(!answer.contains("Verification documents (PDF"), "not the registration's: \(answer)")
        #expect(answer.contains("≡"), "the menu offers the service: \(answer)")
        #expect(chat.draft == nil, "a question starts nothing")
    }

    @Test func withATicketOpenStaffReadTheQuestion() throws {
        let ticket = TicketSummary(
            number: 5, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let text = "syarat reset password apa aja min?"
        let answer = render(chat.type(text, .requirements))
        #expect(answer.contains("Untuk Reset Password"), "\(answer)")
        #expect(answer.contains("⚙ appendToTicket #5: \(text)"), "\(answer)")
        #expect(answer.contains("Pesan Anda juga sudah diteruskan ke petugas pada tiket #5"), "\(answer)")
        #expect(!answer.contains("≡"), "no menu: \(answer)")
    }

    @Test(arguments: ["syaratnya apa aja?", "dokumen apa yang harus disiapkan?"])
    func noServiceKeepsTheRequirementsAnswer(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .requirements))
        #expect(answer.contains("Dokumen verifikasi (PDF, maks. 4 MB)"), "\(answer)")
    }
}

/// A question the FAQ answers that also names a service ("biaya pendaftaran berapa min?"), or a statement about
/// a fee ("saya sudah transfer biaya pendaftaran"), with a ticket open: the FAQ answers (no fee is charged) and
/// staff read it; no second request starts. Without the FAQ's words the service still starts.
@Suite struct FAQWithATicketOpenTests {
    static let ticket = TicketSummary(
        number: 5, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)

    @Test(arguments: ["biaya pendaftaran berapa min?", "saya sudah transfer biaya pendaftaran"])
    func aFeeQuestionIsAnsweredNotANewRegistration(text: String) throws {
        let faq = try #require(Fixtures.catalogue().faq.first { $0.id == "biaya" })
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type(text))
        #expect(answer.contains(faq.answer.indonesian), "\(answer)")
        #expect(answer.contains("⚙ appendToTicket #5: \(text)"), "\(answer)")
        #expect(!answer.contains("kita mulai permohonan"), "\(answer)")
        #expect(chat.draft == nil)
    }

    @Test func withoutATicketTheFAQAnswersAndTheMenuOffersTheService() throws {
        let faq = try #require(Fixtures.catalogue().faq.first { $0.id == "biaya" })
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("saya sudah transfer biaya pendaftaran"))
        #expect(answer.contains(faq.answer.indonesian) && answer.contains("Registrasi & Verifikasi"), "\(answer)")
        #expect(chat.draft == nil && !answer.contains("appendToTicket"), "\(answer)")
        #expect(render(chat.type("mau daftar akun spse")).contains("kita mulai permohonan Registrasi"))
    }

    @Test func anotherRegistrationStillStartsAndAsksTheName() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [Self.ticket])
        let answer = render(chat.type("mau daftar lagi untuk CV lain bisa?"))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
        #expect(answer.contains("Tulis nama badan usaha"), "\"CV lain\" is no name: \(answer)")
    }
}

/// "apa bedanya registrasi sama perubahan data?" asks about the services: the menu, which describes each,
/// answers it; no request starts for the first one named, with or without a ticket open. A request naming one
/// service still starts it.
@Suite struct ServicesComparedTests {
    @Test(arguments: [false, true])
    func aQuestionNamingTwoServicesShowsTheMenu(ticketOpen: Bool) throws {
        let tickets =
            ticketOpen
            ? [TicketSummary(number: 5, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)]
            : []
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: tickets)
        let answer = render(chat.type("apa bedanya registrasi sama perubahan data?"))
        #expect(answer.contains("keterangan singkat tiap layanan ada di daftar"), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi") && answer.contains("Perubahan Data"), "\(answer)")
        #expect(chat.draft == nil && !answer.contains("kita mulai permohonan"), "\(answer)")
        let request = render(chat.type("mau registrasi akun baru"))
        #expect(request.contains("kita mulai permohonan Registrasi"), "\(request)")
    }

    /// A situation told before the choice is answered with its service, which starts: "ganti direktur, itu masuk
    /// perubahan data atau registrasi ulang ya?" got the menu again, the question unanswered.
    @Test(arguments: [
        (
            "selamat siang, saya mau ganti direktur, itu masuk perubahan data atau registrasi ulang ya?",
            "perubahan_data"
        ),
        ("lupa password, pilih reset atau registrasi ulang?", "reset_password"),
        ("kalau alamat kantor pindah, pakai registrasi atau perubahan data?", "perubahan_data"),
        ("sudah daftar tapi mau ganti direktur, registrasi ulang atau perubahan data?", "perubahan_data"),
    ])
    func aSituationBeforeTheChoiceGetsItsService(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let effects = try chat.read(text)
        let answer = render(effects)
        let title = try #require(chat.context.catalogue.service(id: service)?.menuTitle.indonesian)
        // One message: the answer, then the form's start.
        #expect(
            render(try #require(effects.first)).hasPrefix(
                "› Keperluan Anda termasuk layanan \(title). Baik, kita mulai permohonan"), "\(answer)")
        #expect(chat.draft?.serviceID == service, "\(answer)")
    }

    /// A choice with no situation before it, or one naming both services, is still the menu's to answer.
    @Test(arguments: [
        "saya harus pilih registrasi atau perubahan data?", "registrasi atau perubahan data ya min?",
        "mau daftar dan ganti direktur, registrasi atau perubahan data?",
    ])
    func aChoiceWithoutOneSituationGetsTheMenu(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("keterangan singkat tiap layanan ada di daftar"), "\(answer)")
        #expect(chat.draft == nil, "\(answer)")
    }
}

/// "min mau konsultasi soal sikap, cara isi pengalaman perusahaan gimana ya?" asks for a consultation in so many
/// words: it starts, with the question as the consultation's, instead of the FAQ's answer about SIKaP and the
/// menu. A question without such words still gets the FAQ.
@Suite struct DecisiveRequestTests {
    @Test func aConsultationAskedForStartsWithItsQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "min mau konsultasi soal sikap, cara isi pengalaman perusahaan gimana ya?"
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Konsultasi"), "\(answer)")
        let draft = try #require(chat.draft)
        #expect(draft.serviceID == "konsultasi" && draft.answers["question"] != nil, "\(draft.answers)")
        #expect(draft.remarks == nil && !answer.contains("Pertanyaan Anda kami catat"), "asked once: \(answer)")

        var faq = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(faq.type("sikap itu apa ya?"))
        #expect(asked.contains("SIKaP (Sistem Informasi Kinerja Penyedia)") && faq.draft == nil, "\(asked)")
    }

    /// Misconduct reported is a complaint, whatever else the recogniser reads: "mau lapor ada oknum yang minta uang
    /// untuk verifikasi" got the menu, "kenapa verifikasi saya dipersulit terus?" "Anda tidak memiliki tiket yang
    /// sedang terbuka.", "petugasnya minta uang pelicin" a hand-off without a ticket's form. A question about the
    /// fee is still the FAQ's.
    @Test(arguments: [
        ("mau lapor ada oknum yang minta uang untuk verifikasi", Intent.createTicket, 0.94),
        ("ada pungli di lpse", .unknown, 0.58), ("kenapa verifikasi saya dipersulit terus?", .checkStatus, 0.9),
        ("petugasnya minta uang pelicin", .human, 0.975),
        // A fee or a cut asked for got the fee's answer and the menu.
        ("sy mau lapor ada pokja minta fee", .createTicket, 0.945),
        ("pokja minta komisi 5% min, gimana ini", .unknown, 0.717),
    ])
    func misconductReportedIsAComplaint(text: String, intent: Intent, confidence: Double) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(answer.contains("kita mulai permohonan Pengaduan"), "\(answer)")
        var fee = Transcript(catalogue: try Fixtures.catalogue())
        let free = render(fee.type("apakah ada biaya untuk verifikasi?", .requirements, confidence: 0.6))
        #expect(free.contains("tidak dipungut biaya") && fee.draft == nil, "\(free)")
    }
}

/// A question in the message that starts a form, which none of the form's questions takes ("kantor saya di
/// surabaya, bisa daftar di lpse sini?"), is kept among the form's remarks for staff and the provider told so;
/// one about the documents gets the form's own list, which answers it. A bare request keeps nothing.
@Suite struct OpeningQuestionTests {
    @Test func aQuestionStartingARegistrationIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "kantor saya di surabaya, bisa daftar di lpse sini?"
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
        #expect(answer.contains("Pertanyaan Anda kami catat untuk petugas"), "\(answer)")
        #expect(!answer.contains("dokumen yang nanti diminta"), "no documents asked about: \(answer)")
        #expect(answer.hasSuffix("misalnya \"PT Maju Jaya\"."), "then the form's first question: \(answer)")
        #expect(chat.draft?.remarks == [text])
    }

    @Test func aQuestionAboutTheRequirementsAlsoGetsTheFormsList() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "syaratnya apa aja ya? kantor saya di surabaya bisa daftar di lpse sini?"
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
        #expect(answer.contains("Pertanyaan Anda kami catat untuk petugas"), "\(answer)")
        #expect(answer.contains("dokumen yang nanti diminta"), "\(answer)")
        #expect(answer.contains("• Perorangan: KTP Pemilik, NPWP Pemilik"), "\(answer)")
        #expect(chat.draft?.remarks == [text])
    }

    @Test(arguments: [
        "Hi, I need to register my company on SPSE, what documents do you need?",
        "mau daftar akun spse, syarat dokumennya apa aja ya?",
        // Asked in other words: these were kept for staff, "the answer follows on this ticket", and no list came.
        "Hello, I represent a Singapore company and want to register as a vendor in your SPSE. What do I need?",
        "mau daftar akun spse, perlu apa aja min?", "mau daftar penyedia, butuh apa aja ya?",
    ])
    func aQuestionTheListAnswersIsNotKept(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text))
        #expect(answer.contains("Registrasi") || answer.contains("Registration"), "\(answer)")
        #expect(answer.contains("KTP/KITAS Direktur") || answer.contains("Director's ID card"), "\(answer)")
        #expect(
            !answer.contains("Pertanyaan Anda kami catat") && !answer.contains("We noted your question"), "\(answer)")
        #expect(chat.draft?.remarks == nil)
    }

    @Test(arguments: ["mau daftar akun spse", "mau daftar akun spse untuk PT Sinar Jaya"])
    func aRequestThatAsksNothingKeepsNothing(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Registrasi"), "\(answer)")
        #expect(!answer.contains("Pertanyaan Anda kami catat"), "\(answer)")
        #expect(chat.draft?.remarks == nil)
    }

    @Test func aQuestionStartingAResetPasswordIsKept() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "lupa password, email lama udah ga aktif gimana ya?"
        let answer = render(chat.type(text))
        #expect(answer.contains("kita mulai permohonan Reset Password"), "\(answer)")
        #expect(chat.draft?.remarks == [text], "\(answer)")
    }
}
