import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// A message that starts a request is read for what it asks: a question about a tender with no problem in it
/// ("mau tanya cara upload dokumen penawaran") is a consultation, with the message as its question; one that
/// reports a problem ("kok ga bisa upload dokumen kualifikasi ya?") is a tender problem; a change of the
/// company's data in the provider's own words ("mau update akta perubahan") is a data change.
@Suite struct QuestionOrProblemTests {
    func start(_ text: String) throws -> (answer: String, draft: IntakeDraft?) {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .createTicket, confidence: 0.99))
        return (answer, chat.draft)
    }

    @Test(arguments: [
        "Selamat siang, saya dari CV Berkah mau tanya cara upload dokumen penawaran",
        "pak, jadwal pembuktian kualifikasi kapan ya?",
        "apa itu tender cepat?",
        "gimana caranya ikut tender?",
        "how do I upload my bid for a tender",
        // A question word before a particle: a tender problem was started, "ya" read as the last word.
        "cara upload dokumen kualifikasi gimana ya", "min jadwal pembuktian kualifikasi kapan ya kak",
        // Asked as "cara …": the question was asked for again.
        "mau konsultasi cara isi kualifikasi",
        // Naming no service: kept for staff with the menu, and asked again once the consultation was chosen.
        "bagaimana cara mengisi data pengalaman perusahaan di spse?",
        "how do I upload the qualification documents in SPSE?",
    ])
    func aQuestionAboutATenderIsAConsultationWithItsQuestion(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID == "konsultasi", "\(answer)")
        #expect(draft?.answers["question"] == FieldNormalizer.freeText(text))
        #expect(!answer.contains("Tulis pertanyaan Anda") && !answer.contains("Write your question"), "\(answer)")
        // Taken as the question, it is not also kept as one for staff.
        #expect(draft?.remarks == nil)
    }

    /// "mau tanya …" says a question comes, without a question mark: naming no service, it was kept for staff with
    /// the menu, and the consultation chosen from it took it as its question a tap later.
    @Test(arguments: [
        "halo, saya PPK di dinas PU, mau tanya cara buat paket di spse",
        "mau nanya dong min soal penilaian kinerja penyedia",
        "I would like to ask about joining a framework agreement",
    ])
    func aQuestionSaidToComeIsAConsultation(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID == "konsultasi", "\(answer)")
        #expect(draft?.answers["question"] == FieldNormalizer.freeText(text), "\(answer)")
    }

    /// Not what Loket answers itself (the hours, a ticket's status), nor a bare "mau tanya dong min".
    @Test(arguments: [
        "mau tanya jam buka kantor lpse hari ini", "mau tanya status tiket saya yang kemarin", "mau tanya dong min",
    ])
    func aQuestionLoketAnswersIsNoConsultation(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID != "konsultasi", "\(answer)")
    }

    /// A message naming no service is a consultation only when it is a question asked with one of its phrases:
    /// "cara isi data pengalaman" (no question), "gimana ini min, ga bisa login" (a problem) and "how can I check my
    /// ticket?" (Loket's own to answer) are not.
    @Test(arguments: [
        "cara isi data pengalaman", "gimana ini min, ga bisa login?", "kapan ya?", "how can I check my ticket?",
    ])
    func aMessageNamingNoServiceIsAConsultationOnlyAsAQuestionWithItsPhrase(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID != "konsultasi", "\(answer)")
    }

    @Test(arguments: [
        "kok ga bisa upload dokumen kualifikasi ya?",
        "upload penawaran gagal terus, gimana caranya?",
        "min apendo saya error pas enkripsi penawaran",
        "kode tender 12345678 kenapa tidak muncul?",
        "mau tanya, penawaran saya digugurkan pokja",
    ])
    func aProblemInATenderIsATenderProblem(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(answer.contains("kita mulai permohonan Permasalahan pada Tender"), "\(answer)")
        #expect(draft?.serviceID == "tender")
    }

    @Test(arguments: [
        "min sy mau update akta perubahan",
        "alamat kantor kami pindah ke jl sudirman",
        "kami mau ganti nomor hp direktur",
        "direktur kami baru, mohon dibantu",
        "we need to change the company name",
        "akta perusahaan kami ada perubahan, mohon dibantu",
        "nib perusahaan kami berubah",
        "min, direktur pt kami diganti",
        "our company address has changed",
        // A word between the change and what changes, or a licence added: the menu was shown.
        "mau ganti nama direktur di spse", "kami mau ubah no hp direktur", "mau tambah kbli min",
        "kbli nya mau ditambah",
    ])
    func aChangeOfTheCompanysDataIsADataChange(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID == "perubahan_data", "\(answer)")
    }

    /// An account that is locked, suspended, inactive or expired ("akun spse saya expired min" got the menu) is the
    /// reset's, in the words providers use.
    @Test(arguments: [
        "min akun saya ke lock", "akun sy kena suspend min", "akun saya nonaktif min", "kok akun saya tidak aktif",
        "akun spse kami dinonaktifkan, kenapa ya?", "akun spse saya expired min", "akun kami sudah kadaluarsa",
    ])
    func anAccountThatCannotBeUsedIsAReset(text: String) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID == "reset_password", "\(answer)")
    }

    /// What another service's words name keeps its service, however the message asks: a password is a reset;
    /// how to register is the FAQ's.
    @Test(arguments: [
        ("bagaimana cara reset password?", "reset_password"), ("gimana cara ganti password spse", "reset_password"),
        ("mau tanya cara daftar jadi penyedia di lpse ini", nil),
    ])
    func anotherServiceNamedKeepsItsService(text: String, service: String?) throws {
        let (answer, draft) = try start(text)
        #expect(draft?.serviceID == service, "\(answer)")
    }
}

/// A keyword phrase may list alternatives in parentheses, each combination one phrase.
@Suite struct KeywordAlternativesTests {
    @Test func alternativesStandForEveryCombination() {
        #expect(
            DialogSettings.expandingAlternatives("(ganti|ubah) data (alamat|email)")
                == ["ganti data alamat", "ganti data email", "ubah data alamat", "ubah data email"])
        #expect(DialogSettings.expandingAlternatives("how (do|can) i") == ["how do i", "how can i"])
        #expect(DialogSettings.expandingAlternatives("selesai") == ["selesai"])
    }

    @Test(arguments: ["(ganti|ubah alamat", "ganti) alamat", "(ganti||ubah) alamat", "((ganti)) alamat", "()"])
    func unbalancedAlternativesAreNone(phrase: String) {
        #expect(DialogSettings.expandingAlternatives(phrase) == nil)
    }

    @Test func aPhraseWithAlternativesIsFoundAsEachOfThem() {
        let settings = DialogSettings(keywords: [
            "change": DialogSettings.expandingAlternatives("(ganti|ubah) (alamat|email)") ?? []
        ])
        #expect(settings.mentions(text: "mau UBAH email ya", keywordsNamed: "change"))
        #expect(!settings.mentions(text: "mau ubah password", keywordsNamed: "change"))
    }
}

/// A service asked for in so many words (a `decisive.<id>` phrase) starts whatever else the recognizer is sure
/// the message is: "mau komplain min, sudah 3 hari tiket saya tidak dibalas" got "Anda tidak memiliki tiket yang
/// sedang terbuka." as a status check at 0.84.
@Suite struct DecisiveRequestOverAnIntentTests {
    @Test(arguments: [
        ("mau komplain min, sudah 3 hari tiket saya tidak dibalas", Intent.checkStatus, 0.842, "pengaduan"),
        ("saya belum punya akun, jam berapa kantor buka?", .hours, 0.9, "registrasi"),
        ("mau konsultasi soal jadwal tender yang berubah", .schedule, 0.88, "konsultasi"),
    ])
    func aServiceAskedForStartsWhateverElseItReads(
        text: String, intent: Intent, confidence: Double, service: String
    ) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(chat.draft?.serviceID == service, "\(answer)")
    }

    @Test func aStatusCheckWithoutSuchAPhraseIsStillOne() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("tiket saya sudah sampai mana ya", .checkStatus, confidence: 0.95))
        #expect(chat.draft == nil, "\(answer)")
        #expect(answer.contains("tidak memiliki tiket"), "\(answer)")
    }
}

/// "setuju" typed ahead of the privacy notice where the consultation asks for the question was taken as the
/// question ("Pertanyaan: setuju"), as "ok" would be where a complaint is asked. A bare yes answers no free-text
/// question: it is asked again, and a question in words is still taken.
@Suite struct BareAnswerTests {
    @Test(arguments: [("setuju", Intent.affirm), ("ok", .affirm), ("iya siap", .affirm), ("selesai", .unknown)])
    func aBareYesIsNoQuestion(text: String, intent: Intent) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        let answer = render(chat.type(text, intent, confidence: 0.97))
        #expect(answer.contains("belum menjawab pertanyaan ini"), "\(answer)")
        #expect(chat.draft?.answers["question"] == nil)
        _ = chat.type("bagaimana cara mengisi data kualifikasi?", .createTicket)
        #expect(chat.draft?.answers["question"] == "bagaimana cara mengisi data kualifikasi?")
    }
}

/// Where a form asks for a question, a problem or a complaint, a question of five words or more is the answer,
/// whatever command the recognizer reads it as: "kenapa status paket saya masih draft padahal sudah diumumkan?" at
/// the consultation's question got "Anda tidak memiliki tiket yang sedang terbuka." and the question again. A short
/// one ("statusnya gimana?") is still the bot's to answer, and a question where a name is asked is no name.
@Suite struct AQuestionIsTheAnswerWhereOneIsAskedTests {
    @Test(arguments: [
        (
            "menu.konsultasi", "question", "kenapa status paket saya masih draft padahal sudah diumumkan?",
            Intent.checkStatus
        ),
        ("menu.konsultasi", "question", "apa syarat ikut tender konstruksi kualifikasi kecil?", .requirements),
        ("menu.pengaduan", "complaint", "kenapa jam layanan helpdesk sering tutup lebih awal?", .hours),
    ])
    func aLongQuestionAnswersTheFreeTextField(menu: String, field: String, text: String, intent: Intent) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(menu)
        let answer = render(chat.type(text, intent, confidence: 0.9))
        #expect(chat.draft?.answers[field] == FieldNormalizer.freeText(text), "\(answer)")
        #expect(!answer.contains("tidak memiliki tiket") && !answer.contains("Layanan helpdesk"), "\(answer)")
    }

    @Test func aShortQuestionOrOneWhereANameIsAskedIsStillTheBots() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        let short = render(chat.type("statusnya gimana?", .checkStatus, confidence: 0.95))
        #expect(short.contains("tidak memiliki tiket"), "\(short)")
        #expect(chat.draft?.answers["question"] == nil)

        var registering = Transcript(catalogue: try Fixtures.catalogue())
        _ = registering.tap("menu.registrasi")
        let atName = render(
            registering.type("kantor helpdesk buka sampai jam berapa hari ini?", .hours, confidence: 0.9))
        #expect(registering.draft?.answers["company"] == nil, "\(atName)")
    }
}
