import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Real providers' habits: files sent early, "selesai" at the checklist, command words and letters where a
/// name or a number is asked, questions on an open ticket. Each must keep what they sent and never loop.
struct ProviderHabitsTests {
    /// Opens the registration form at its first question, the company.
    static func atCompanyQuestion() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        return chat
    }

    /// Walks to the phone question of the registration form.
    static func atPhoneQuestion() throws -> Transcript {
        var chat = try Self.atCompanyQuestion()
        _ = chat.type("PT Maju Jaya")
        return chat
    }

    /// Walks a registration for `company` to its checklist: the provider's own number, consent given.
    static func atChecklist(company: String) throws -> Transcript {
        var chat = try Self.atCompanyQuestion()
        _ = chat.type(company)
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        return chat
    }

    /// `atPhoneQuestion()` with `filenames` sent as PDFs ("m1", "m2", …) and the provider's own number chosen: the
    /// privacy notice is asked, and the files wait for it.
    static func sentBeforeConsent(_ filenames: String...) throws -> Transcript {
        var chat = try Self.atPhoneQuestion()
        for (index, filename) in filenames.enumerated() { _ = chat.pdf("m\(index + 1)", filename) }
        _ = chat.tap("phone.self")
        return chat
    }

    /// `atChecklist(company: "PT Maju Jaya")` with the KTP sent and stored: the NPWP is still missing.
    static func withKTPStored() throws -> Transcript {
        var chat = try Self.atChecklist(company: "PT Maju Jaya")
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        return chat
    }

    /// A question typed at the checklist ("npwp saya pakai nik ya min?") is kept for staff as a question, whose
    /// answer follows on the ticket once the request is sent; it was told its "explanation" was noted, and then
    /// that the answer followed on "this ticket", when none was open. A statement still is one.
    @Test(arguments: [
        ("npwp saya pakai nik ya min?", "jawabannya menyusul di tiket setelah permohonan ini dikirim"),
        ("kalau ktp direktur masih proses perpanjangan gimana", "Pertanyaan Anda kami catat untuk petugas"),
        ("KTP direktur masih diperpanjang, nanti menyusul", "Keterangan Anda kami catat untuk petugas"),
    ])
    func aQuestionAtTheChecklistIsKeptAsAQuestion(text: String, said: String) throws {
        var chat = try Self.atChecklist(company: "PT Maju Jaya")
        let answer = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(answer.contains(said), "\(answer)")
        #expect(!answer.contains("tiket ini"), "no ticket is open yet: \(answer)")
        #expect(chat.draft?.remarks == [text], "\(answer)")
    }

    /// A guessed file that completes the checklist was followed by "Jika salah, balas dengan nomor dokumen yang
    /// benar" and the summary, where "1" is its *Kirim*: the correction sent the request. There the way to the
    /// documents is named instead.
    @Test func aGuessThatCompletesTheChecklistNamesTheWayToTheDocuments() throws {
        var chat = try Self.withKTPStored()
        _ = chat.pdf("m2", "scan0002.pdf")
        let summary = render(chat.stored("m2", "scan0002.pdf"))
        #expect(summary.contains("diterima sebagai NPWP Perusahaan. Jika salah, tekan *Ubah* lalu pilih *Dokumen*."))
        #expect(!summary.contains("balas dengan nomor dokumen"), "\(summary)")
        let change = render(chat.tap("summary.change"))
        #expect(change.contains("- Dokumen"), "\(change)")
    }

    /// "is it open today?" got the welcome and the menu: the recognizer reads it as asking the hours, but at 0.40.
    /// A short question with a word of `hoursWords` gets the hours however unsure it is; inside a form it is left
    /// to the form.
    @Test(arguments: ["is it open today?", "are you closed on saturday?", "sabtu buka ga min?"])
    func aShortQuestionWhetherTheOfficeIsOpenGetsTheHours(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .hours, confidence: 0.4))
        #expect(
            answer.contains("Senin–Jumat 08.00–16.00") || answer.contains("Monday–Friday 08:00–16:00"), "\(answer)")
        #expect(!answer.contains("Silakan pilih layanan") && !answer.contains("Please choose"), "\(answer)")
        var unsure = Transcript(catalogue: try Fixtures.catalogue())
        let other = render(unsure.type("is it open today?", .unknown, confidence: 0.4))
        #expect(!other.contains("08.00–16.00") && !other.contains("08:00–16:00"), "not the hours: \(other)")
    }

    /// How to reach the office, asked outside a form ("boleh minta nomor telepon kantor lpse?", which got the
    /// welcome and the menu), gets the hours' answer: everything can be done in the chat, and *petugas* gives the
    /// address and the phone number. The office's address changed is still a data change.
    @Test(arguments: [
        "boleh minta nomor telepon kantor lpse?", "alamat lpse dimana ya min", "what is the lpse office address?",
    ])
    func howToReachTheOfficeGetsTheHoursAnswer(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("nomor telepon kantor") || answer.contains("its phone number"), "\(answer)")
        #expect(!answer.contains("Silakan pilih layanan") && !answer.contains("Please choose"), "\(answer)")
        var moved = Transcript(catalogue: try Fixtures.catalogue())
        let change = "alamat kantor kami sudah pindah, mau ubah data"
        let started = render(try moved.read(change))
        #expect(started.contains("kita mulai permohonan Verifikasi Perubahan Data"), "\(started)")
    }

    /// "daftar" as a list is no registration: "tidak muncul di daftar peserta" is a tender problem (it started a
    /// registration), "mau daftar tender …, caranya gimana" a question about taking part in one (it got the
    /// services compared); "mau daftar min" still registers.
    @Test(arguments: [
        (
            "min saya mau tanya kenapa perusahaan saya tidak muncul di daftar peserta padahal sudah kirim penawaran",
            "Permasalahan pada Tender"
        ),
        ("mau daftar tender pengadaan laptop, caranya gimana", "Konsultasi SPSE"),
        ("mau daftar min", "Registrasi dan Verifikasi Berkas"), ("mau daftar akun di lpse sini", "Registrasi"),
    ])
    func daftarAsAListIsNoRegistration(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("kita mulai permohonan \(service)"), "\(answer)")
    }

    /// A company's NPWP changed, the 16-digit NPWP above all ("npwp perusahaan sudah ganti ke 16 digit, perlu update
    /// di spse ga?", which got the menu), starts the data change with the message as what changes; an NPWP of 16
    /// digits named in a request to register still registers.
    @Test func anNPWPChangedToSixteenDigitsIsADataChange() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "min kalau npwp perusahaan sudah ganti ke 16 digit, perlu update di spse ga?"
        let answer = render(try chat.read(text))
        #expect(answer.contains("kita mulai permohonan Verifikasi Perubahan Data"), "\(answer)")
        #expect(chat.draft?.answers["changes"] == text, "\(String(describing: chat.draft?.answers))")
        var registering = Transcript(catalogue: try Fixtures.catalogue())
        let register = "npwp kami 16 digit, bisa daftar akun?"
        let started = render(try registering.read(register))
        #expect(started.contains("kita mulai permohonan Registrasi"), "\(started)")
    }

    /// "mau daftar akun spse" or "lupa password" outside a journey starts that service, not the menu again.
    @Test(arguments: [("mau daftar akun spse pak", "Tulis nama badan usaha"), ("saya lupa password spse", "")])
    func aServiceAskedForInWordsStarts(text: String, expected: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .createTicket))
        #expect(!answer.contains("Silakan pilih layanan"), "\(answer)")
        if case .intake(let draft) = chat.state.step {
            #expect(draft.serviceID == (expected.isEmpty ? "reset_password" : "registrasi"))
        } else {
            Issue.record("no journey started: \(answer)")
        }
    }

    /// How providers name what they need, with the words of `settings.json`: a blocked account or a forgotten
    /// user id is a reset, a new email a data change, and a provider without an account needs the registration
    /// wherever the tender is named. Each got the menu, or the tender form.
    @Test(arguments: [
        ("selamat pagi bu, perusahaan kami mau ikut tender tapi belum punya akun", "registrasi"),
        ("min akun saya terblokir", "reset_password"), ("user id saya lupa", "reset_password"),
        ("akun sy ke blokir", "reset_password"), ("akun kena blokir min", "reset_password"),
        ("mau ganti email di akun spse", "perubahan_data"),
        ("mau komplain, upload dokumen penawaran gagal", "pengaduan"),
        // A changed NPWP is a data change: it got the menu.
        ("npwp perusahaan berubah, harus update dimana?", "perubahan_data"), ("mau ganti npwp", "perubahan_data"),
    ])
    func howProvidersNameAServiceStartsIt(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .unknown, confidence: 0.4))
        #expect(chat.draft?.serviceID == service, "\(answer)")
    }

    /// "sy mau daftar verifikasi utk PT Maju Jaya, no direktur 0812…" starts the registration without asking the
    /// company, its legal form or the director's number again: the privacy notice comes next, and the summary
    /// shows what the message said.
    @Test func whatTheOpeningMessageSaysIsNotAskedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let entities = Entities(phone: "+6281298765432", company: Company(name: "PT Maju Jaya", form: .pt))
        let text = "sy mau daftar verifikasi utk PT Maju Jaya, no direktur 0812 9876 5432"
        let first = render(chat.type(text, .createTicket, confidence: 0.99, entities: entities))
        #expect(first.contains("Pemberitahuan pelindungan data pribadi"), "\(first)")
        #expect(!first.contains("Tulis nama badan usaha"), "\(first)")
        #expect(!first.contains("Nomor WhatsApp direksi"), "\(first)")
        _ = chat.tap("consent.yes")
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        _ = chat.pdf("m2", "npwp.pdf")
        let summary = render(chat.stored("m2", "npwp.pdf"))
        #expect(summary.contains("Nama usaha: PT Maju Jaya"), "\(summary)")
        #expect(summary.contains("Bentuk usaha: PT"), "\(summary)")
        #expect(summary.contains("No. WA direksi: +6281298765432"), "\(summary)")
    }

    /// A data change opened by what changes ("mau ganti email dan alamat perusahaan min") is asked for the new
    /// values, not only which data ("Data apa yang ingin diubah?", which the provider had said): staff need both.
    @Test func theDataChangeAsksWhatTheDataBecomes() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("mau ganti email dan alamat perusahaan min", .createTicket, confidence: 0.95)
        _ = chat.type("CV Maju Terus")
        let asked = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(asked.contains("Data apa yang ingin diubah, dan menjadi apa?"), "\(asked)")
        #expect(asked.contains("menjadi info@majujaya.co.id"), "with an example of old and new: \(asked)")
    }

    /// A request that says only which service ("mau daftar") asks every question; one naming just the company
    /// asks the rest.
    @Test func anOpeningMessageAnswersOnlyWhatItSays() throws {
        var bare = Transcript(catalogue: try Fixtures.catalogue())
        #expect(render(bare.type("mau daftar", .createTicket, confidence: 0.99)).contains("Tulis nama badan usaha"))
        var named = Transcript(catalogue: try Fixtures.catalogue())
        let entities = Entities(company: Company(name: "CV Sinar Abadi", form: .cv))
        let next = render(named.type("mau daftar cv sinar abadi", .createTicket, confidence: 0.99, entities: entities))
        #expect(next.contains("Nomor WhatsApp direksi"), "\(next)")
    }

    /// A complaint written in the message that asks for the complaint form is the complaint; "mau komplain"
    /// alone is not, and the complaint is asked.
    @Test func aComplaintInTheOpeningMessageIsTheComplaint() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "mau komplain min, upload dokumen penawaran gagal terus dari kemarin"
        let first = render(chat.type(text, .createTicket, confidence: 0.9))
        #expect(!first.contains("Tulis pengaduan Anda"), "\(first)")
        let draft = try #require(chat.draft, "no form started: \(first)")
        #expect(draft.answers["complaint"] == text)
        var short = Transcript(catalogue: try Fixtures.catalogue())
        #expect(render(short.type("mau komplain", .createTicket, confidence: 0.9)).contains("Tulis pengaduan Anda"))
    }

    /// A FAQ typed in words is answered from the FAQ, even when it reads like a status check or the office
    /// hours ("berapa lama proses verifikasi?"), and the question pending is asked again.
    @Test(arguments: [
        ("berapa lama proses verifikasi?", Intent.checkStatus, 0.97, "sekitar 1 jam kerja"),
        ("verifikasi berapa hari?", .hours, 0.96, "sekitar 1 jam kerja"),
        ("apakah ada biaya?", .checkStatus, 0.45, "tidak dipungut biaya"),
        ("bayar gak min?", .unknown, 0.56, "tidak dipungut biaya"),
        // A word's "-nya", and a question word at the end, as chat writes them.
        ("ada biayanya ga min?", .greeting, 0.49, "tidak dipungut biaya"),
        ("biaya pendaftaran berapa", .createTicket, 0.6, "tidak dipungut biaya"),
        // A payment, which the welcome and the menu met: free, and who asks for money is reported.
        ("mau konfirmasi pembayaran", .unknown, 0.5, "jangan dibayar"),
        ("sudah transfer untuk verifikasi, kemana konfirmasinya?", .unknown, 0.5, "tidak dipungut biaya"),
        ("prosesnya lama ga?", .checkStatus, 0.99, "sekitar 1 jam kerja"),
        // A question about registering, which started the registration with the question kept for staff.
        ("kalau perusahaan saya di luar kota bisa daftar di lpse sini?", .createTicket, 0.6, "di LPSE mana pun"),
        ("beda domisili bisa verifikasi di sini?", .unknown, 0.5, "di LPSE mana pun"),
        // Asked before any request: the menu came with no answer.
        ("apakah bisa vc hari sabtu?", .schedule, 0.66, "tidak ada jadwal pada Sabtu"),
        (
            "min saya sudah verifikasi tahun lalu, sekarang mau ikut tender di lpse sini, perlu verifikasi lagi ga?",
            .createTicket, 0.7, "di LPSE mana pun"
        ),
    ])
    func aTypedFAQIsAnswered(text: String, intent: Intent, confidence: Double, expected: String) throws {
        var idle = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(idle.type(text, intent, confidence: confidence))
        #expect(answer.contains(expected), "\(answer)")
        // A guess at the question comes with the menu; a confident one is answered as a command, alone.
        guard confidence >= 0.75 else { return #expect(answer.contains("Silakan pilih layanan"), "\(answer)") }
        var form = try Self.atCompanyQuestion()
        let inForm = render(form.type(text, intent, confidence: confidence))
        #expect(inForm.contains(expected), "\(inForm)")
        #expect(inForm.contains("Tulis nama badan usaha"), "\(inForm)")
        #expect(!inForm.contains("tidak memiliki tiket"), "\(inForm)")
    }

    /// With a ticket open, a message no service takes, written while the menu is shown ("p" brought it up), goes
    /// to the ticket as it would with no menu shown; with two open, the provider picks which. It got "Mohon
    /// pilih salah satu." before, and was gone. A short one still gets the menu's answer.
    @Test func aMessageWrittenAtTheMenuReachesTheOpenTicket() throws {
        let first = TicketSummary(
            number: 31, title: "Registrasi CV Maju", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [first])
        _ = chat.type("p", .greeting, confidence: 0.9)
        #expect(chat.state.step == .menu)
        let text = "ini ada akta pendirian juga min"
        let relayed = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(relayed.contains("⚙ appendToTicket #31: \(text)"), "\(relayed)")
        #expect(relayed.contains("diteruskan ke tiket #31") && !relayed.contains("Mohon pilih"), "\(relayed)")
        let second = TicketSummary(
            number: 32, title: "Reset Password", stateText: "Baru", waitingOn: "petugas", due: nil)
        var two = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [first, second])
        _ = two.type("p", .greeting, confidence: 0.9)
        let asked = render(two.type(text, .unknown, confidence: 0.5))
        #expect(asked.contains("#31") && asked.contains("#32") && !asked.contains("appendToTicket"), "\(asked)")
        #expect(render(two.tap("ticket.32")).contains("⚙ appendToTicket #32: \(text)"))
        var short = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [first])
        _ = short.type("p", .greeting, confidence: 0.9)
        #expect(render(short.type("apa ini")).contains("Mohon pilih"), "a short message is the menu's")
    }

    /// "tdk bs login spse", "email verifikasi ga masuk2": a short message no service takes, which the recognizer
    /// is sure asks for help, got the menu alone and was lost when a service was chosen. It is kept as a longer
    /// one is; a short message the recognizer is unsure of is not.
    @Test(arguments: ["tdk bs login spse", "email verifikasi ga masuk2"])
    func aShortRequestForHelpIsKeptForStaff(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let kept = render(chat.type(text, .createTicket, confidence: 0.97))
        #expect(kept.contains("Pesan Anda kami catat"), "\(kept)")
        #expect(chat.state.messagesBeforeRequest?.map(\.text) == [text])
        var unsure = Transcript(catalogue: try Fixtures.catalogue())
        let menu = render(unsure.type(text, .createTicket, confidence: 0.5))
        #expect(!menu.contains("Pesan Anda kami catat"), "\(menu)")
    }

    /// A message no service takes, written while only the menu is asked ("min akun saya masih belum bisa login
    /// lagi nih"), is kept: the menu says how to hand it to staff, and "petugas" then carries it to the ticket
    /// staff open. A service chosen instead drops it.
    @Test func aMessageNoServiceTakesIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("halo")
        let text = "min akun saya masih belum bisa login lagi nih"
        let kept = render(chat.type(text, .createTicket, confidence: 0.93))
        #expect(kept.contains("Pesan Anda kami catat"), "\(kept)")
        #expect(kept.contains("Silakan pilih layanan"), "\(kept)")
        #expect(!kept.contains("selamat datang"), "welcomed once, by the menu just shown: \(kept)")
        var first = Transcript(catalogue: try Fixtures.catalogue())
        let opening = render(first.type(text, .createTicket, confidence: 0.93))
        #expect(opening.contains("selamat datang") && opening.contains("Pesan Anda kami catat"), "\(opening)")
        _ = chat.tap("menu.human")
        let opened = render(chat.event(.ticketOpened(number: 1400)))
        #expect(opened.contains("⚙ appendToTicket #1400: \(text)"), "\(opened)")
        #expect(chat.state.messagesBeforeRequest == nil)
        var other = Transcript(catalogue: try Fixtures.catalogue())
        _ = other.type("halo")
        _ = other.type("pokoknya saya bingung sekali dengan semua ini")
        _ = other.tap("menu.registrasi")
        #expect(other.state.messagesBeforeRequest == nil, "the form takes over")
        var short = Transcript(catalogue: try Fixtures.catalogue())
        _ = short.type("halo")
        #expect(!render(short.type("apa ini")).contains("Pesan Anda kami catat"), "a short message is not kept")
    }

    /// A new request typed in the middle of a survey starts that request with what it says; the survey is
    /// parked for later.
    @Test func aRequestNamedDuringASurveyStartsIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 7))
        _ = chat.type("4")
        let entities = Entities(company: Company(name: "CV Sari Dua", form: .cv))
        let text = "mau daftar lagi untuk perusahaan lain, CV Sari Dua"
        let answer = render(chat.type(text, .createTicket, confidence: 0.99, entities: entities))
        #expect(answer.contains("Nomor WhatsApp direksi"), "the company is not asked: \(answer)")
        #expect(!answer.contains("Silakan pilih layanan"), "\(answer)")
        #expect(chat.state.parkedSurvey?.ticket == 7)
    }

    /// A tender problem written in the first message starts the tender form with what it says: the kode tender
    /// and the problem are not asked again. The service named first wins: a "mau komplain" before the subject is
    /// a complaint (above).
    @Test func aTenderProblemInTheOpeningMessageStartsTheTenderForm() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "min mau tanya, kenapa sy gak bisa upload dokumen penawaran di tender kode 12345678 ya? muncul error"
        let first = render(chat.type(text, .createTicket, confidence: 0.99, entities: Entities(kodeTender: "12345678")))
        let draft = try #require(chat.draft, "no form started: \(first)")
        #expect(draft.serviceID == "tender")
        #expect(draft.answers["kode_tender"] == "12345678", "\(draft.answers)")
        #expect(draft.answers["problem"] == text, "\(draft.answers)")
    }

    /// An opening that says what goes wrong in fewer than ten words ("kok", "gagal") is the problem itself: it
    /// was kept as a question and "Jelaskan masalah yang Anda alami." asked after the kode tender. One that only
    /// names the problem's kind is not.
    @Test(arguments: [
        ("min, jadwal tender di paket saya kok berubah sendiri?", true), ("upload penawaran gagal terus min", false),
        ("mau lapor masalah tender min", false),
    ])
    func aShortProblemInTheOpeningMessageIsTheProblem(text: String, taken: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type(text, .createTicket, confidence: 0.95)
        let draft = try #require(chat.draft)
        #expect(draft.serviceID == "tender")
        #expect((draft.answers["problem"] == text) == taken, "\(draft.answers)")
        _ = chat.tap("opt.2")
        _ = chat.type("198503152010011003", entities: Entities(nip: "198503152010011003"))
        let next = render(chat.type("10012345000", entities: Entities(kodeTender: "10012345000")))
        #expect(next.contains("Jelaskan masalah") != taken, "\(next)")
    }

    /// A complaint the recognizer reads as something else it is unsure of (a schedule question at 0.39) still
    /// starts the complaint form, with the complaint filled in; a confident other intent does not.
    @Test func aServiceNamedUnderAnUnsureIntentStartsIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "saya mau komplain, petugas verifikasi tidak datang di jadwal video call kemarin"
        let first = render(chat.type(text, .schedule, confidence: 0.39))
        let draft = try #require(chat.draft, "no form started: \(first)")
        #expect(draft.serviceID == "pengaduan" && draft.answers["complaint"] == text, "\(draft)")
        var sure = Transcript(catalogue: try Fixtures.catalogue())
        _ = sure.type("status komplain saya gimana", .checkStatus, confidence: 0.97)
        if case .intake = sure.state.step { Issue.record("a confident status check started a form") }
    }

    /// A screenshot sent with a complaint before the privacy notice is accepted: the summary comes once, with the
    /// file, after it is received; it came twice before, the first time without it.
    @Test func theSummaryWaitsForAFileStillBeingReceived() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type(
            "saya mau komplain, petugas verifikasi tidak datang di jadwal video call kemarin", .createTicket,
            confidence: 0.99)
        _ = chat.message(.image(mediaID: "img1", caption: "bukti chat"))
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia img1 for attachment-1"), "\(consent)")
        #expect(consent.contains("ringkasan permohonan menyusul"), "\(consent)")
        #expect(!consent.contains("Ringkasan permohonan Anda"), "\(consent)")
        let stored = render(chat.stored("img1", "foto-1.jpg"))
        #expect(stored.contains("Ringkasan permohonan Anda") && stored.contains("Lampiran (foto-1.jpg)"), "\(stored)")
    }

    /// "npwp 01.234.567.8-901.000" where the tender's form asks for an NPWP or a NIP was "tidak valid": the word
    /// before the number kept it from being read, though the recognizer found the NPWP. Either number is taken
    /// as the recognizer reads it, with words around it.
    @Test(arguments: [
        ("npwp 01.234.567.8-901.000", Entities(npwp: "012345678901000"), "012345678901000"),
        ("nip saya 19800101 200604 1 001", Entities(nip: "198001012006041001"), "198001012006041001"),
    ])
    func aNumberWithWordsAroundItAnswersTheNPWPOrNIP(text: String, entities: Entities, stored: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let opening = "min sy penyedia, tidak bisa upload penawaran di tender 10234567 error terus"
        _ = chat.type(opening, .createTicket, confidence: 0.99, entities: Entities(kodeTender: "10234567"))
        let answer = render(chat.type(text, entities: entities))
        #expect(!answer.contains("tidak valid"), "\(answer)")
        let draft = try #require(chat.draft)
        #expect(draft.answers.values.contains(stored), "\(draft.answers)")
    }

    /// "udah itu aja" (that's all), written after a screenshot while the privacy notice was asked, was read as
    /// consent, since the recognizer reads it as a yes. Consent is given in so many words; "sudah" alone and
    /// "iya setuju, itu aja" still give it.
    @Test(arguments: [
        ("udah itu aja", Intent.affirm, false), ("itu aja min", .deny, false), ("sudah semua", .affirm, false),
        ("sudah", .affirm, true), ("iya setuju, itu aja", .affirm, true),
    ])
    func nothingMoreToSendIsNotConsent(text: String, intent: Intent, consents: Bool) throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        let answer = render(chat.type(text, intent, confidence: 0.98))
        #expect(answer.contains("recordConsent") == consents, "\(answer)")
        #expect(answer.contains("Apakah Anda setuju?") == !consents, "asked again: \(answer)")
    }

    @Test func nothingMoreToSendAtTheChecklistSaysWhatIsMissing() throws {
        var chat = try Self.withKTPStored()
        let answer = render(chat.type("itu aja min"))
        #expect(answer.contains("Masih kurang: NPWP Perusahaan"), "\(answer)")
        let later = render(chat.type("itu dulu ya min, npwp nyusul"))
        #expect(later.contains("Tidak apa-apa") && later.contains("NPWP Perusahaan"), "put off: \(later)")
    }

    /// The SPSE account's user ID written where a number is asked ("user id nya karyamandiri01" at the reset's
    /// NPWP) got "NPWP harus 15 atau 16 digit" and was gone; it is kept for staff, who need it to reset the
    /// password, and the number is asked again with no wrong answer counted.
    @Test(arguments: [
        ("menu.reset_password", "user id nya karyamandiri01", "Tulis NPWP badan usaha"),
        ("menu.reset_password", "username: karya_mandiri", "Tulis NPWP badan usaha"),
        ("menu.registrasi", "user-id kami dulu majujaya88", "Nomor WhatsApp direksi"),
    ])
    func anAccountNamedWhereANumberIsAskedIsKept(menu: String, text: String, asked: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(menu)
        _ = chat.type("PT Karya Mandiri")
        let answer = render(chat.type(text))
        #expect(answer.contains("Keterangan Anda tentang User ID kami catat untuk petugas"), "\(answer)")
        #expect(answer.contains(asked), "\(answer)")
        #expect(!answer.contains("NPWP harus") && !answer.contains("berisi huruf"), "\(answer)")
        #expect(chat.draft?.remarks == [text], "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        // The number asked, written with an account's name, answers the question, as before.
        let typed = asked.hasPrefix("Tulis NPWP") ? "01.234.567.8-901.000" : "0812-3456-7890"
        let number = render(try chat.read(typed + " user id karya01"))
        #expect(!number.contains("User ID kami catat") && !number.contains(asked), "moved on: \(number)")
        #expect(chat.state.invalidAnswers == 0, "\(number)")
    }

    /// The same at the privacy notice, the checklist and the summary, where the user ID got "Mohon pilih salah
    /// satu." or "Kami menunggu file PDF" and was gone; an e-mail address is noted at each as well.
    @Test(arguments: ["consent", "checklist", "summary"], ["user id kami karya01", "email akun budi@karya.co.id"])
    func anAccountNamedAtAnyStepOfAFormIsKept(step: String, text: String) throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        if step != "consent" { _ = chat.tap("consent.yes") }
        if step == "summary" { _ = chat.sendDocuments("ktp.pdf", "npwp.pdf") }
        let answer = render(chat.type(text))
        // At the checklist, an e-mail is also told the documents come as PDF files in the chat, not by e-mail.
        let noted =
            !text.contains("@")
            ? "tentang User ID kami catat"
            : step == "checklist" ? "Keterangan Anda kami catat" : "Email budi@karya.co.id kami catat"
        #expect(answer.contains(noted), "\(answer)")
        #expect(chat.draft?.remarks == [text], "\(answer)")
        #expect(chat.state.invalidAnswers == 0, "\(answer)")
    }

    /// The documents still missing are named as a sentence lists them, in the provider's language: "KTP/KITAS
    /// Direktur dan NPWP Perusahaan", not "KTP/KITAS Direktur, NPWP Perusahaan".
    @Test func missingDocumentsAreListedAsASentenceListsThem() throws {
        var chat = try Self.atChecklist(company: "PT Maju Jaya")
        let answer = render(chat.type("itu aja min"))
        #expect(answer.contains("Masih kurang: KTP/KITAS Direktur dan NPWP Perusahaan."), "\(answer)")
        var turn = ConversationTurn(state: chat.state, context: chat.context)
        #expect(turn.listed(["KTP", "NPWP", "NIB"]) == "KTP, NPWP dan NIB")
        #expect(turn.listed(["NPWP"]) == "NPWP")
        #expect(turn.listed([]) == "")
        turn.state.language = .english
        #expect(turn.listed(["ID card", "NPWP", "NIB"]) == "ID card, NPWP and NIB")
    }

    /// "udah itu aja" where the director's number is asked got "the number is not valid", as if it were one; it is
    /// no answer, as "selesai" there is not: the form is said to need it. Where a question is asked in free text,
    /// it is not the question.
    @Test(arguments: ["udah itu aja", "sudah semua min", "itu aja min"])
    func nothingMoreToSendWhereAnAnswerIsAskedIsNone(text: String) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type(text, .affirm, confidence: 0.9))
        #expect(answer.contains("Permohonan Anda belum selesai: pertanyaan ini masih perlu dijawab."), "\(answer)")
        #expect(chat.draft?.answers.count == 1, "\(chat.draft?.answers ?? [:])")

        var asking = Transcript(catalogue: try Fixtures.catalogue())
        _ = asking.tap("menu.konsultasi")
        let bare = render(asking.type(text, .affirm, confidence: 0.9))
        #expect(bare.contains("belum menjawab pertanyaan ini"), "\(bare)")
        #expect(asking.draft?.answers.isEmpty == true, "\(asking.draft?.answers ?? [:])")
    }

    /// "npwp nya ada di file yg saya kirim" where the NPWP is asked was kept as a note and the question asked
    /// again without a word on it: the provider is asked to type the answer, which staff check the files against.
    /// A number written with such words is taken.
    @Test func anAnswerSaidToBeInAFileIsAskedToBeTyped() throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type("nomornya ada di file ktp direktur min"))
        #expect(answer.contains("Mohon ketik jawabannya di sini juga"), "\(answer)")
        #expect(chat.draft?.remarks == nil, "\(chat.draft?.remarks ?? [])")
        let english = render(chat.type("it's in the attachment"))
        #expect(english.contains("Mohon ketik jawabannya"), "\(english)")
        let typed = render(chat.type("0812-3456-7890, ada di file juga", entities: Entities(phone: "+6281234567890")))
        #expect(!typed.contains("Mohon ketik jawabannya"), "\(typed)")
        #expect(chat.draft?.answers.values.contains("+6281234567890") == true, "\(chat.draft?.answers ?? [:])")
    }

    /// "lupa user id, email terdaftar budi@majujaya.co.id" started the password reset and the address was gone: no
    /// question asks for it. The message is kept among the form's notes for staff, and said so; a data change whose
    /// opening message answers what changes keeps it there alone.
    @Test func anEmailInTheOpeningMessageIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let opening = "lupa user id, email terdaftar budi@majujaya.co.id"
        let answer = render(chat.type(opening, .createTicket, confidence: 0.95))
        #expect(
            answer.contains("Reset Password") && answer.contains("✅ Email budi@majujaya.co.id kami catat"), "\(answer)")
        #expect(chat.draft?.remarks == [opening], "\(chat.draft?.remarks ?? [])")

        var change = Transcript(catalogue: try Fixtures.catalogue())
        let changing = "mau ganti email akun spse dari lama@yahoo.com ke baru@majujaya.co.id"
        _ = change.type(changing, .createTicket, confidence: 0.95)
        let draft = try #require(change.draft)
        #expect(draft.answers.values.contains(changing) != (draft.remarks == [changing]), "\(draft)")
    }

    /// A message kept while the menu was asked ("Pesan Anda kami catat. Pilih layanan …") was dropped when a service
    /// was then chosen: the form asked for the complaint it had just been told. It opens the form as an opening
    /// message would, and what no question takes goes among the notes for staff, said so.
    @Test func aMessageKeptAtTheMenuGoesWithTheServiceChosenAfter() throws {
        let complaint = "petugas verifikasi kemarin tidak menelpon padahal sudah dijadwalkan jam 10"
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let kept = render(chat.type(complaint, .unknown, confidence: 0.4))
        #expect(kept.contains("Pesan Anda kami catat"), "\(kept)")
        let started = render(chat.tap("menu.pengaduan"))
        #expect(chat.draft?.answers.values.contains(complaint) == true, "\(chat.draft?.answers ?? [:])")
        #expect(!started.contains("Tulis pengaduan Anda."), "not asked again: \(started)")

        var reset = Transcript(catalogue: try Fixtures.catalogue())
        let plea = "tolong dibantu ya min, dari kemarin tidak bisa masuk"
        _ = reset.type(plea, .unknown, confidence: 0.4)
        let form = render(reset.tap("menu.reset_password"))
        #expect(form.contains("Pesan Anda sebelumnya kami sertakan dalam permohonan ini"), "\(form)")
        #expect(reset.draft?.remarks == [plea], "\(reset.draft?.remarks ?? [])")
    }

    /// "wa.me/6281234567890", a chat link shared where the director's number is asked, was said to hold letters
    /// in place of digits; its number is the answer.
    @Test(arguments: ["wa.me/6281234567890", "ini wa nya https://wa.me/6281234567890"])
    func aWhatsAppLinkWhereTheNumberIsAskedGivesIt(text: String) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type(text))
        #expect(!answer.contains("berisi huruf") && answer.contains("Pemberitahuan pelindungan data"), "\(answer)")
        #expect(chat.draft?.answers.values.contains("+6281234567890") == true, "\(chat.draft?.answers ?? [:])")
    }

    /// "budi@berkahjaya.co.id" where the director's number is asked got "that is not a valid Indonesian mobile
    /// number". The address is kept among the form's notes for staff, said so, and the number asked again.
    @Test func anEmailWhereANumberIsAskedIsKeptForStaff() throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type("email akun kami Budi@BerkahJaya.co.id"))
        #expect(answer.contains("✅ Email budi@berkahjaya.co.id kami catat untuk petugas."), "\(answer)")
        #expect(!answer.contains("tidak valid") && !answer.contains("bukan nomor HP"), "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi/pimpinan"), "asked again: \(answer)")
        #expect(chat.draft?.remarks == ["email akun kami Budi@BerkahJaya.co.id"], "\(chat.draft?.remarks ?? [])")
    }

    /// "sy penyedia" in the opening message answers "as what?": the role is not asked. A message naming two roles,
    /// or none, leaves it to be asked.
    @Test func theRoleNamedInTheOpeningMessageIsNotAskedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "min sy penyedia, tidak bisa upload penawaran di tender 10234567 error terus"
        let first = render(chat.type(text, .createTicket, confidence: 0.99, entities: Entities(kodeTender: "10234567")))
        #expect(first.contains("Tulis NPWP (penyedia) atau NIP (pejabat)"), "\(first)")
        #expect(!first.contains("Anda mengajukan sebagai apa?"), "\(first)")
        let draft = try #require(chat.draft, "no form started: \(first)")
        #expect(draft.answers["role"] == "Penyedia", "\(draft.answers)")
        var pokja = Transcript(catalogue: try Fixtures.catalogue())
        _ = pokja.type("kami pokja, ada masalah di tender 10234567", .createTicket, confidence: 0.99)
        let named = try #require(pokja.draft, "no form started")
        #expect(named.answers["role"] == "Pokja/PP", "\(named.answers)")
        var both = Transcript(catalogue: try Fixtures.catalogue())
        let asked = render(both.type("ppk dan penyedia sama2 gak bisa buka tender", .createTicket, confidence: 0.99))
        #expect(asked.contains("Anda mengajukan sebagai apa?"), "\(asked)")
    }

    /// A problem only a provider has ("tidak bisa upload penawaran", "penawaran kami digugurkan pokja", "mau ikut
    /// tender") answers
    /// "as what?" as a provider, and the role was asked; one who says what they are keeps it ("sebagai pokja, …
    /// peserta tidak bisa upload penawaran"), and two roles named alike still leave it to be asked.
    @Test(arguments: [
        ("min, tender 10234567 kok ga bisa upload penawaran, error terus", "Penyedia"),
        ("penawaran kami digugurkan pokja tanpa alasan, kode tender 10234567", "Penyedia"),
        ("sebagai pokja, peserta tender 10234567 tidak bisa upload penawaran", "Pokja/PP"),
        ("saya ppk, paket 10234567 jadwalnya tidak bisa diubah", "PPK"),
        // Taking part in a tender is a provider's: it was asked "Anda mengajukan sebagai apa?".
        ("akun saya terverifikasi tapi pas mau ikut tender kok tidak bisa download dokumen pemilihan", "Penyedia"),
    ])
    func aProblemOnlyOneRoleHasAnswersTheRole(text: String, role: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.type(text, .createTicket, confidence: 0.99, entities: Entities(kodeTender: "10234567")))
        let draft = try #require(chat.draft, "no form started: \(first)")
        #expect(draft.answers["role"] == role, "\(draft.answers)")
        #expect(!first.contains("Anda mengajukan sebagai apa?"), "\(first)")
    }

    /// A service asked for in chat shorthand ("lupa pw", "dftr akun", "komplen", "konsul") starts, as its full
    /// words do; it got the welcome and the menu before. The words as the recognizer read them count.
    @Test(arguments: [
        ("lupa pw", "Reset Password"), ("dftr akun", "Registrasi"), ("komplen", "Pengaduan"),
        ("konsul", "Konsultasi SPSE"), ("rst pass", "Reset Password"),
    ])
    func aServiceAskedForInShorthandStarts(text: String, service: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("Baik, kita mulai permohonan \(service)"), "\(answer)")
    }

    /// A request that opens with a salam ("assalamualaikum, mau reset password …") has it answered before the
    /// form starts; one without does not.
    @Test func aSalamOpeningARequestIsAnswered() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("assalamualaikum, mau reset password akun spse", .createTicket, confidence: 0.95))
        #expect(answer.contains("Waalaikumsalam. Baik, kita mulai permohonan Reset Password"), "\(answer)")
        var plain = Transcript(catalogue: try Fixtures.catalogue())
        let started = render(plain.type("mau reset password akun spse", .createTicket, confidence: 0.95))
        #expect(started.contains("Baik, kita mulai") && !started.contains("Waalaikumsalam"), "\(started)")
    }

    /// A salam that opens the conversation is answered whatever the reply is: a ticket's status asked about ("…
    /// ingin menanyakan perihal proses verifikasi akun kami … belum ada kabar") and the hours got no
    /// "Waalaikumsalam.", where the welcome and a form's start had it; it is said once.
    @Test(arguments: [
        (
            "Assalamualaikum wr wb. Mohon maaf mengganggu, kami dari PT Karya Bangun Nusantara ingin menanyakan "
                + "perihal proses verifikasi akun kami yang sudah diajukan 2 minggu lalu namun belum ada kabar.",
            "Anda tidak memiliki tiket"
        ),
        ("assalamualaikum, jam buka kantor?", "Layanan helpdesk: Senin"),
        ("assalamualaikum min, mau daftar", "Baik, kita mulai permohonan Registrasi"),
        ("assalamualaikum", "selamat datang"),
    ])
    func aSalamOpeningAnyAnswerIsAnswered(text: String, answer expected: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("› Waalaikumsalam. ") && answer.contains(expected), "\(answer)")
        #expect(answer.components(separatedBy: "Waalaikumsalam").count == 2, "\(answer)")
    }

    /// The role typed where it is asked ("saya penyedia", "sebagai pokja …") answers it, as a tap would; one that
    /// explains too gives the problem, which is then not asked. Both got "Mohon pilih salah satu." before.
    @Test func theRoleTypedInWordsWhereItIsAskedAnswersIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        let next = render(chat.type("saya penyedia"))
        #expect(next.contains("Tulis NPWP (penyedia) atau NIP (pejabat)"), "\(next)")
        #expect(chat.draft?.answers["role"] == "Penyedia")
        var pokja = Transcript(catalogue: try Fixtures.catalogue())
        _ = pokja.tap("menu.tender")
        let text = "sebagai pokja, tidak bisa membuka dokumen penawaran peserta sejak pagi"
        _ = pokja.type(text)
        #expect(pokja.draft?.answers["role"] == "Pokja/PP")
        #expect(pokja.draft?.answers["problem"] == text, "\(pokja.draft?.answers ?? [:])")
        var neither = Transcript(catalogue: try Fixtures.catalogue())
        _ = neither.tap("menu.tender")
        let asked = render(neither.type("ppk dan penyedia"))
        #expect(asked.contains("Mohon pilih salah satu"), "two roles are no answer: \(asked)")
    }

    /// An NPWP written where the role is asked is kept for the NPWP/NIP question, which is then not asked; the
    /// role is asked again. It got "Mohon pilih salah satu." before, and was gone.
    @Test func anNPWPAtTheRoleQuestionIsKeptForItsOwnQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        let text = "npwp kami 01.234.567.8-901.000"
        let kept = render(chat.type(text, entities: Entities(npwp: "012345678901000")))
        #expect(
            kept.contains("✅ NPWP/NIP 01.234.567.8-901.000 kami catat, jadi nanti tidak ditanyakan lagi."), "\(kept)")
        #expect(kept.contains("Anda mengajukan sebagai apa?"), "asked again: \(kept)")
        let next = render(chat.tap("opt.0"))
        #expect(next.contains("Tulis kode tender"), "the NPWP is not asked: \(next)")
    }

    /// The kode tender with words around it where it is asked ("kode tendernya 10012345000", "ini min
    /// 10012345000") is taken; "Kode tender berisi angka, tanpa spasi." refused it. A mobile number or two numbers
    /// are no code.
    @Test(arguments: [
        ("kode tendernya 10012345000", Entities(kodeTender: "10012345000"), true),
        ("ini min 10012345000", Entities(), true), ("yg 10012345000 ya", Entities(), true),
        ("0812 3456 7890", Entities(phone: "+6281234567890"), false), ("10012345 atau 10012346", Entities(), false),
    ])
    func aKodeTenderWithWordsAroundItIsTaken(text: String, entities: Entities, taken: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        _ = chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        let reply = render(chat.type(text, entities: entities))
        let code = text.split { !$0.isNumber }.first.map(String.init)
        #expect((chat.draft?.answers["kode_tender"] == code) == taken, "\(reply)")
        #expect(reply.contains("Tulis kode tender") != taken, "\(reply)")
    }

    /// "10234567" typed where the NPWP or NIP is asked was refused as "berisi 8 digit": a number alone too short
    /// for either, with the kode tender still to be asked, is that code typed ahead. A longer number (a mistyped
    /// NPWP) is refused as before.
    @Test(arguments: [("10234567", true), ("100234567", true), ("0123456789012", false), ("1234", false)])
    func aKodeTenderTypedWhereTheNPWPIsAskedIsKeptForItsQuestion(text: String, kept: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        let reply = render(chat.type(text))
        #expect((chat.draft?.answers["kode_tender"] == text.filter(\.isNumber)) == kept, "\(reply)")
        #expect(reply.contains("✅ Kode tender") == kept, "\(reply)")
        #expect(reply.contains("Tulis NPWP (penyedia) atau NIP (pejabat)."), "asked again: \(reply)")
        guard kept else { return }
        let next = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(!next.contains("Tulis kode tender"), "the code is not asked: \(next)")
    }

    /// "setuju", "ya", "ok siap" where the NPWP or NIP or the kode tender is asked got "berisi angka, tanpa spasi", as
    /// if a number were written wrongly: they are a yes, no answer, and the question is asked again. "belum tau
    /// kodenya" (the spelling of "belum tahu" that chats use) was refused the same way: the form waits for it.
    @Test(arguments: [("setuju", Intent.affirm, 0.97), ("ya", .affirm, 0.97), ("ok siap", .affirm, 0.95)])
    func aYesWhereANumberIsAskedIsNoAnswer(text: String, intent: Intent, confidence: Double) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        let answered = chat.draft?.answers
        let reply = render(chat.type(text, intent, confidence: confidence))
        #expect(reply.contains("\"\(text)\" belum menjawab pertanyaan ini."), "\(reply)")
        #expect(reply.contains("Tulis NPWP (penyedia) atau NIP (pejabat)."), "asked again: \(reply)")
        #expect(!reply.contains("digit") && chat.draft?.answers == answered, "\(reply)")
    }

    @Test(arguments: ["belum tau npwp nya", "blm tau min", "gatau kak"])
    func notKnowingTheNumberYetIsWaitedFor(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        let reply = render(chat.type(text, .unknown, confidence: 0.6))
        #expect(reply.contains("Tidak apa-apa, permohonan ini kami simpan."), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
    }

    /// "belum tau nomor direkturnya", then "ok" to "Tidak apa-apa, permohonan ini kami simpan…": the "ok" was the
    /// director's-number question's yes, and the provider's own number became the director's. After a question is
    /// put off, a bare acknowledgement answers nothing and is not a wrong answer; the number typed, or the own
    /// number in so many words ("nomor ini aja"), still answers it.
    @Test(arguments: [
        ("ok", Intent.affirm, nil), ("siap min", .affirm, nil), ("oke baik", .affirm, nil),
        ("081298765432", .unknown, "+6281298765432"), ("nomor ini aja", .unknown, "+6281234567890"),
    ])
    func anOkAfterPuttingTheDirectorsNumberOffAnswersNothing(text: String, intent: Intent, phone: String?) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let later = render(chat.type("belum tau nomor direkturnya", .unknown, confidence: 0.6))
        #expect(later.contains("Tidak apa-apa, permohonan ini kami simpan."), "\(later)")
        let entities = EntityExtractor().extract(from: text, now: chat.now)
        let reply = render(chat.type(text, intent, confidence: 0.95, entities: entities))
        #expect(chat.draft?.answers["director_phone"] == phone, "\(reply)")
        #expect((phone == nil) == reply.contains("Baik, kami tunggu no. WA direksi di chat ini."), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
        // Without the wait, a yes is the own number, as the question's only button says.
        var asked = Transcript(catalogue: try Fixtures.catalogue())
        _ = asked.tap("menu.registrasi")
        _ = asked.type("PT Maju Jaya")
        _ = asked.type("ok", .affirm, confidence: 0.95)
        #expect(asked.draft?.answers["director_phone"] == "+6281234567890")
    }

    /// At the director's number, "saya sendiri direkturnya" (the provider is the director) got "Nomor itu bukan
    /// nomor HP Indonesia yang valid.", and so did "bukan, nomor direktur beda", which has no number at all. Being
    /// the director is the own number; a message without a number is asked for one, not told it is invalid, and
    /// one that says the number is another is asked for it with no wrong answer counted.
    @Test(
        arguments: [
            ("saya sendiri direkturnya", "+6281234567890", nil), ("sy direkturnya min", "+6281234567890", nil),
            ("I am the director", "+6281234567890", nil),
            ("saya bukan direkturnya", nil, "Baik, tulis nomor WhatsApp direksi/pimpinan di sini"),
            ("bukan, nomor direktur beda", nil, "Baik, tulis nomor WhatsApp direksi/pimpinan di sini"),
            ("0812345", nil, "Nomor itu bukan nomor HP Indonesia yang valid."),
        ] as [(String, String?, String?)])
    func beingTheDirectorIsTheOwnNumberAndNoNumberIsAskedFor(text: String, phone: String?, said: String?) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let reply = render(try chat.read(text))
        #expect(chat.draft?.answers["director_phone"] == phone, "\(reply)")
        if let said { #expect(reply.contains(said), "\(reply)") }
    }

    /// "I don't know the director's number yet" was kept as an explanation and the question asked again, so the
    /// "ok" after it took the provider's own number: "don't know" said in other words than "don't know yet" puts
    /// the question off too.
    @Test(arguments: ["I don't know the director's number yet", "we do not know his number", "not sure yet"])
    func notKnowingTheDirectorsNumberInEnglishIsWaitedFor(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("english")
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let later = render(chat.type(text, .unknown, confidence: 0.5))
        #expect(later.contains("No problem, we keep this request."), "\(later)")
        let reply = render(chat.type("ok", .affirm, confidence: 0.95))
        #expect(chat.draft?.answers["director_phone"] == nil, "\(reply)")
        #expect(reply.contains("All right, we will wait for the director's WhatsApp in this chat."), "\(reply)")
    }

    /// The same at a number's question: "npwp nya lagi dicari", then "ok", got "\"ok\" belum menjawab pertanyaan
    /// ini." and counted as a wrong answer.
    @Test func anOkAfterPuttingANumberOffIsNoWrongAnswer() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        _ = chat.type("npwp nya lagi dicari", .unknown, confidence: 0.6)
        let reply = render(chat.type("ok", .affirm, confidence: 0.97))
        #expect(reply.contains("Baik, kami tunggu NPWP/NIP di chat ini."), "\(reply)")
        #expect(chat.state.invalidAnswers == 0, "\(reply)")
    }

    /// "direktur yg baru pak Budi Santoso, no hp nya 0813-9876-5432" where the director's number is asked: the
    /// number answered and the name of the new director was dropped, as was the second of two numbers. A message
    /// that says more than the number goes among the form's notes for staff too; one that only names the number
    /// ("no hp direktur saya …", "npwp nya … min") does not; one that names a person after a form of address
    /// ("(pak budi)") does.
    @Test(arguments: [
        ("direktur yg baru pak Budi Santoso, no hp nya 0813-9876-5432", true),
        ("0813-9876-5432 atas nama Budi Santoso", true),
        ("0813-9876-5432 / 0812 1111 2222", true), ("0813-9876-5432, 0812-1111-2222", true),
        ("no hp direktur saya 0813-9876-5432", false), ("ini nomornya min 0813-9876-5432", false),
        ("0813-9876-5432", false),
        // One name after a form of address was dropped too.
        ("no hp direktur: 0813-9876-5432 (pak budi)", true), ("0813-9876-5432 ibu sari", true),
        ("nomor pak direktur 0813-9876-5432", false),
    ])
    func wordsBesideTheNumberAreKeptForStaff(text: String, kept: Bool) throws {
        #expect(ConversationTurn.longNumbers(in: "+62 812 3456 7890 (kantor: 021-555-1234)") == 2)
        #expect(ConversationTurn.longNumbers(in: "npwp 01.234.567.8-901.000, kode 10234567") == 2)
        var chat = try Self.atPhoneQuestion()
        let reply = render(chat.type(text, entities: Entities(phone: "+6281398765432")))
        #expect(chat.draft?.answers.values.contains("+6281398765432") == true, "\(reply)")
        #expect((chat.draft?.remarks ?? []) == (kept ? [text] : []), "\(chat.draft?.remarks ?? [])")
    }

    /// "my company is PT Global Tekno, NPWP 01.234.567.8-901.000" where the company is asked became the name "Global
    /// Tekno, NPWP 01.234.567.8-901.000", and the NPWP was asked next. The company is the name the recognizer
    /// read and each number answers its own question, as in a message that opens the form; in a form that asks
    /// for no NPWP, the message goes among the notes for staff.
    @Test(arguments: [
        ("my company is PT Global Tekno, NPWP 01.234.567.8-901.000", "menu.reset_password", false),
        ("PT Global Tekno npwp nya 01.234.567.8-901.000", "menu.registrasi", true),
        ("CV Global Tekno, no hp direktur 0812-3456-7890", "menu.registrasi", false),
    ])
    func numbersBesideTheCompanyAnswerTheirOwnQuestions(text: String, service: String, kept: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap(service)
        let entities = EntityExtractor().extract(from: text, now: Date())
        let reply = render(chat.type(text, entities: entities))
        #expect(chat.draft?.answers.values.contains("Global Tekno") == true, "\(chat.draft?.answers ?? [:])")
        #expect(!reply.contains("NPWP badan usaha (15 atau 16 digit)"), "the NPWP is not asked: \(reply)")
        // The English message is answered in English.
        let phoneAsked = reply.contains("Nomor WhatsApp direksi") || reply.contains("The director's WhatsApp number")
        #expect(!phoneAsked == text.contains("0812"), "\(reply)")
        #expect((chat.draft?.remarks ?? []) == (kept ? [text] : []), "\(chat.draft?.remarks ?? [])")
    }

    /// "kami dari cv maju jaya, mau daftar tapi bingung soal dokumen …, bagaimana ya min?" where the company is
    /// asked got "Nama badan usaha belum terbaca.": a message too long to be a name. The company named in it answers
    /// the question, and the message is kept for staff, said to be: a question as a question.
    @Test(arguments: [
        (
            "kami dari cv maju jaya, mau daftar tapi bingung soal dokumen yang harus disiapkan karena direktur sedang "
                + "di luar kota sampai minggu depan, bagaimana ya min?", "❓ Pertanyaan Anda kami catat untuk petugas"
        ),
        (
            "Perusahaan kami PT Maju Jaya, sudah berdiri sejak 2015 dan bergerak di bidang konstruksi jalan dan "
                + "jembatan di Kabupaten Bogor.", "✅ Keterangan Anda kami catat untuk petugas."
        ),
        (
            "kami PT Maju Jaya, baru pertama kali mau ikut tender di lpse ini, untuk daftar penyedia syaratnya apa "
                + "aja ya min? kantor kami di depok", "dokumen yang nanti diminta"
        ),
    ])
    func aCompanyNamedInALongerMessageAnswersAndTheRestIsKept(text: String, said: String) throws {
        var chat = try Self.atCompanyQuestion()
        let entities = EntityExtractor().extract(from: text, now: Date())
        let reply = render(chat.type(text, entities: entities))
        #expect(chat.draft?.answers.values.contains("Maju Jaya") == true, "\(chat.draft?.answers ?? [:])")
        #expect(reply.contains(said) && reply.contains("Nomor WhatsApp direksi"), "\(reply)")
        #expect(chat.draft?.remarks == [text], "\(chat.draft?.remarks ?? [])")
    }

    /// "saya PPK, paket 10234567 jadwalnya tidak bisa diubah padahal sudah addendum" got the menu ("sudah addendum"
    /// is done, not asked for), and "paket 10234567 kok ga muncul di daftar paket saya" the registration (its
    /// "daftar" is a list). A kode tender with a problem asks for the form that takes the code, which it opens as
    /// any opening message; one with no problem does not.
    @Test(arguments: [
        ("saya PPK, paket 10234567 jadwalnya tidak bisa diubah padahal sudah addendum", true),
        ("paket 10234567 kok ga muncul di daftar paket saya", true),
        ("paket 10234567 sudah saya cek, terima kasih", false),
    ])
    func aKodeTenderWithAProblemOpensTheTenderForm(text: String, opens: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let entities = EntityExtractor().extract(from: text, now: Date())
        let reply = render(chat.type(text, .createTicket, confidence: 0.45, entities: entities))
        #expect((chat.draft?.serviceID == "tender") == opens, "\(reply)")
        #expect((chat.draft?.answers["kode_tender"] == "10234567") == opens, "\(chat.draft?.answers ?? [:])")
    }

    /// "nip saya 198001012005011001" while the menu is asked got "Mohon pilih salah satu." and was gone: a message
    /// that carries what a form asks for is kept as a longer one is, and the form chosen next takes it.
    @Test func aNumberTypedAtTheMenuIsKeptForTheFormChosenNext() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("halo", .greeting, confidence: 0.97)
        let text = "nip saya 198001012005011001"
        let kept = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(kept.contains("Pesan Anda kami catat") && !kept.contains("Mohon pilih"), "\(kept)")
        _ = chat.tap("menu.tender")
        let next = render(chat.tap("opt.1"))
        #expect(chat.draft?.answers.values.contains("198001012005011001") == true, "\(chat.draft?.answers ?? [:])")
        #expect(next.contains("Tulis kode tender") && !next.contains("Tulis NPWP"), "the NIP is not asked: \(next)")
    }

    /// So is an NPWP written where the legal form is asked: "Bentuk usaha tidak dikenal." refused it before.
    @Test func anNPWPAtTheLegalFormQuestionIsKeptForItsOwnQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.perubahan_data")
        _ = chat.type("Maju Bersama Sejahtera")
        let kept = render(chat.type("npwp 01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(kept.contains("✅ NPWP 01.234.567.8-901.000 kami catat"), "\(kept)")
        #expect(kept.contains("Apa bentuk usaha Maju Bersama Sejahtera?"), "asked again: \(kept)")
        let next = render(chat.tap("form.CV"))
        #expect(next.contains("Data apa yang ingin diubah"), "the NPWP is not asked: \(next)")
    }

    /// So is a company typed at a complaint's consent: "Mohon pilih salah satu." refused it before, and it was
    /// gone; in the summary it is the ticket's company.
    @Test func aCompanyAtAComplaintsConsentIsTheTicketsCompany() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("saya mau komplain, petugas verifikasi kemarin tidak menelpon padahal sudah dijadwalkan")
        #expect(chat.draft?.stage == .consent)
        let kept = render(chat.type("CV Maju Terus"))
        #expect(kept.contains("✅ Nama usaha CV Maju Terus kami catat."), "\(kept)")
        #expect(kept.contains("Apakah Anda setuju?"), "asked again: \(kept)")
        let summary = render(chat.tap("consent.yes"))
        #expect(summary.contains("Nama usaha: CV Maju Terus"), "\(summary)")
    }

    /// And one typed where the tender's form asks the role: "PT Jaya Konstruksi" got "Mohon pilih salah satu." and
    /// was gone; it is the ticket's company, and the role is asked again.
    @Test func aCompanyWhereTheRoleIsAskedIsTheTicketsCompany() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let opened = render(chat.tap("menu.tender"))
        #expect(opened.contains("Anda mengajukan sebagai apa?"), "\(opened)")
        let kept = render(chat.type("PT Jaya Konstruksi"))
        #expect(kept.contains("✅ Nama usaha PT Jaya Konstruksi kami catat."), "\(kept)")
        #expect(kept.contains("Anda mengajukan sebagai apa?") && !kept.contains("Mohon pilih"), "\(kept)")
        #expect(chat.draft?.namedCompany == "PT Jaya Konstruksi", "\(String(describing: chat.draft))")
    }

    /// A question about the data where consent is asked is answered from the notice and kept for staff: "data
    /// saya aman kan? dipakai untuk apa aja?" (read as asking the requirements at 0.94) got the form's documents.
    @Test func aQuestionAboutTheDataAtConsentIsAnsweredFromTheNotice() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("saya mau komplain, petugas verifikasi kemarin tidak menelpon padahal sudah dijadwalkan")
        #expect(chat.draft?.stage == .consent)
        let question = "data saya aman kan? dipakai untuk apa aja?"
        let answer = render(chat.type(question, .requirements, confidence: 0.94))
        #expect(answer.contains("🔒 Data Anda dipakai hanya untuk permohonan ini"), "\(answer)")
        #expect(answer.contains("Apakah Anda setuju?"), "asked again: \(answer)")
        #expect(!answer.contains("dokumen yang nanti diminta"), "\(answer)")
        #expect(chat.draft?.remarks == [question])
        chat.state.language = .english
        let english = render(chat.type("is my data safe with you?", .unknown, confidence: 0.5))
        #expect(english.contains("🔒 Your data is used only for this request"), "\(english)")
    }

    /// A question about the consent itself ("kenapa harus setuju?", "gimana maksudnya?", "why must I agree?")
    /// got "Mohon pilih salah satu." and the notice again: it is answered as a question about the data is, and
    /// kept for staff. "setuju?" is still consent.
    @Test(arguments: [
        ("kenapa harus setuju?", true), ("gimana maksudnya?", true), ("why must we agree?", true),
        ("setuju?", false),
    ])
    func aQuestionAboutTheConsentIsAnswered(text: String, question: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        #expect(chat.draft?.stage == .consent)
        let answer = render(try chat.read(text))
        #expect(answer.contains("Data Anda dipakai hanya untuk permohonan ini") == question, "\(answer)")
        #expect(answer.contains("recordConsent") != question, "\(answer)")
        #expect(chat.draft?.remarks == (question ? [text] : nil), "\(String(describing: chat.draft?.remarks))")
    }

    /// A company typed where the tender form asks the NPWP or NIP (a form that asks for no company) is kept as
    /// the ticket's company and shown in the summary: "NPWP harus …" refused it before, and it was gone.
    @Test func aCompanyWhereTheTenderFormAsksANumberIsTheTicketsCompany() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.0")
        let kept = render(chat.type("PT Global Makmur"))
        #expect(kept.contains("✅ Nama usaha PT Global Makmur kami catat."), "\(kept)")
        #expect(kept.contains("Tulis NPWP"), "the number is asked again: \(kept)")
        _ = chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        _ = chat.type("12345678", entities: Entities(kodeTender: "12345678"))
        _ = chat.type("upload dokumen penawaran selalu gagal, katanya file terlalu besar")
        let summary = render(chat.tap("consent.yes"))
        #expect(
            summary.contains("Layanan: Permasalahan pada Tender/Non-Tender\nNama usaha: PT Global Makmur"), "\(summary)"
        )
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.companyName == "PT Global Makmur")
    }

    /// A company named in the message that starts a complaint is the ticket's company; an English summary reads
    /// the tender form's role in English.
    @Test func aCompanyInTheOpeningMessageOfAComplaintIsTheTicketsCompany() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let text = "mau komplain, kami dari CV Sinar Abadi, petugas verifikasi tidak datang di jadwal kemarin"
        _ = chat.type(
            text, .createTicket, confidence: 0.9,
            entities: Entities(company: Company(name: "CV Sinar Abadi", form: .cv)))
        let summary = render(chat.tap("consent.yes"))
        #expect(summary.contains("Nama usaha: CV Sinar Abadi"), "\(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.companyName == "CV Sinar Abadi")

        var english = Transcript(catalogue: try Fixtures.catalogue())
        english.state.language = .english
        _ = english.tap("menu.tender")
        _ = english.tap("opt.0")
        _ = english.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        _ = english.type("12345678", entities: Entities(kodeTender: "12345678"))
        _ = english.type("the bid upload fails every time with a file size error")
        let role = render(english.tap("consent.yes"))
        #expect(role.contains("Role: Provider"), "\(role)")
    }

    /// Files named in English ("request letter.pdf", "id card.pdf", "company tax.pdf") go to the documents they
    /// name, not guessed onto the next missing one with "If that is wrong…".
    @Test(arguments: [
        ("menu.reset_password", "request letter.pdf", "surat_permohonan", "id card.pdf", "ktp_direktur"),
        ("menu.reset_password", "passport director.pdf", "ktp_direktur", "letter of request.pdf", "surat_permohonan"),
        ("menu.registrasi", "company tax.pdf", "npwp_perusahaan", "director identity.pdf", "ktp_direktur"),
    ])
    func filesNamedInEnglishGoToTheDocumentsTheyName(
        service: String, first: String, firstID: String, second: String, secondID: String
    ) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.state.language = .english
        _ = chat.tap(service)
        _ = chat.type("PT Global Tech Indonesia")
        if case .intake(let draft) = chat.state.step, case .field = draft.stage {
            _ = chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        }
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        for (index, (name, requirement)) in [(first, firstID), (second, secondID)].enumerated() {
            #expect(render(chat.pdf("m\(index)", name)) == "⚙ fetchMedia m\(index) for \(requirement)")
            let received = render(chat.stored("m\(index)", name))
            #expect(received.contains("received as") && !received.contains("If that is wrong"), "\(received)")
        }
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.stage == .summary, "\(draft.stage)")
    }

    /// A correction of an earlier answer, written while another question is asked, replaces that answer and asks
    /// the question again: the company at the director's number (kept as a note before, the name unchanged), the
    /// director's number at the checklist. Without a word of correction nothing earlier changes.
    @Test func aCorrectionOfAnEarlierAnswerReplacesIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let company = render(
            chat.type(
                "eh salah ketik, nama perusahaannya CV Maju Bersama",
                entities: Entities(company: Company(name: "CV Maju Bersama", form: .cv))))
        #expect(company.contains("✅ Nama usaha kami ubah menjadi CV Maju Bersama."), "\(company)")
        #expect(company.contains("Nomor WhatsApp direksi"), "asked again: \(company)")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let phone = render(
            chat.type(
                "ralat, nomor direktur yg benar 0813 2222 3333", entities: Entities(phone: "+6281322223333")))
        #expect(phone.contains("✅ No. WA direksi kami ubah menjadi +6281322223333."), "\(phone)")
        #expect(phone.contains("Kirim dokumen berikut"), "asked again: \(phone)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.answers["company"] == "Maju Bersama" && draft.businessForm == .cv, "\(draft.answers)")
        #expect(draft.answers["director_phone"] == "+6281322223333", "\(draft.answers)")
        var plain = Transcript(catalogue: try Fixtures.catalogue())
        _ = plain.tap("menu.reset_password")
        _ = plain.type("PT Maju Jaya")
        _ = plain.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        let other = render(plain.type("npwp 01.234.567.8-901.001", entities: Entities(npwp: "012345678901001")))
        #expect(!other.contains("kami ubah"), "no word of correction: \(other)")
        let corrected = render(
            plain.type("maaf salah ketik npwp 01.234.567.8-901.001", entities: Entities(npwp: "012345678901001")))
        #expect(corrected.contains("✅ NPWP kami ubah menjadi 01.234.567.8-901.001."), "\(corrected)")
    }

    /// A new number where consent is asked, or in a message read as going back, replaces the director's number
    /// and consent is asked again; a bare "kembali" still goes back to the number's question.
    @Test(arguments: [
        ("yg tadi salah, 0813-1122-3344", Intent.back), ("kembali, nomornya 081311223344", .back),
        ("eh nomor direktur 081311223344", .unknown), ("nomornya keliru, 0813 1122 3344", .deny),
    ])
    func aNewNumberAtConsentCorrectsTheDirectorsNumber(text: String, intent: Intent) throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        let reply = render(chat.type(text, intent, entities: Entities(phone: "+6281311223344")))
        #expect(reply.contains("✅ No. WA direksi kami ubah menjadi +6281311223344."), "\(reply)")
        #expect(reply.contains("Apakah Anda setuju?"), "consent asked again: \(reply)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.answers["director_phone"] == "+6281311223344", "\(draft.answers)")
        #expect(draft.stage == .consent, "\(draft.stage)")
        let back = render(chat.type("kembali", .back))
        #expect(back.contains("Nomor WhatsApp direksi"), "\(back)")
    }

    /// "npwp nya salah, …" with a new NPWP where a later question is asked corrects the NPWP; it is not kept
    /// as a note beside an answer the form still holds.
    @Test func aWrongNPWPSaidSoWhereTheNumberIsAskedIsCorrected() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("CV Sinar Terang")
        _ = chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000"))
        let reply = render(
            chat.type("npwp nya salah, 01.234.567.8-901.001", entities: Entities(npwp: "012345678901001")))
        #expect(reply.contains("✅ NPWP kami ubah menjadi 01.234.567.8-901.001."), "\(reply)")
        #expect(!reply.contains("bukan nomor HP"), "\(reply)")
        #expect(chat.draft?.answers["npwp"] == "012345678901001", "\(String(describing: chat.draft?.answers))")
    }

    /// "udah lengkap belum?" (read as a status check), "ada lagi yang perlu dikirim min?" (read as asking the
    /// requirements), "terus habis ini gimana?": at the checklist, what is still missing and that the summary
    /// follows; at the summary, that nothing is and what sending it does. Neither "no ticket is open" nor "the
    /// documents asked for later" (they were sent), and the question is asked again.
    @Test(arguments: [
        ("udah lengkap belum?", Intent.checkStatus, 0.83), ("ada lagi yang perlu dikirim min?", .requirements, 0.83),
        ("terus habis ini gimana?", .unknown, 0.93), ("anything else you need?", .requirements, 0.5),
    ])
    func aQuestionWhetherTheFormIsCompleteIsAnswered(text: String, intent: Intent, confidence: Double) throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        let missing = render(chat.type(text, intent, confidence: confidence))
        #expect(missing.contains("Masih kurang: NPWP Perusahaan."), "\(missing)")
        #expect(missing.contains("ringkasan permohonan muncul"), "\(missing)")
        #expect(!missing.contains("tidak memiliki tiket") && !missing.contains("nanti diminta"), "\(missing)")
        #expect(missing.contains("2. ⬜ NPWP Perusahaan"), "the checklist again: \(missing)")
        _ = chat.pdf("m2", "npwp.pdf")
        _ = chat.stored("m2", "npwp.pdf")
        let complete = render(chat.type(text, intent, confidence: confidence))
        #expect(complete.contains("Sudah lengkap: semua data dan dokumen"), "\(complete)")
        #expect(!complete.contains("tidak memiliki tiket") && !complete.contains("nanti diminta"), "\(complete)")
        #expect(complete.contains("Kirim permohonan ini?"), "the summary again: \(complete)")
        #expect(chat.draft?.stage == .summary && chat.state.invalidAnswers == 0)
    }

    /// "semua dokumen sudah saya gabung jadi satu file" after one PDF was taken for the first item: that file is
    /// taken for every item, staff read the message, and the summary follows; "Masih kurang" came before.
    @Test func aFileSaidToHoldEveryDocumentIsTakenForThemAll() throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "berkas_lengkap.pdf")
        _ = chat.stored("m1", "berkas_lengkap.pdf")
        let reply = render(chat.type("semua dokumen sudah saya gabung jadi satu file min"))
        #expect(reply.contains("berkas_lengkap.pdf kami catat sebagai berkas gabungan untuk semua dokumen"), "\(reply)")
        #expect(reply.contains("Kirim permohonan ini?"), "the summary: \(reply)")
        let draft = try #require(chat.draft)
        #expect(Set(draft.documents.values.map(\.filename)) == ["berkas_lengkap.pdf"] && draft.documents.count == 2)
        #expect(draft.remarks == ["semua dokumen sudah saya gabung jadi satu file min"])
    }

    /// Said before the file comes, or while it is being received, the next file stored is taken for them all.
    @Test(arguments: [false, true])
    func aFileSaidToHoldEveryDocumentBeforeItIsStoredIsTakenForThemAll(whileReceiving: Bool) throws {
        var chat = try Transcript.atRegistrationChecklist()
        if whileReceiving { _ = chat.pdf("m1", "scan.pdf") }
        let noted = render(chat.type("dokumennya saya jadikan satu file ya"))
        #expect(noted.contains("file gabungan yang Anda kirim kami catat untuk semua dokumen"), "\(noted)")
        if !whileReceiving { _ = chat.pdf("m1", "scan.pdf") }
        let stored = render(chat.stored("m1", "scan.pdf"))
        #expect(
            stored.contains("scan.pdf diterima untuk KTP/KITAS Direktur dan NPWP Perusahaan sekaligus."), "\(stored)")
        #expect(chat.draft?.stage == .summary, "\(stored)")
    }

    /// A PDF for an item already sent, named or captioned as its new version ("ktp_revisi.pdf", "ini ktp yang benar
    /// min"), replaces it, and says so; it was kept as an extra attachment beside the old one. Without such a word
    /// it is still an attachment.
    @Test(arguments: [
        ("ktp_revisi.pdf", nil, true), ("scan.pdf", "ini ktp yang benar min", true), ("ktp_lama.pdf", nil, false),
    ])
    func aNewVersionOfASentDocumentReplacesIt(filename: String, caption: String?, replaces: Bool) throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.sendDocuments("ktp.pdf", "npwp.pdf")
        _ = chat.message(
            .document(
                mediaID: "m3", filename: filename, mimeType: "application/pdf", size: 100_000, sha256: nil,
                caption: caption))
        let stored = render(chat.stored("m3", filename))
        let draft = try #require(chat.draft)
        #expect((draft.documents["ktp_direktur"]?.filename == filename) == replaces, "\(stored)")
        #expect(stored.contains("menggantikan ktp.pdf") == replaces, "\(stored)")
        #expect(draft.stage == .summary, "\(stored)")
    }

    /// A question's ticket says staff will answer it, not that they will check files and book a call.
    @Test(arguments: [
        ("npwp nyusul ya", Intent.unknown), ("nanti saja", .cancel), ("besok saya kirim npwpnya", .unknown),
    ])
    func aDocumentPutOffIsWaitedForNotRefusedNorCancelled(text: String, intent: Intent) throws {
        var chat = try Self.atChecklist(company: "CV Maju Bersama")
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        let said = sentTexts(chat.type(text, intent, confidence: 0.97)).joined(separator: "\n")
        #expect(said.contains("permohonan ini kami simpan. Kirim NPWP Perusahaan di chat ini kapan saja"), "\(said)")
        #expect(!said.contains("dibatalkan") && !said.contains("Kami menunggu file PDF"), "\(said)")
        guard case .intake(let draft) = chat.state.step else {
            Issue.record("the form was left: \(chat.state.step)")
            return
        }
        #expect(draft.stage == .documents && draft.documents.count == 1, "\(draft)")
        #expect(chat.state.invalidAnswers == 0)
        // The NPWP sent the next day completes the checklist.
        _ = chat.pdf("m2", "npwp.pdf")
        #expect(sentTexts(chat.stored("m2", "npwp.pdf")).joined().contains("Ringkasan permohonan"))
    }

    @Test func aQuestionPutOffIsWaitedForButBatalStillCancels() throws {
        var chat = try Self.atCompanyQuestion()
        #expect(
            sentTexts(chat.type("nanti aja ya min", .cancel, confidence: 0.97)).joined()
                .contains("permohonan ini kami simpan. Kirim nama usaha"))
        #expect(chat.state.step != .menu)
        let cancelled = sentTexts(chat.type("batal, nanti aja", .cancel, confidence: 0.97)).joined()
        #expect(cancelled.contains("permohonan dibatalkan"), "\(cancelled)")
        #expect(chat.state.step == .menu)
    }

    @Test func aQuestionsTicketSaysStaffWillAnswer() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        _ = chat.type("gimana cara ganti email akun spse?")
        _ = chat.tap("consent.yes")
        _ = chat.tap("summary.confirm")
        let opened = render(chat.event(.ticketOpened(number: 1401)))
        #expect(
            opened.contains("Tiket #1401 berhasil dibuat untuk layanan Konsultasi SPSE. Petugas akan menjawab di sini.")
        )
        #expect(!opened.contains("berkas") && !opened.contains("verifikasi"), "\(opened)")
    }

    /// A screenshot sent before any request is kept like a document, and the complaint chosen next attaches it.
    @Test func aScreenshotBeforeAnyRequestIsKeptForTheRequestChosenNext() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.message(.image(mediaID: "img1", caption: "error upload")))
        #expect(first.contains("✅ Gambar ini kami simpan dulu"), "\(first)")
        #expect(first.contains("Silakan pilih layanan"), "\(first)")
        _ = chat.tap("menu.pengaduan")
        var answer = render(chat.type("upload dokumen penawaran gagal terus sejak kemarin sore"))
        if answer.contains("Pemberitahuan pelindungan data") { answer = render(chat.tap("consent.yes")) }
        #expect(answer.contains("⚙ fetchMedia img1 for attachment-1"), "\(answer)")
    }

    /// A screenshot sent before a registration is the ticket's attachment, never a checklist document.
    @Test func aScreenshotBeforeARegistrationIsAnAttachmentNotADocument() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.message(.image(mediaID: "img1", caption: nil))
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia img1 for attachment-1"), "\(consent)")
        #expect(consent.contains("File yang Anda kirim sedang kami terima"), "\(consent)")
        let stored = render(chat.stored("img1", "foto.jpg", mimeType: "image/jpeg"))
        #expect(stored.contains("1. ⬜ KTP/KITAS Direktur"), "the checklist follows the file: \(stored)")
    }

    /// Files sent before the request ("akta pendirian.pdf", "ktp direktur.pdf") are received after consent:
    /// each is acknowledged, and the checklist is shown once, with the last of them.
    @Test func filesSentBeforeTheRequestGetOneChecklist() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.pdf("akta", "akta pendirian.pdf")
        _ = chat.pdf("ktp", "ktp direktur.pdf")
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("sedang kami terima (akta pendirian.pdf, ktp direktur.pdf)"), "\(consent)")
        #expect(!consent.contains("Kirim dokumen berikut"), "\(consent)")
        let first = render(chat.stored("akta", "akta pendirian.pdf"))
        #expect(first.contains("akta pendirian.pdf"), "\(first)")
        #expect(!first.contains("Kirim dokumen berikut"), "not yet: \(first)")
        let last = render(chat.stored("ktp", "ktp direktur.pdf"))
        #expect(last.contains("diterima sebagai KTP/KITAS Direktur"), "\(last)")
        #expect(last.components(separatedBy: "Kirim dokumen berikut").count == 2, "once: \(last)")
        #expect(last.contains("1. ✅ KTP/KITAS Direktur") && last.contains("2. ⬜ NPWP Perusahaan"), "\(last)")
    }

    /// A status question typed where a name is asked is answered and the name asked again, never taken as it.
    @Test func aQuestionAtTheCompanyNameIsAnsweredNotTakenAsTheName() throws {
        var chat = try Self.atCompanyQuestion()
        let answer = render(chat.type("status tiket saya gimana ya?", .checkStatus, confidence: 0.9))
        #expect(!answer.contains("Apa bentuk usaha status"), "\(answer)")
        #expect(answer.contains("Tulis nama badan usaha"), "the name is asked again")
        let draft = try #require(chat.draft, "the journey was left")
        #expect(draft.answers["company"] == nil)
    }

    /// Staff replied on the ticket: the provider's answer, whatever it reads like, goes to that ticket.
    @Test func anAnswerToAStaffReplyReachesTheTicket() throws {
        var chat = Transcript(
            catalogue: try Fixtures.catalogue(),
            openTickets: [
                TicketSummary(number: 77, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
            ])
        _ = chat.event(.staffReplied(ticket: 77, text: "Berkas sedang diperiksa."))
        let answer = render(chat.type("Baik, terima kasih. Akta pendirian menyusul besok."))
        #expect(answer.contains("⚙ appendToTicket #77: Baik, terima kasih. Akta pendirian menyusul besok."))
        #expect(answer.contains("diteruskan ke tiket #77"))
        let menu = render(chat.type("menu"))
        #expect(!menu.contains("appendToTicket"), "\"menu\" ends it")
    }

    @Test func filesSentBeforeConsentAreKeptAndFetchedOnceItIsGiven() throws {
        var chat = try Self.atPhoneQuestion()
        let held = render(chat.pdf("m1", "ktp direktur.pdf"))
        #expect(held.contains("ktp direktur.pdf kami terima"))
        #expect(!held.contains("fetchMedia"), "nothing is downloaded before the privacy notice is accepted")
        #expect(held.contains("Nomor WhatsApp direksi"), "the pending question is asked again")
        _ = chat.pdf("m2", "npwp.pdf")
        _ = chat.tap("phone.self")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia m1 for ktp_direktur"))
        #expect(consent.contains("⚙ fetchMedia m2 for npwp_perusahaan"))
        _ = chat.stored("m1", "ktp direktur.pdf")
        let last = render(chat.stored("m2", "npwp.pdf"))
        #expect(last.contains("Ringkasan permohonan"), "both files count: straight to the summary")
        #expect(chat.sentByProvider == 6)
    }

    /// The checklist's documents and another paper sent together before consent: whichever download ends last,
    /// stored or refused, the complete checklist moves on to the summary without a "selesai".
    @Test(arguments: [false, true])
    func heldFilesReachTheSummaryWhicheverDownloadEndsLast(attachmentRefused: Bool) throws {
        var chat = try Self.sentBeforeConsent("ktp direktur.pdf", "npwp.pdf", "nib.pdf")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia m3 for attachment-1"), "\(consent)")
        _ = chat.stored("m1", "ktp direktur.pdf")
        let checklistDone = render(chat.stored("m2", "npwp.pdf"))
        #expect(!checklistDone.contains("Ringkasan permohonan"), "nib.pdf is still downloading: \(checklistDone)")
        let last = render(attachmentRefused ? chat.rejected("m3", .unavailable) : chat.stored("m3", "nib.pdf"))
        #expect(last.contains("Ringkasan permohonan"), "\(last)")
        #expect(last.contains("• Lampiran (nib.pdf)") == !attachmentRefused, "\(last)")
        #expect(!last.contains("Kirim dokumen berikut"), "\(last)")
    }

    /// The same bytes sent twice under two names may come under one media id: each file's download answers
    /// that file, and the second is taken as the document its name says; it vanished with the first before,
    /// unanswered and missing from the checklist. The same holds for files sent at the checklist, and for a
    /// download that failed.
    @Test(arguments: [false, true])
    func filesSharingAMediaIDAreEachAnswered(sentEarly: Bool) throws {
        var chat = sentEarly ? try Self.atPhoneQuestion() : try Self.atChecklist(company: "PT Maju Jaya")
        _ = chat.pdf("m1", "ktp direktur.pdf")
        _ = chat.pdf("m1", "npwp perusahaan.pdf")
        if sentEarly {
            _ = chat.tap("phone.self")
            _ = chat.tap("consent.yes")
        }
        #expect(chat.draft?.uploads.count == 2)
        let first = render(chat.stored("m1", "ktp direktur.pdf"))
        #expect(first.contains("ktp direktur.pdf diterima sebagai KTP/KITAS Direktur"), "\(first)")
        let second = render(chat.stored("m1", "npwp perusahaan.pdf"))
        #expect(second.contains("npwp perusahaan.pdf diterima sebagai NPWP Perusahaan"), "\(second)")
        #expect(second.contains("Ringkasan permohonan"), "\(second)")
        #expect(chat.draft?.documents["npwp_perusahaan"]?.filename == "npwp perusahaan.pdf")
        #expect(chat.draft?.uploads.isEmpty == true)

        var refused = try Self.atChecklist(company: "PT Maju Jaya")
        _ = refused.pdf("m1", "ktp direktur.pdf")
        _ = refused.pdf("m1", "npwp perusahaan.pdf")
        _ = refused.rejected("m1", .unavailable)
        #expect(refused.draft?.uploads.count == 1, "one failed download answers one file")
        let again = render(refused.rejected("m1", .unavailable))
        #expect(again.contains("npwp perusahaan.pdf"), "\(again)")
        #expect(refused.draft?.uploads.isEmpty == true)
    }

    @Test func aFileSentBeforeTheBusinessFormIsKnownWaitsForIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.state.consent = ConsentRecord(
            version: try Fixtures.catalogue().privacy.version, at: chat.now, language: .indonesian)
        _ = chat.tap("menu.registrasi")
        let held = render(chat.pdf("m1", "ktp.pdf"))
        #expect(!held.contains("fetchMedia"))
        #expect(held.contains("ktp.pdf kami terima"))
        #expect(render(chat.type("PT Maju Jaya")).contains("⚙ fetchMedia m1 for ktp_direktur"))
    }

    @Test func filesSentBeforeTheirQuestionAfterConsentAreFetchedAndTicked() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.state.consent = ConsentRecord(
            version: try Fixtures.catalogue().privacy.version, at: chat.now, language: .indonesian)
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        let early = render(chat.pdf("m1", "ktp.pdf"))
        #expect(early == "⚙ fetchMedia m1 for ktp_direktur")
        let stored = render(chat.stored("m1", "ktp.pdf"))
        #expect(stored.contains("ktp.pdf diterima sebagai KTP/KITAS Direktur"))
        #expect(stored.contains("Nomor WhatsApp direksi"), "the pending question stays")
        let checklist = render(chat.tap("phone.self"))
        #expect(checklist.contains("1. ✅ KTP/KITAS Direktur"))
        #expect(checklist.contains("2. ⬜ NPWP Perusahaan"))
    }

    /// A file whose name names a document the checklist does not wait for ("akta pendirian.pdf" while the KTP
    /// is missing, a second NPWP) is kept for the ticket, not guessed onto the missing item; a file named
    /// nothing in particular still is, with the offer to correct it.
    @Test(arguments: ["akta pendirian.pdf", "AktaPendirian_2019.pdf", "NIB PT Maju.pdf", "npwp-baru.pdf"])
    func aFileNamingAnotherDocumentIsAnAttachmentNotAGuess(filename: String) throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        _ = chat.pdf("m1", "scan npwp.pdf")
        _ = chat.stored("m1", "scan npwp.pdf")
        let fetched = render(chat.pdf("m2", filename))
        #expect(fetched == "⚙ fetchMedia m2 for attachment-1", "\(fetched)")
        let stored = render(chat.stored("m2", filename))
        #expect(stored.contains("\(filename) kami terima dan akan dilampirkan"), "\(stored)")
        #expect(stored.contains("1. ⬜ KTP/KITAS Direktur"), "the checklist still asks: \(stored)")
        #expect(!stored.contains("diterima sebagai KTP"), "\(stored)")
        _ = chat.pdf("m3", "scan001.pdf")
        let guessed = render(chat.stored("m3", "scan001.pdf"))
        #expect(guessed.contains("scan001.pdf diterima sebagai KTP/KITAS Direktur"), "\(guessed)")
        #expect(guessed.contains("• Lampiran (\(filename))"), "the summary lists it: \(guessed)")
        let opened = render(chat.tap("summary.confirm"))
        #expect(opened.contains(filename), "attached to the ticket: \(opened)")
    }

    /// A PDF sent once every document is in ("scan0003.pdf" at the summary, a third file sent before consent for
    /// a form of two) that names no document was answered "Semua dokumen yang diminta sudah kami terima" and
    /// dropped. It is kept as an attachment, listed in the summary and attached to the ticket.
    @Test func aFileSentWhenEveryDocumentIsInIsKeptNotDropped() throws {
        var chat = try Self.withKTPStored()
        _ = chat.pdf("m2", "npwp.pdf")
        let summary = render(chat.stored("m2", "npwp.pdf"))
        #expect(summary.contains("Ringkasan permohonan Anda"), "\(summary)")
        let fetched = render(chat.pdf("m3", "scan0003.pdf"))
        #expect(fetched == "⚙ fetchMedia m3 for attachment-1", "\(fetched)")
        let stored = render(chat.stored("m3", "scan0003.pdf"))
        #expect(stored.contains("scan0003.pdf kami terima dan akan dilampirkan"), "\(stored)")
        #expect(stored.contains("• Lampiran (scan0003.pdf)"), "the summary lists it: \(stored)")
        let opened = render(chat.tap("summary.confirm"))
        #expect(opened.contains("scan0003.pdf"), "attached to the ticket: \(opened)")
    }

    @Test func aThirdFileSentBeforeConsentForAFormOfTwoIsKept() throws {
        var chat = try Self.sentBeforeConsent("scan1.pdf", "scan2.pdf", "scan3.pdf")
        let consent = render(chat.tap("consent.yes"))
        for (media, key) in [("m1", "ktp_direktur"), ("m2", "npwp_perusahaan"), ("m3", "attachment-1")] {
            #expect(consent.contains("⚙ fetchMedia \(media) for \(key)"), "\(consent)")
        }
    }

    /// "mau daftar penyedia min, ini ktp direkturnya" under a PDF sent before any request got the menu, as if
    /// nothing had been asked. The caption asks for the registration: it starts, and takes the file.
    @Test func aCaptionAskingForAServiceStartsItWithTheFile() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let caption = "mau daftar penyedia min, ini ktp direkturnya"
        let first = render(chat.pdf("m1", "ktp_direktur.pdf", caption: caption))
        #expect(first.contains("ktp_direktur.pdf kami terima dan akan kami proses"), "\(first)")
        #expect(first.contains("kita mulai permohonan Registrasi"), "\(first)")
        #expect(!first.contains("Silakan pilih layanan"), "no menu: \(first)")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia m1 for ktp_direktur"), "\(consent)")
        var plain = Transcript(catalogue: try Fixtures.catalogue())
        let menu = render(plain.pdf("m1", "ktp.pdf", caption: "ini ktp direktur"))
        #expect(menu.contains("Silakan pilih layanan"), "a caption asking for nothing: \(menu)")
    }

    /// The KTP sent twice was kept a second time as an attachment, and sent again as "scan.pdf" it was guessed
    /// onto the NPWP still missing. The same bytes are recognised: not kept twice, said so, and the checklist still
    /// asks for the NPWP.
    @Test(arguments: ["ktp.pdf", "scan.pdf"])
    func theSameFileSentAgainIsNotKeptTwice(filename: String) throws {
        var chat = try Self.withKTPStored()
        _ = chat.pdf("m2", filename)
        let again = render(chat.stored("m2", filename, copyOf: "m1"))
        #expect(again.contains("\(filename) sama persis dengan ktp.pdf yang sudah kami terima sebagai KTP/KITAS"))
        #expect(again.contains("2. ⬜ NPWP Perusahaan"), "still asked: \(again)")
        let draft = try #require(chat.draft)
        #expect(draft.documents.count == 1 && draft.uploads.isEmpty, "\(draft.documents)")
        _ = chat.pdf("m3", "npwp.pdf")
        let summary = render(chat.stored("m3", "npwp.pdf"))
        #expect(summary.contains("Ringkasan permohonan Anda") && !summary.contains("Lampiran"), "\(summary)")
    }

    /// The KTP sent twice with the NPWP before consent: the copy downloaded last is not kept, and the summary
    /// follows, as the checklist was only waiting for it.
    @Test func aCopyDownloadedLastLeadsToTheSummary() throws {
        var chat = try Self.sentBeforeConsent("ktp.pdf", "npwp.pdf", "ktp (1).pdf")
        _ = chat.tap("consent.yes")
        _ = chat.stored("m1", "ktp.pdf")
        _ = chat.stored("m2", "npwp.pdf")
        let last = render(chat.stored("m3", "ktp (1).pdf", copyOf: "m1"))
        #expect(last.contains("ktp (1).pdf sama persis dengan ktp.pdf"), "\(last)")
        #expect(last.contains("Ringkasan permohonan Anda") && !last.contains("Lampiran"), "\(last)")
    }

    /// Papers first, words after: a PDF sent before any request, with no ticket open, is kept, the menu shown,
    /// and the registration chosen next takes it once the privacy notice is accepted.
    @Test func aFileSentBeforeAnyRequestIsKeptForTheRequestChosenNext() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.pdf("m1", "ktp direktur.pdf"))
        #expect(first.contains("ktp direktur.pdf kami simpan dulu"), "\(first)")
        #expect(first.contains("Silakan pilih layanan"), "the menu follows: \(first)")
        #expect(!first.contains("fetchMedia"), "nothing is downloaded before consent")
        // A next file, right after: kept, and pointed to the list above, which is not sent again.
        var twice = Transcript(catalogue: try Fixtures.catalogue())
        _ = twice.pdf("m1", "ktp direktur.pdf")
        let second = render(twice.pdf("m2", "npwp.pdf"))
        #expect(second.contains("npwp.pdf juga kami simpan. Pilih layanannya dari daftar di atas"), "\(second)")
        #expect(!second.contains("Silakan pilih layanan"), "\(second)")
        #expect(twice.state.filesBeforeRequest?.count == 2)
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia m1 for ktp_direktur"), "\(consent)")
        let stored = render(chat.stored("m1", "ktp direktur.pdf"))
        #expect(stored.contains("1. ✅ KTP/KITAS Direktur"), "\(stored)")
        #expect(stored.contains("2. ⬜ NPWP Perusahaan"), "\(stored)")
        #expect(chat.state.filesBeforeRequest == nil, "taken by the form")
    }

    /// "selesai" after the papers, with no service chosen: the provider thinks they are done, and is told the
    /// files are kept and no request is made until its service is chosen, with the menu. It got "Anda tidak
    /// memiliki tiket yang sedang terbuka.", which said nothing of the files.
    @Test(arguments: ["selesai", "sudah min", "status?", "sudah saya kirim semua ya kak", "dokumennya udah lengkap"])
    func doneAfterFilesBeforeAnyRequestIsToldToChooseTheService(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.pdf("m1", "akta pendirian.pdf")
        _ = chat.pdf("m2", "npwp.pdf")
        let answer = render(try chat.read(text))
        #expect(
            answer.contains(
                "File Anda (akta pendirian.pdf dan npwp.pdf) sudah kami simpan, tetapi permohonannya belum dibuat."),
            "\(answer)")
        #expect(answer.contains("Silakan pilih layanan") && !answer.contains("tidak memiliki tiket"), "\(answer)")
        #expect(chat.state.filesBeforeRequest?.count == 2, "still kept")
    }

    /// With a ticket open, a file still goes to that ticket, not to a request not yet chosen.
    @Test func aFileWithATicketOpenStillGoesToTheTicket() throws {
        let ticket = TicketSummary(number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let answer = render(chat.pdf("m1", "akta.pdf"))
        #expect(answer == "⚙ fetchMedia m1 for #41", "\(answer)")
        #expect(chat.state.filesBeforeRequest == nil)
    }

    /// One scan of both, "ktp dan npwp.pdf", is taken for every missing item its name names, and said so; the
    /// summary follows. It was taken for the KTP only, and the NPWP asked for again.
    @Test func oneFileNamingTwoDocumentsIsTakenForBoth() throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "ktp dan npwp.pdf")
        let stored = render(chat.stored("m1", "ktp dan npwp.pdf"))
        #expect(
            stored.contains("✅ ktp dan npwp.pdf diterima untuk KTP/KITAS Direktur dan NPWP Perusahaan sekaligus."),
            "\(stored)")
        #expect(stored.contains("Ringkasan permohonan Anda"), "\(stored)")
        #expect(stored.contains("• NPWP Perusahaan (ktp dan npwp.pdf)"), "\(stored)")
        // A file naming one document still takes that one only.
        var one = try Transcript.atRegistrationChecklist()
        _ = one.pdf("m1", "ktp.pdf")
        let single = render(one.stored("m1", "ktp.pdf"))
        #expect(single.contains("2. ⬜ NPWP Perusahaan"), "\(single)")
    }

    /// "saya mau tambah dokumen akta" with a ticket open reached the menu (the recognizer reads a new request): it
    /// reaches the ticket, and the provider is told to send the files here, where each is attached to it.
    @Test(arguments: [
        ("saya mau tambah dokumen akta", Intent.createTicket), ("mau kirim dokumen susulan", .requirements),
        ("I want to add a document", .createTicket),
        // It was passed on only, without where to send the file.
        ("saya lupa kirim akta, boleh nyusul?", .unknown),
    ])
    func aWishToAddFilesToAnOpenTicketIsToldWhereToSendThem(text: String, intent: Intent) throws {
        let ticket = TicketSummary(number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let answer = render(chat.type(text, intent, confidence: 0.97))
        #expect(answer.contains("appendToTicket #41: \(text)"), "\(answer)")
        let told = text.hasPrefix("I") ? "Please send the documents here as files" : "Silakan kirim dokumennya di sini"
        #expect(answer.contains(told), "\(answer)")
        #expect(!answer.contains("Registrasi & Verifikasi") && !answer.contains("Registration"), "no menu: \(answer)")
        // Without a ticket open, the same words start a request as before.
        var none = Transcript(catalogue: try Fixtures.catalogue())
        let menu = render(none.type(text, intent, confidence: 0.97))
        #expect(!menu.contains("appendToTicket") && !menu.contains(told), "\(menu)")
    }

    /// "halo min" with a ticket open is greeted with the ticket named before the menu: the provider may be
    /// writing to staff about it.
    @Test func aGreetingWithATicketOpenNamesIt() throws {
        let ticket = TicketSummary(number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let answer = render(chat.type("halo min", .greeting, confidence: 0.97))
        #expect(answer.contains("Tiket #41 Anda masih diproses"), "\(answer)")
        #expect(answer.contains("Registrasi & Verifikasi"), "the menu follows: \(answer)")
        var none = Transcript(catalogue: try Fixtures.catalogue())
        #expect(!render(none.type("halo min", .greeting, confidence: 0.97)).contains("masih diproses"))
    }

    /// "kenapa harus video call?", which the recognizer reads as asking the requirements, is answered from the
    /// FAQ, also where the company's name is asked; "syaratnya apa aja?" still gets the requirements.
    @Test func whyAVideoCallIsAnsweredFromTheFAQ() throws {
        let faq = try #require(Fixtures.catalogue().faq.first { $0.id == "videocall" })
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let answer = render(chat.type("kenapa harus video call?", .requirements, confidence: 0.9))
        #expect(answer.contains(faq.answer.indonesian.prefix(50)), "\(answer)")
        #expect(answer.contains("Tulis nama badan usaha"), "the question is asked again: \(answer)")
        var requirements = Transcript(catalogue: try Fixtures.catalogue())
        let listed = render(requirements.type("syaratnya apa aja?", .requirements, confidence: 0.9))
        #expect(!listed.contains(faq.answer.indonesian.prefix(50)) && listed.contains("KTP"), "\(listed)")
    }

    /// "ini dijawab mesin?", "ini bot ya?" (read as asking for the menu) are answered: an assistant records the
    /// request, staff reply in the chat, *petugas* reaches them; the menu follows. They got the menu alone.
    @Test(arguments: [
        "ini dijawab mesin?", "ini bot ya?", "saya bicara dengan manusia atau bot?", "ini dengan siapa ya?",
    ])
    func askingWhetherABotAnswersIsAnswered(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, .menu, confidence: 0.97))
        #expect(answer.contains("Pesan Anda dijawab otomatis oleh asisten helpdesk LPSE"), "\(answer)")
        #expect(answer.contains("Ketik *petugas*") && answer.contains("Registrasi & Verifikasi"), "\(answer)")
        var locked = Transcript(catalogue: try Fixtures.catalogue())
        let started = render(locked.type("kenapa akun saya terkunci otomatis?", .createTicket, confidence: 0.9))
        #expect(started.contains("Reset Password") && !started.contains("asisten helpdesk"), "\(started)")
    }

    /// A question the FAQ answers, asked with a ticket open ("direktur sedang di luar kota, bisa diwakilkan?"), is
    /// answered from it, and still reaches the ticket for staff; it was only passed on. A status question keeps
    /// the ticket's status, and a statement the FAQ words are in is passed on as before.
    @Test func aQuestionTheFAQAnswersWithATicketOpenIsAnsweredAndPassedOn() throws {
        let ticket = TicketSummary(number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let text = "direktur sedang di luar kota, bisa diwakilkan?"
        let answer = render(chat.type(text, .unknown, confidence: 0.4))
        let faq = try #require(Fixtures.catalogue().faq.first { $0.id == "kuasa" })
        #expect(answer.contains(faq.answer.indonesian.prefix(40)), "\(answer)")
        // Asked about the call, the answer says the call is not delegated, not a "Bisa." about the application.
        #expect(answer.contains("Video call verifikasi tidak bisa diwakilkan"), "\(answer)")
        #expect(!answer.contains("Bisa."), "\(answer)")
        #expect(answer.contains("appendToTicket #41: \(text)"), "\(answer)")
        #expect(answer.contains("diteruskan ke petugas pada tiket #41"), "\(answer)")
        var status = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let due = render(status.type("berapa lama prosesnya?", .checkStatus, confidence: 0.9))
        #expect(due.contains("Tiket #41 – Registrasi"), "\(due)")
        var statement = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let passed = render(statement.type("surat kuasa sudah saya siapkan", .unknown, confidence: 0.4))
        #expect(!passed.contains(faq.answer.indonesian.prefix(40)), "\(passed)")
        #expect(passed.contains("appendToTicket #41"), "\(passed)")
    }

    /// "ok", "siap min" with a ticket open are noted, kept on the ticket quietly, and not said to be passed on
    /// to staff; a question after "ok" is answered as a question.
    @Test func anAcknowledgementWithATicketOpenIsNoted() throws {
        let ticket = TicketSummary(number: 41, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        for text in ["ok", "siap min", "oke ditunggu"] {
            var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
            let answer = render(chat.type(text, .affirm, confidence: 0.8))
            #expect(answer.contains("Baik 👍 Perkembangan tiket #41 akan kami kabarkan di sini."), "\(answer)")
            #expect(answer.contains("appendToTicket #41: \(text)"), "kept on the ticket: \(answer)")
            #expect(!answer.contains("diteruskan"), "\(answer)")
        }
        var asking = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let question = render(asking.type("ok, tapi kapan selesai?", .checkStatus, confidence: 0.9))
        #expect(!question.contains("Baik 👍"), "\(question)")
    }

    /// A ticket gets a form's attachments in the order they were sent, the tenth after the ninth.
    @Test func attachmentsKeepTheOrderTheyWereSentIn() throws {
        var draft = IntakeDraft(serviceID: "pengaduan", stage: .summary)
        for index in 1...12 {
            let key = draft.addAttachmentUpload(mediaID: "m\(index)", filename: "shot-\(index).png")
            draft.uploads.removeAll { $0.mediaID == "m\(index)" }
            draft.documents[key] = StoredDocument(
                sha256: "h\(index)", filename: "shot-\(index).png", size: 10, mimeType: "image/png")
        }
        #expect(draft.storedAttachments.map(\.filename) == (1...12).map { "shot-\($0).png" })
    }

    @Test(arguments: ["selesai", "sudah", "Selesai"])
    func doneAtTheChecklistAlwaysSaysWhatIsMissingAndNeverLoops(word: String) throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        var answers: [String] = []
        for intent in [Intent.checkStatus, .thanks, .unknown] {
            answers.append(render(chat.type(word, intent, confidence: 0.95)))
        }
        for answer in answers {
            #expect(answer.contains("KTP/KITAS Direktur"), "names what is missing: \(answer)")
            #expect(!answer.contains("tidak memiliki tiket"), "never read as a status question")
        }
        #expect(Set(answers).count == 1, "the same word gets the same answer at the same step")
    }

    @Test(arguments: ["selesai", "batal?", "menu", "petugas", "sudah"])
    func aCommandWordIsNeverTakenAsTheCompanyName(word: String) throws {
        var chat = try Self.atCompanyQuestion()
        let answer = render(chat.type(word))
        #expect(!answer.contains("Apa bentuk usaha"), "\(word) was taken as a company name")
        #expect(!answer.contains("Nomor WhatsApp direksi"), "\(word) was taken as a company name")
    }

    /// "gak jadi deh" where the company is asked quits, as "batal" does; it is not a company called that. A name
    /// with a legal form stays a name, however it reads.
    @Test func aClearWayOfQuittingIsNotTakenAsTheCompanyName() throws {
        var chat = try Self.atCompanyQuestion()
        let quit = render(chat.type("gak jadi deh", .cancel, confidence: 0.97))
        #expect(!quit.contains("Apa bentuk usaha"), "\(quit)")
        #expect(quit.contains("Silakan pilih layanan"), "\(quit)")
        if case .intake = chat.state.step { Issue.record("still in the form: \(quit)") }
        var named = try Self.atCompanyQuestion()
        let name = render(named.type("CV Gak Jadi Jaya", .cancel, confidence: 0.9))
        #expect(name.contains("Nomor WhatsApp direksi"), "\(name)")
    }

    /// Asked the legal form of "Sumber Rejeki", the provider writes the name again with it: "PT Sumber Rezeki"
    /// corrects the name and gives the form.
    @Test func aNameWithItsFormAtTheFormQuestionCorrectsBoth() throws {
        var chat = try Self.atCompanyQuestion()
        #expect(render(chat.type("Sumber Rejeki")).contains("Apa bentuk usaha Sumber Rejeki"))
        let next = render(chat.type("PT Sumber Rezeki"))
        #expect(next.contains("Nomor WhatsApp direksi"), "\(next)")
        let draft = try #require(chat.draft, "the journey was left: \(next)")
        #expect(draft.answers["company"] == "Sumber Rezeki")
        #expect(draft.businessForm == .pt)
    }

    @Test func aSingleWordWithoutALegalFormIsNotACompanyName() throws {
        var chat = try Self.atCompanyQuestion()
        #expect(render(chat.type("Maju")).contains("misalnya"))
        #expect(render(chat.type("Maju Jaya")).contains("bentuk usaha"))
    }

    @Test(arguments: ["0812 3456 789O", "O812-3456-7890", "08l2 3456 7890"])
    func aNumberWithALetterForADigitIsAskedAgainNotGuessed(written: String) throws {
        var chat = try Self.atPhoneQuestion()
        let entities = Entities(phone: "+628123456789")
        let answer = render(chat.type(written, entities: entities))
        #expect(answer.contains("berisi huruf"), "\(answer)")
        #expect(!answer.contains("Pemberitahuan pelindungan data"), "the form did not move on")
    }

    /// "ok", "iya" or "nomor ini aja" to "Tekan 'Pakai nomor ini' untuk +62…, atau ketik nomor lain" take the
    /// provider's own number, as the button does.
    @Test(arguments: [
        ("ok", Intent.affirm), ("iya kak", .affirm), ("nomor ini aja", .unknown), ("pake no saya aja min", .unknown),
        ("sama", .unknown), ("Pakai nomor ini.", .unknown), ("yes, this number", .affirm), ("yg ini aja", .menu),
        ("pake yg ini", .menu), ("ini saja kak", .unknown),
        // Said in English without "this number": it was noted for staff, and the number asked again.
        ("yes this is the director's number", .affirm), ("it's my number", .unknown),
    ])
    func aYesAtTheDirectorsNumberTakesTheProvidersOwn(text: String, intent: Intent) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type(text, intent, confidence: 0.9))
        #expect(!answer.contains("bukan nomor HP"), "\(answer)")
        let draft = try #require(chat.draft, "the journey was left: \(answer)")
        #expect(draft.answers["director_phone"] == "+6281234567890", "\(answer)")
    }

    /// A message the classifier only guesses is a request for the menu or to cancel ("yg ini aja" at 0.78) does
    /// not drop the form's answers: the question is asked again. A clear one still leaves.
    @Test func aGuessedMenuOrCancelDoesNotLeaveAForm() throws {
        for intent in [Intent.menu, .cancel] {
            var chat = try Self.atPhoneQuestion()
            _ = chat.tap("phone.self")
            let guessed = render(chat.type("yg ini aja", intent, confidence: 0.78))
            #expect(guessed.contains("Pemberitahuan pelindungan data"), "asked again: \(guessed)")
            guard case .intake(let draft) = chat.state.step else {
                Issue.record("the form was left: \(guessed)")
                continue
            }
            #expect(!draft.answers.isEmpty, "the answers stay: \(draft)")
            let clear = render(chat.type("kembali ke menu", intent, confidence: 0.97))
            #expect(clear.contains("Silakan pilih layanan"), "\(clear)")
        }
    }

    /// "mau ngomong sama admin aja deh" has "sama" in it, and asks for staff: it is no yes to the provider's own
    /// number.
    @Test(arguments: [("mau ngomong sama admin aja deh", Intent.human, 0.88), ("sama admin aja", .unknown, 0.93)])
    func aRequestForStaffIsNotTheProvidersOwnNumber(text: String, intent: Intent, confidence: Double) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type(text, intent, confidence: confidence))
        #expect(!answer.contains("Pemberitahuan pelindungan data"), "\(answer)")
        if case .intake(let draft) = chat.state.step {
            #expect(draft.answers["director_phone"] == nil, "\(answer)")
        }
        if intent == .human { #expect(answer.contains("⚙ handOff"), "\(answer)") }
    }

    /// A question that also reads as a status check ("ktp yang saya kirim kemarin sudah benar belum ya?") gets
    /// the status, reaches the ticket, and the provider is told it did; a bare check is logged quietly.
    @Test func aStatusQuestionIsToldItReachedTheTicket() throws {
        let ticket = TicketSummary(
            number: 77, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let text = "min, ktp yang saya kirim kemarin sudah benar belum ya?"
        let question = render(chat.type(text, .checkStatus, confidence: 0.89))
        #expect(question.contains("Tiket #77"), "\(question)")
        #expect(question.contains("appendToTicket #77: \(text)"), "\(question)")
        #expect(question.contains("Pesan Anda juga sudah diteruskan ke petugas pada tiket #77"), "\(question)")
        let bare = render(chat.type("sudah sampai mana?", .checkStatus, confidence: 0.9))
        #expect(bare.contains("appendToTicket #77") && !bare.contains("diteruskan"), "\(bare)")
    }

    /// "selesai", "ok sudah bisa min, makasih banyak" with a ticket open: staff read it on the ticket to
    /// resolve it, and the provider is told what comes next instead of the ticket's status; "belum selesai",
    /// a question, or no ticket open are not that.
    @Test(arguments: ["selesai", "ok sudah bisa min, makasih banyak", "udah beres min", "it works now, thanks"])
    func aRequestSaidToBeDoneReachesTheTicketsStaff(text: String) throws {
        let ticket = TicketSummary(
            number: 77, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let done = render(chat.type(text, .checkStatus, confidence: 0.9))
        #expect(done.contains("appendToTicket #77: \(text)"), "\(done)")
        // Written in English, it is answered in English.
        let told = text.hasPrefix("it ") ? "We told the staff of ticket #77" : "Kami sampaikan ke petugas tiket #77"
        #expect(done.contains(told), "\(done)")
        #expect(!done.contains("Status:"), "\(done)")
        for other in ["belum selesai min", "sudah selesai belum ya?"] {
            var not = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
            #expect(!render(not.type(other, .checkStatus, confidence: 0.9)).contains("Kami sampaikan"), "\(other)")
        }
        var none = Transcript(catalogue: try Fixtures.catalogue())
        #expect(!render(none.type(text, .checkStatus, confidence: 0.9)).contains("Kami sampaikan"))
    }

    /// In English in other words: "the password reset one is fine now, thanks" started a new password reset.
    @Test(arguments: ["the password reset one is fine now, thanks", "all good, resolved", "the reset is ok now"])
    func aRequestSaidToBeFineNowReachesTheTicketsStaff(text: String) throws {
        let ticket = TicketSummary(
            number: 77, title: "Reset Password / Lupa User ID", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let done = render(try chat.read(text))
        #expect(done.contains("appendToTicket #77: \(text)"), "\(done)")
        // A message too short to tell its language is answered in the chat's default, Indonesian.
        #expect(
            done.contains("We told the staff of ticket #77 so they resolve it")
                || done.contains("Kami sampaikan ke petugas tiket #77"), "\(done)")
        #expect(chat.draft == nil, "\(done)")
    }

    /// "selesai" right after a ticket was opened ends what the provider had to send: staff were told to resolve a
    /// request nobody had looked at. With only new tickets open, it reaches the ticket quietly and the provider is
    /// told it is still handled; "sudah bisa login min" (a word of `worksNow`) still says the request is done.
    @Test(arguments: [
        ("selesai", false), ("udah selesai min", false), ("done", false), ("sudah bisa login min", true),
        ("udah beres, email verifikasinya sudah masuk", true),
    ])
    func doneOnANewTicketEndsWhatWasSent(text: String, done: Bool) throws {
        let ticket = TicketSummary(
            number: 78, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil, isNew: true)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let answer = render(chat.type(text, .checkStatus, confidence: 0.9))
        #expect(answer.contains("appendToTicket #78: \(text)"), "\(answer)")
        #expect(answer.contains("Kami sampaikan ke petugas tiket #78") == done, "\(answer)")
        #expect(answer.contains("Tiket #78 tetap kami proses") != done, "\(answer)")
    }

    /// "selesai" after sending a registration's documents, with staff reviewing them, was relayed as the request
    /// being done, and the provider told to expect its confirmation and the survey, though the director was not
    /// verified yet. While a ticket's verification call is still ahead (its documents in review, the call offered
    /// or booked, or arranged by staff), the request is still handled; once the call is held, "selesai" is done.
    @Test(arguments: [
        (TicketSummary.CallStage?.some(.documentsInReview), false, false),
        (.some(.arrangedByStaff), false, false), (nil, true, false), (.some(.verified), false, true),
        (nil, false, true),
    ])
    func doneWithACallStillAheadEndsWhatWasSent(call: TicketSummary.CallStage?, offered: Bool, done: Bool) throws {
        let ticket = TicketSummary(
            number: 79, title: "Registrasi", stateText: "Diproses Level 1", waitingOn: "petugas", due: nil,
            call: call)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        if offered {
            chat.context.verification = VerificationOffer(
                ticket: 79, freeSlots: [chat.now.addingTimeInterval(86_400)], earliest: chat.now,
                horizonEnd: chat.now.addingTimeInterval(7 * 86_400))
        }
        let answer = render(chat.type("selesai", .checkStatus, confidence: 0.9))
        #expect(answer.contains("appendToTicket #79: selesai"), "\(answer)")
        #expect(answer.contains("Kami sampaikan ke petugas tiket #79") == done, "\(answer)")
        #expect(answer.contains("Tiket #79 tetap kami proses") != done, "\(answer)")
    }

    /// SIKaP's answer says what SIKaP is: it answers that question ("sikap itu apa ya?"), not every message with the
    /// word. "cara tambah pengalaman perusahaan di sikap gimana" (how to use it) got the definition and the menu, and
    /// starts the consultation; "sikap petugasnya kurang ramah" (the staff's attitude) got it too.
    @Test(arguments: [
        ("sikap itu apa ya?", true), ("apa itu SIKaP?", true),
        ("cara tambah pengalaman perusahaan di sikap gimana", false), ("sikap petugasnya kurang ramah", false),
    ])
    func sikapsAnswerAnswersWhatItIs(text: String, defined: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("SIKaP (Sistem Informasi Kinerja Penyedia) adalah") == defined, "\(answer)")
        if text.hasPrefix("cara") { #expect(answer.contains("kita mulai permohonan Konsultasi SPSE"), "\(answer)") }
    }

    /// When the verification call can be, asked with the word "verifikasi" ("apakah bisa verifikasi hari sabtu?",
    /// which got the menu), gets the call's days and hours, as "vc sabtu" did.
    @Test(arguments: ["apakah bisa verifikasi hari sabtu?", "verifikasinya jam berapa aja min?"])
    func whenTheVerificationCanBeIsAnswered(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(try chat.read(text))
        #expect(answer.contains("Video call verifikasi dilakukan Senin–Jumat pukul 10.00–14.00 WIB"), "\(answer)")
    }

    /// A question naming a service ("apakah ada biaya pendaftaran?", "gimana cara daftar jadi penyedia?") is
    /// answered from the FAQ, and the menu offers the service; it does not start the service's form. "mau
    /// daftar" still does, as does a question the FAQ has no answer for.
    @Test(arguments: [
        ("apakah ada biaya pendaftaran?", "tidak dipungut biaya"),
        ("gimana cara daftar jadi penyedia?", "Pendaftaran Penyedia"),
        ("apa itu sikap?", "Sistem Informasi Kinerja Penyedia"),
        ("boleh diwakilkan staf saya?", "surat kuasa"),
    ])
    func aQuestionNamingAServiceIsAnsweredNotStarted(text: String, answer: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(chat.type(text, .createTicket, confidence: 0.9))
        #expect(reply.contains(answer), "\(reply)")
        #expect(chat.state.step == .menu, "\(reply)")
        var start = Transcript(catalogue: try Fixtures.catalogue())
        _ = start.type("mau daftar akun spse", .createTicket, confidence: 0.9)
        #expect(start.draft?.serviceID == "registrasi")
    }

    /// A question about a request Loket has no ticket for is told how to reach staff; "status" alone is not. In a
    /// form, it goes to staff with the form.
    @Test func aStatusQuestionWithoutATicketSaysHowToReachStaff() throws {
        let text = "akun saya sudah terdaftar tapi status belum terverifikasi sejak seminggu lalu"
        var outside = Transcript(catalogue: try Fixtures.catalogue())
        let told = render(outside.type(text, .checkStatus, confidence: 0.99))
        #expect(told.contains("Anda tidak memiliki tiket yang sedang terbuka."), "\(told)")
        #expect(told.contains("ketik *petugas*"), "\(told)")
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        let long = render(chat.type(text, .checkStatus, confidence: 0.99))
        #expect(long.contains("Anda tidak memiliki tiket yang sedang terbuka."), "\(long)")
        #expect(long.contains("Pesan Anda kami sertakan dalam permohonan ini untuk petugas"), "\(long)")
        #expect(chat.draft?.remarks == [text], "\(chat.draft?.remarks ?? [])")
        #expect(long.contains("pemberitahuan pelindungan data pribadi di atas"), "the form goes on: \(long)")
        var bare = Transcript(catalogue: try Fixtures.catalogue())
        #expect(!render(bare.type("status")).contains("ketik *petugas*"))
    }

    /// "ptugas" where the company's name is asked got "Nama badan usaha belum terbaca.": one word the recognizer
    /// is sure asks for staff reaches them, as "petugas" does. A word it is less sure of is read as an answer.
    @Test func aMistypedWordForStaffWhereTheNameIsAskedReachesThem() throws {
        var exact = try Self.atCompanyQuestion()
        let expected = render(exact.type("petugas", .human, confidence: 0.97))
        var chat = try Self.atCompanyQuestion()
        let answer = render(chat.type("ptugas", .human, confidence: 0.97))
        #expect(!answer.contains("belum terbaca") && answer == expected, "\(answer)\n---\n\(expected)")
        var unsure = try Self.atCompanyQuestion()
        let guess = render(unsure.type("ptugas", .human, confidence: 0.6))
        #expect(guess.contains("belum terbaca"), "\(guess)")
    }

    /// "perorangan" where the name is asked gives the form, and the name is asked for; one word is then a
    /// name. "saya perorangan, nama usaha Toko Budi" gives both. "PT" or "CV." alone, keywords too, got "\"PT\"
    /// bukan nama badan usaha", and the name typed next was asked its form.
    @Test(arguments: [("perorangan", "Perorangan", "Budi"), ("PT", "PT", "Maju Jaya Abadi"), ("CV.", "CV", "Sinar")])
    func aFormAloneAtTheNameIsKeptAndTheNameAsked(typed: String, form title: String, name typedName: String) throws {
        var chat = try Self.atCompanyQuestion()
        let form = render(chat.type(typed))
        #expect(form.contains("Bentuk usaha \(title) kami catat"), "\(form)")
        #expect(form.contains("Tulis nama usaha Anda tanpa bentuknya"), "\(form)")
        #expect(!form.contains("beserta bentuknya"), "the form is known: \(form)")
        let name = render(chat.type(typedName))
        #expect(name.contains("Nomor WhatsApp direksi"), "the form is not asked again: \(name)")
        #expect(chat.draft?.businessForm?.rawValue == title, "\(chat.draft?.answers ?? [:])")
        var both = try Self.atCompanyQuestion()
        let answer = render(both.type("saya perorangan, nama usaha Toko Budi"))
        #expect(answer.contains("Nomor WhatsApp direksi"), "\(answer)")
        let draft = try #require(both.draft, "the form was left")
        #expect(draft.answers["company"] == "Toko Budi" && draft.businessForm == .perorangan, "\(draft.answers)")
    }

    /// "PT. MAJU JAYA ABADI, TBK" where the name is asked got "Bentuk usaha PT kami catat" and the name asked
    /// again: "Tbk", a public PT's mark, named the form, and the name beside it was dropped. A name with its form
    /// answers the question whatever else names the form.
    @Test(arguments: ["PT. MAJU JAYA ABADI, TBK", "PT Maju Jaya Abadi Tbk", "pt maju jaya abadi (perseroan terbatas)"])
    func aNameWithItsFormAndAnotherMarkOfItIsTheName(text: String) throws {
        var chat = try Self.atCompanyQuestion()
        let answer = render(chat.type(text))
        #expect(!answer.contains("Tulis nama usaha Anda tanpa bentuknya"), "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi"), "\(answer)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.businessForm == .pt, "\(draft)")
        #expect(draft.answers["company"]?.lowercased().hasPrefix("maju jaya abadi") == true, "\(draft.answers)")
    }

    /// "mau daftar, saya perorangan" starts the registration with the form and asks for the name alone: the
    /// ticket was opened "atas nama ." before, with an empty name, as the recognizer gives the form without one.
    @Test func aFormInTheOpeningMessageAsksForTheNameAlone() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(
            chat.type(
                "mau daftar, saya perorangan", .createTicket, confidence: 0.99,
                entities: Entities(company: Company(name: "", form: .perorangan))))
        #expect(first.contains("Tulis nama usaha Anda tanpa bentuknya"), "\(first)")
        let next = render(chat.type("Budi Santoso"))
        #expect(next.contains("Nomor WhatsApp direksi"), "the form is not asked: \(next)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.answers["company"] == "Budi Santoso" && draft.businessForm == .perorangan, "\(draft.answers)")
    }

    /// "eh jangan dibatalin, lanjut aja" right after "batal" brings the form back where it was left; it was kept as
    /// a message for staff before, and the answers were gone. Another request started meanwhile drops the form.
    @Test func aCancelledFormIsBroughtBackByLanjut() throws {
        var chat = try Self.atPhoneQuestion()
        let cancelled = render(chat.type("batal", .cancel, confidence: 0.99))
        #expect(cancelled.contains("Ketik *lanjut* bila tidak jadi membatalkan."), "\(cancelled)")
        let back = render(chat.type("eh jangan dibatalin, lanjut aja"))
        #expect(back.contains("dilanjutkan dari langkah terakhir"), "\(back)")
        #expect(back.contains("Nomor WhatsApp direksi"), "the question it was at: \(back)")
        let draft = try #require(chat.draft, "the form was not brought back")
        #expect(draft.answers["company"] != nil)
        var other = try Self.atPhoneQuestion()
        _ = other.type("batal", .cancel, confidence: 0.99)
        _ = other.tap("menu.konsultasi")
        _ = other.type("menu", .menu, confidence: 0.99)
        #expect(!render(other.type("lanjut")).contains("dilanjutkan dari langkah terakhir"))
    }

    /// The NPWP is shown in the summary and the ticket's description as printed on the card, for staff who compare
    /// it with the PDF; the ticket keeps its digits.
    @Test func theNPWPIsShownAsPrinted() throws {
        var chat = try Transcript.atResetChecklist(
            company: "Koperasi Sejahtera Bersama", npwp: "12.345.678.9-012.345", digits: "123456789012345")
        let summary = render(chat.sendDocuments("surat permohonan.pdf", "ktp.pdf"))
        #expect(summary.contains("NPWP: 12.345.678.9-012.345"), "\(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.description.contains("(NPWP 12.345.678.9-012.345)"), "\(opened.description)")
        #expect(opened.npwp == "123456789012345")
    }

    /// An individual's NPWP is their NIK, which the chat never echoes in full: the summary shows its first six
    /// and last four digits; the ticket keeps all of it for staff. A company's 16-digit NPWP (0 and the old
    /// fifteen) is shown whole.
    @Test func aNIKIsNeverEchoedInFull() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("saya perorangan, nama usaha Toko Budi Jaya")
        let taken = render(chat.type("3201234507850001", entities: Entities(npwp: "3201234507850001")))
        #expect(!taken.contains("3201234507850001"), "\(taken)")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        _ = chat.pdf("m1", "ktp.pdf")
        let summary = render(chat.stored("m1", "ktp.pdf"))
        #expect(summary.contains("320123••••••0001"), "\(summary)")
        #expect(!summary.contains("3201234507850001"), "\(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.npwp == "3201234507850001" && opened.description.contains("3201234507850001"))
        #expect(NIKMask.masked("NPWP 0123456789012345, tiket #12") == "NPWP 0123456789012345, tiket #12")
        #expect(NIKMask.masked("3201234507850001 dan 3275014101900002") == "320123••••••0001 dan 327501••••••0002")
    }

    /// A wrong director's number is told what is wrong with it, and asked again.
    @Test(arguments: [
        ("0251 832 1123", "0251 832 1123 tampaknya nomor telepon kantor atau rumah"),
        // A landline with words around it is still a landline, not an explanation kept for staff.
        ("pakai nomor kantor aja 021 555 1234", "› 021 555 1234 tampaknya nomor telepon kantor atau rumah"),
        ("+65 9123 4567", "hanya dapat dilakukan ke nomor HP Indonesia (+62)"),
        ("0812345", "bukan nomor HP Indonesia yang valid. Yang Anda tulis berisi 7 digit."),
        // No number at all is asked for, not called invalid.
        ("direktur", "Pesan itu belum berisi nomor HP."),
    ])
    func aWrongDirectorsNumberIsToldWhatIsWrong(text: String, expected: String) throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type(text))
        #expect(answer.contains(expected), "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi"), "asked again: \(answer)")
    }

    /// An NPWP with the right count of digits that is no NPWP is said to be invalid, not to have the wrong count;
    /// one with another count is told how many digits it has.
    @Test func aWrongNPWPIsToldWhatIsWrongWithIt() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("CV Tono Makmur")
        let zeros = render(chat.type("00.000.000.0-000.000"))
        #expect(zeros.contains("NPWP 00.000.000.0-000.000 tidak valid"), "\(zeros)")
        #expect(!zeros.contains("harus 15 atau 16 digit"), "\(zeros)")
        let short = render(chat.type("01.234.567.8-901"))
        #expect(short.contains("NPWP harus 15 atau 16 digit. Yang Anda tulis berisi 12 digit."), "\(short)")
    }

    /// A mobile number typed where the NPWP is asked is said to be one, and kept for the director's number the
    /// form asks later: that question is then not asked. A second one, with nowhere to go, is only refused.
    @Test func aPhoneNumberAtTheNPWPIsKeptForTheDirectorsNumber() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("CV Tono Makmur")
        let kept = render(chat.type("081298765432", entities: Entities(phone: "+6281298765432")))
        #expect(kept.contains("+6281298765432 kami catat sebagai nomor WhatsApp direksi"), "\(kept)")
        #expect(kept.contains("Tulis NPWP badan usaha"), "the NPWP is asked again: \(kept)")
        let again = render(chat.type("0813 1111 2222", entities: Entities(phone: "+6281311112222")))
        #expect(again.contains("+6281311112222 adalah nomor HP, bukan NPWP"), "\(again)")
        let next = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(next.contains("Pemberitahuan pelindungan data pribadi"), "the director's number is not asked: \(next)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.answers.values.contains("+6281298765432"), "\(draft.answers)")
    }

    /// "mau ganti direktur di data perusahaan kami" asks for a data change without saying it: the change is
    /// still asked. An explanation typed where a number is asked is kept in the change, never dropped.
    @Test func anExplanationWhereANumberIsAskedIsKeptInTheFormsText() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("siang min, mau ganti direktur di data perusahaan kami", .createTicket, confidence: 0.99)
        _ = chat.type("PT Wati Sejahtera")
        let explanation = "direktur lama Budi Santoso diganti Wati Lestari sejak Oktober 2026"
        let kept = render(chat.type(explanation))
        #expect(kept.contains("Keterangan Anda kami catat di \"Perubahan\""), "\(kept)")
        #expect(kept.contains("Tulis NPWP badan usaha"), "the NPWP is asked again: \(kept)")
        let next = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(next.contains("Nomor WhatsApp direksi"), "the change is answered, the number comes next: \(next)")
        _ = chat.type("alamat kantor juga pindah ke Jl. Merdeka 10 Bogor")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.answers["changes"] == explanation + "\nalamat kantor juga pindah ke Jl. Merdeka 10 Bogor")
    }

    /// In a registration, whose form has no free-text field, an NPWP and an address typed where the director's
    /// number is asked are said to be what they are, kept for staff at the end of the ticket's description, and
    /// the number asked again: they were refused before ("tampaknya nomor telepon kantor", "berisi 6 digit").
    @Test func whatARegistrationHasNoFieldForIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("CV Sumber Rejeki Abadi")
        let npwp = render(chat.type("npwp nya 01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(npwp.contains("01.234.567.8-901.000 adalah NPWP, bukan nomor HP. Kami catat untuk petugas."), "\(npwp)")
        #expect(!npwp.contains("nomor telepon kantor"), "\(npwp)")
        #expect(npwp.contains("Nomor WhatsApp direksi"), "asked again: \(npwp)")
        let address = "alamat jl. merdeka no 10 rt 02 rw 03 kel. sukamaju kec. cibinong kab bogor"
        let kept = render(chat.type(address))
        #expect(kept.contains("Keterangan Anda kami catat untuk petugas."), "\(kept)")
        #expect(!kept.contains("digit"), "\(kept)")
        #expect(kept.contains("Nomor WhatsApp direksi"), "asked again: \(kept)")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let summary = render(chat.sendDocuments("ktp.pdf", "npwp.pdf"))
        let notes = "Catatan pelapor:\n• npwp nya 01.234.567.8-901.000\n• " + address
        #expect(summary.contains(notes), "\(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.description.hasSuffix(notes), "\(opened.description)")
    }

    /// "npwp nya lagi dicari, nanti sy kirim", "boleh dilewati dulu?" where the NPWP is asked: the form waits for
    /// it, says so, and counts no wrong answer; the NPWP sent later goes on. It got "NPWP harus 15 atau 16 digit."
    @Test(arguments: ["npwp nya lagi dicari min, nanti sy kirim", "boleh dilewati dulu?", "belum ada npwp nya"])
    func aNumberToFollowLaterIsWaitedFor(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Cahaya Baru")
        let answer = render(chat.type(text))
        #expect(answer.contains("Kirim NPWP di chat ini kapan saja"), "\(answer)")
        #expect(!answer.contains("digit"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
        #expect(try #require(chat.draft).remarks == nil)
        let next = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(next.contains("Nomor WhatsApp direksi"), "\(next)")
    }

    /// What is typed where the company's name is asked and is no name: "sebentar ya min" was stored as the
    /// company ("Apa bentuk usaha sebentar ya min?"), and so were questions. A question the FAQ answers is
    /// answered, another is kept for staff; a name followed by what the company does keeps the name alone.
    @Test func aWaitOrAQuestionAtTheNameIsNoName() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        let wait = render(chat.type("sebentar ya min"))
        #expect(wait.contains("Kirim nama usaha di chat ini kapan saja"), "\(wait)")
        let faq = render(chat.type("apa itu bentuk usaha?"))
        #expect(faq.contains("Bentuk usaha adalah jenis badan usaha Anda"), "\(faq)")
        #expect(faq.contains("Tulis nama badan usaha"), "asked again: \(faq)")
        let question = render(chat.type("kenapa harus pakai nama perusahaan"))
        #expect(question.contains("Pertanyaan Anda kami catat untuk petugas"), "\(question)")
        #expect(try #require(chat.draft).answers["company"] == nil)
        _ = chat.type("namanya CV. Berkah Jaya Abadi, bergerak di bidang konstruksi")
        let draft = try #require(chat.draft)
        #expect(draft.answers["company"] == "Berkah Jaya Abadi" && draft.businessForm == .cv, "\(draft.answers)")
        #expect(draft.remarks == ["kenapa harus pakai nama perusahaan", "bergerak di bidang konstruksi"])
        var other = Transcript(catalogue: try Fixtures.catalogue())
        _ = other.tap("menu.registrasi")
        _ = other.type("PT Apa Saja Jaya")
        #expect(other.draft?.answers["company"] == "Apa Saja Jaya", "a name that starts with a question word")
    }

    /// At the checklist, a file too large, a link or an email instead of a file get how to send what it asks,
    /// before the requirements or a note the words also read as: "file nya kebesaran min, 8 mb" got the list of
    /// requirements, "bisa kirim lewat google drive?" only "noted for staff". A statement is still kept for staff.
    @Test func howToSendTheFilesIsAnsweredAtTheChecklist() throws {
        var chat = try Self.atChecklist(company: "CV Sinar Abadi")
        let large = render(chat.type("file nya kebesaran min, 8 mb", .requirements, confidence: 0.8))
        #expect(large.contains("Bila file lebih dari 4 MB") && !large.contains("Dokumen verifikasi"), "\(large)")
        let drive = render(chat.type("bisa kirim lewat google drive?"))
        #expect(drive.contains("tautan Google Drive atau email tidak dapat kami periksa"), "\(drive)")
        #expect(!drive.contains("kami catat"), "\(drive)")
        let email = render(chat.type("npwp sudah dikirim lewat email ya min"))
        #expect(email.contains("Keterangan Anda kami catat") && email.contains("di chat ini"), "\(email)")
        #expect(try #require(chat.draft).remarks == ["npwp sudah dikirim lewat email ya min"])
        #expect(chat.state.invalidAnswers == 0)
    }

    /// The summary is shown to be checked, and what is said about it changes it: "nama perusahaannya salah,
    /// harusnya CV Sinar Abadi Jaya" (read as a new request at 0.9) dropped the form for the menu; a new
    /// director's number was kept as a note; "ktp nya salah file" got the requirements.
    @Test func whatIsSaidAtTheSummaryChangesIt() throws {
        var chat = try Self.atChecklist(company: "CV Sinar Abadi")
        _ = chat.sendDocuments("ktp.pdf", "npwp.pdf")
        let name = render(
            chat.type(
                "nama perusahaannya salah, harusnya CV Sinar Abadi Jaya", .createTicket, confidence: 0.903,
                entities: Entities(company: Company(name: "CV Sinar Abadi Jaya", form: .cv))))
        #expect(name.contains("✅ Nama usaha kami ubah menjadi CV Sinar Abadi Jaya."), "\(name)")
        #expect(name.contains("Nama usaha: CV Sinar Abadi Jaya") && name.contains("Kirim permohonan ini?"), "\(name)")
        let phone = render(
            chat.type("nomor direktur ganti ya 0813 2222 3333", entities: Entities(phone: "+6281322223333")))
        #expect(phone.contains("No. WA direksi: +6281322223333"), "\(phone)")
        #expect(try #require(chat.draft).remarks == nil)
        let resend = render(chat.type("ktp nya salah file", .requirements, confidence: 0.99))
        #expect(resend.contains("Silakan kirim file KTP/KITAS Direktur sekarang."), "\(resend)")
        _ = chat.pdf("m3", "ktp baru.pdf")
        let summary = render(chat.stored("m3", "ktp baru.pdf"))
        #expect(summary.contains("• KTP/KITAS Direktur (ktp baru.pdf)") && !summary.contains("(ktp.pdf)"), "\(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.companyName == "CV Sinar Abadi Jaya" && opened.directorPhone == "+6281322223333")
    }

    /// "saya mau batalkan permohonan tadi" with a ticket open, outside a form, reaches that ticket's staff and
    /// says so: it got the menu, and the ticket stayed open without anyone knowing. A bare "batal" is still the
    /// menu.
    @Test func aRequestToCancelASubmittedTicketReachesItsStaff() throws {
        let ticket = TicketSummary(number: 31, title: "Registrasi", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let text = "saya mau batalkan permohonan tadi"
        let answer = render(chat.type(text, .cancel, confidence: 0.95))
        #expect(answer.contains("⚙ appendToTicket #31: " + text), "\(answer)")
        #expect(answer.contains("Permintaan pembatalan Anda kami teruskan ke petugas tiket #31."), "\(answer)")
        #expect(!answer.contains("Silakan pilih layanan"), "\(answer)")
        let bare = render(chat.type("batal"))
        #expect(bare.contains("Silakan pilih layanan") && !bare.contains("appendToTicket"), "\(bare)")
    }

    /// An NPWP typed at the privacy notice, and an address at the summary, are kept for staff and the question
    /// asked again: both got "Mohon pilih salah satu." and were gone.
    @Test func whatIsTypedAtTheConsentOrTheSummaryIsKeptForStaff() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("CV Sumber Rejeki Abadi")
        _ = chat.tap("phone.self")
        let npwp = render(chat.type("01.234.567.8-901.000", entities: Entities(npwp: "012345678901000")))
        #expect(npwp.contains("Keterangan Anda kami catat untuk petugas."), "\(npwp)")
        #expect(!npwp.contains("Mohon pilih"), "\(npwp)")
        #expect(npwp.contains("Apakah Anda setuju?"), "the notice is asked again: \(npwp)")
        _ = chat.tap("consent.yes")
        _ = chat.sendDocuments("ktp.pdf", "npwp.pdf")
        let address = "alamat kantor kami sudah pindah ke Jl. Merdeka 10 Bogor"
        let summary = render(chat.type(address))
        #expect(summary.contains("Keterangan Anda kami catat untuk petugas."), "\(summary)")
        let notes = "Catatan pelapor:\n• 01.234.567.8-901.000\n• " + address
        #expect(summary.contains(notes), "the summary again, with both: \(summary)")
        let opened = try #require(openedTicket(chat.tap("summary.confirm")))
        #expect(opened.description.hasSuffix(notes), "\(opened.description)")
    }

    /// A short word that is no answer at the notice still gets the choice again, and nothing is kept.
    @Test func aShortWordAtTheConsentIsAskedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("CV Sumber Rejeki Abadi")
        _ = chat.tap("phone.self")
        let answer = render(chat.type("hmm gimana"))
        #expect(answer.contains("Mohon pilih salah satu."), "\(answer)")
        #expect(try #require(chat.draft).remarks == nil)
    }

    /// A provider writing from a foreign number (a foreign company's staff in Singapore) is not offered "Pakai
    /// nomor ini" for it: the call reaches Indonesian numbers only, and the button got "Mohon pilih salah satu.".
    /// "nomor ini aja" is told why, and an Indonesian number typed is taken.
    @Test func aForeignOwnNumberIsNotOffered() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.waID = "6591234567"
        _ = chat.tap("menu.registrasi")
        let effects = chat.type("PT Global Tech Indonesia")
        let asked = render(effects)
        #expect(asked.contains("Tulis nomor HP Indonesia (+62)") && !asked.contains("Pakai nomor ini"), "\(asked)")
        #expect(offeredIDs(effects).isEmpty, "\(asked)")
        let own = render(chat.type("nomor ini aja"))
        #expect(own.contains("hanya dapat dilakukan ke nomor HP Indonesia"), "\(own)")
        _ = chat.type("0812 9999 8888", entities: Entities(phone: "+6281299998888"))
        #expect(chat.draft?.answers["director_phone"] == "+6281299998888")
    }

    /// "bukan nomor ini" is no yes: the number is asked for and nothing is stored.
    @Test func aNegatedOwnNumberIsAskedAgain() throws {
        var chat = try Self.atPhoneQuestion()
        let answer = render(chat.type("bukan nomor ini", .deny, confidence: 0.9))
        #expect(answer.contains("tulis nomor WhatsApp direksi"), "\(answer)")
        let draft = try #require(chat.draft, "the journey was left: \(answer)")
        #expect(draft.answers["director_phone"] == nil)
    }

    /// "selesai" where a number is asked is not read as a status question ("Anda tidak memiliki tiket…"): the
    /// provider is told the request is not finished and asked again, and staff are offered after the limit.
    @Test(arguments: ["selesai", "sudah", "done"])
    func doneWordsAtAQuestionSayTheRequestIsNotFinished(word: String) throws {
        var chat = try Self.atPhoneQuestion()
        let first = render(chat.type(word, .checkStatus, confidence: 0.89))
        #expect(first.contains("belum selesai"), "\(first)")
        #expect(first.contains("Nomor WhatsApp direksi"), "\(first)")
        #expect(!first.contains("tidak memiliki tiket"), "\(first)")
        let draft = try #require(chat.draft, "the journey was left: \(first)")
        #expect(draft.answers["director_phone"] == nil, "not taken as the number")
        _ = chat.type(word, .checkStatus, confidence: 0.89)
        let third = render(chat.type(word, .checkStatus, confidence: 0.89))
        #expect(third.contains("Bicara petugas"), "no loop: staff are offered\n\(third)")
    }

    /// The same at the privacy notice: "selesai" neither agrees nor asks for a status; "sudah", read as a yes,
    /// still agrees.
    @Test func doneAtThePrivacyNoticeSaysTheRequestIsNotFinished() throws {
        var chat = try Self.atPhoneQuestion()
        _ = chat.tap("phone.self")
        let answer = render(chat.type("selesai", .checkStatus, confidence: 0.89))
        #expect(answer.contains("belum selesai"), "\(answer)")
        #expect(answer.contains("Apakah Anda setuju?"), "\(answer)")
        #expect(!answer.contains("tidak memiliki tiket"), "\(answer)")
        #expect(chat.state.consent == nil, "not taken as consent")
        _ = chat.type("sudah", .affirm, confidence: 0.97)
        #expect(chat.state.consent != nil, "a yes")
    }

    @Test func aQuestionTheBotAnswersIsAlsoLoggedOnTheOpenTicket() throws {
        let ticket = TicketSummary(
            number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let question = "jam 10.30 direktur rapat, bisa diundur jam 13.00?"
        let answer = render(chat.type(question, .schedule, confidence: 0.9))
        #expect(answer.contains("⚙ appendToTicket #1259: \(question)"))
        #expect(answer.contains("diteruskan ke petugas pada tiket #1259"))
        let requirements = render(chat.type("akta perlu dikirim juga?", .requirements, confidence: 0.9))
        #expect(requirements.contains("⚙ appendToTicket #1259: akta perlu dikirim juga?"))
    }
}

/// "Apakah permintaan pada tiket #… sudah selesai?" answered in the provider's own words, not only with the
/// buttons: what says solved closes, what says not solved reopens (with the message when it says why).
struct ResolutionAnswerTests {
    static func resolved() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.event(.ticketResolved(ticket: 1259, note: "Akun sudah aktif."))
        return chat
    }

    /// The intents are what the recognizer gives these messages ("sudah selesai …" reads as a status question).
    @Test(arguments: [
        ("udh beres ya min? makasih bnyk", Intent.checkStatus), ("sudah selesai terima kasih", .checkStatus),
        ("sudah bisa login", .unknown), ("aman kak", .unknown), ("tidak ada masalah lagi", .unknown),
        ("ok sip", .affirm), ("gak ada kendala, mantap", .unknown),
    ])
    func wordsThatSaySolvedCloseTheTicket(text: String, intent: Intent) throws {
        var chat = try Self.resolved()
        let answer = render(chat.type(text, intent, confidence: 0.95))
        #expect(answer.contains("⚙ confirmResolution #1259"), "\(answer)")
        #expect(chat.state.step == .idle)
    }

    @Test(arguments: [
        ("blm bisa login min", Intent.unknown), ("sudah tapi masih error", .checkStatus),
        ("tidak bisa masuk akun", .unknown), ("tidak ada perubahan sama sekali", .unknown),
    ])
    func wordsThatSayWhatIsStillWrongReopenWithThem(text: String, intent: Intent) throws {
        var chat = try Self.resolved()
        let answer = render(chat.type(text, intent, confidence: 0.95))
        #expect(answer.contains("⚙ reopen #1259: \(text)"), "\(answer)")
        #expect(answer.contains("dibuka kembali"), "\(answer)")
    }

    @Test(arguments: [("belum", Intent.deny), ("blm min", .unknown), ("tidak", .deny)])
    func aBareNoAsksWhatIsStillWrong(text: String, intent: Intent) throws {
        var chat = try Self.resolved()
        let answer = render(chat.type(text, intent, confidence: 0.95))
        #expect(answer.contains("Apa yang masih belum selesai pada tiket #1259?"), "\(answer)")
        #expect(!answer.contains("reopen"), "\(answer)")
    }

    /// "belum dicoba min" is not "not solved": it reopened the ticket ("belum" is a not-yet word), and "nanti
    /// saya cek dulu" got "Mohon pilih salah satu.". The provider is asked to try first, and the ticket stays
    /// resolved.
    @Test(arguments: ["belum dicoba min", "nanti saya cek dulu", "blm sempat coba"])
    func notTriedYetIsAskedToTryFirst(text: String) throws {
        var chat = try Self.resolved()
        let answer = render(chat.type(text, .deny, confidence: 0.8))
        #expect(answer.contains("Baik, silakan dicoba dulu."), "\(answer)")
        #expect(!answer.contains("reopen") && !answer.contains("confirmResolution"), "\(answer)")
        #expect(answer.contains("Apakah permintaan pada tiket #1259 sudah selesai?"), "\(answer)")
        #expect(chat.state.invalidAnswers == 0)
    }

    /// A question about what staff did ("passwordnya apa ya?") got "Mohon pilih salah satu." and reached no one:
    /// it reopens the ticket with the question.
    @Test func aQuestionAboutItReopensWithTheQuestion() throws {
        var chat = try Self.resolved()
        let answer = render(chat.type("passwordnya apa ya?", .unknown, confidence: 0.5))
        #expect(answer.contains("⚙ reopen #1259: passwordnya apa ya?"), "\(answer)")
    }

    @Test func somethingElseIsAskedAgain() throws {
        var chat = try Self.resolved()
        let answer = render(chat.type("bisa min", .unknown))
        #expect(answer.contains("Apakah permintaan pada tiket #1259 sudah selesai?"), "\(answer)")
        #expect(!answer.contains("confirmResolution") && !answer.contains("reopen"), "\(answer)")
    }
}

/// How a provider greets is answered in kind.
struct GreetingTests {
    /// "assalamualaikum" (in its spellings) is answered "Waalaikumsalam" before the welcome and the menu; "halo" is
    /// not.
    @Test(arguments: [
        ("assalamualaikum", Intent.greeting), ("Assalamu'alaikum wr wb", .greeting), ("asalamualaikum min", .unknown),
    ])
    func aSalamIsAnsweredInKind(text: String, intent: Intent) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type(text, intent, confidence: 0.9))
        #expect(answer.hasPrefix("› Waalaikumsalam. Halo Budi, selamat datang"), "\(answer)")
        #expect(answer.contains("Silakan pilih layanan"), "\(answer)")
    }

    /// A request for the menu that opens the chat ("halo min mau tanya", read as "menu" at 0.98) is greeted like
    /// "halo", as is the first message after a long pause; one in the middle of a chat only shows the menu.
    @Test func aMenuRequestOpeningTheChatIsGreeted() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.type("halo min mau", .menu, confidence: 0.98))
        #expect(first.hasPrefix("› Halo Budi, selamat datang"), "\(first)")
        #expect(first.contains("Silakan pilih layanan"), "\(first)")
        let again = render(chat.type("menu", .menu, confidence: 0.98))
        #expect(again.hasPrefix("› Silakan pilih layanan"), "\(again)")
        chat.now = chat.now.addingTimeInterval(3 * 3600)
        let later = render(chat.type("min mau tanya", .menu, confidence: 0.98))
        #expect(later.hasPrefix("› Halo Budi, selamat datang"), "\(later)")
    }

    /// "min??" after the ticket's status, in a chat under way: "Halo Budi, ada yang bisa kami bantu?", not a second
    /// "selamat datang"; after a long pause the welcome comes again.
    @Test func aGreetingAfterTheStatusIsNotAWelcome() throws {
        let ticket = TicketSummary(number: 41, title: "Reset", stateText: "Baru", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        _ = chat.type("status")
        chat.now = chat.now.addingTimeInterval(60)
        let again = render(chat.type("min??", .greeting, confidence: 0.9))
        #expect(again.hasPrefix("› Halo Budi, ada yang bisa kami bantu?"), "\(again)")
        #expect(!again.contains("selamat datang") && again.contains("Tiket #41"), "\(again)")
        chat.now = chat.now.addingTimeInterval(3 * 3600)
        let later = render(chat.type("halo", .greeting, confidence: 0.9))
        #expect(later.hasPrefix("› Halo Budi, selamat datang"), "\(later)")
    }

    /// "P" then "min" then "assalamualaikum": the menu was just shown, so a greeting gets no second welcome
    /// ("Halo Budi, selamat datang" came twice within seconds) and no second list, and a salam is still answered
    /// in kind; minutes later the list comes again, and after a long pause the welcome too.
    @Test func aGreetingRightAfterTheMenuIsNotWelcomedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let first = render(chat.type("P", .greeting, confidence: 0.9))
        #expect(first.hasPrefix("› Halo Budi, selamat datang"), "\(first)")
        let again = render(chat.type("min", .greeting, confidence: 0.9))
        #expect(again.hasPrefix("› Halo Budi, ada yang bisa kami bantu?"), "\(again)")
        #expect(!again.contains("selamat datang") && again.contains("daftar di atas"), "\(again)")
        #expect(!again.contains("≡ Lihat menu"), "the list just sent is not sent again: \(again)")
        let salam = render(chat.type("assalamualaikum", .greeting, confidence: 0.9))
        #expect(salam.hasPrefix("› Waalaikumsalam. Halo Budi, ada yang bisa kami bantu?"), "\(salam)")
        // "mau tanya" (read as the menu) gets the invitation to write; "menu" typed gets the list.
        let ask = render(chat.type("mau tanya", .menu, confidence: 0.98))
        #expect(ask.contains("Silakan tulis pertanyaan") && !ask.contains("≡ Lihat menu"), "\(ask)")
        #expect(render(chat.type("menu")).contains("≡ Lihat menu"))
        // Minutes later, the list comes again.
        chat.now = chat.now.addingTimeInterval(300)
        let minutes = render(chat.type("halo", .greeting, confidence: 0.9))
        #expect(minutes.contains("≡ Lihat menu") && !minutes.contains("selamat datang"), "\(minutes)")
        chat.now = chat.now.addingTimeInterval(3 * 3600)
        let later = render(chat.type("halo", .greeting, confidence: 0.9))
        #expect(later.hasPrefix("› Halo Budi, selamat datang"), "\(later)")
    }

    @Test func aHelloIsNotAnsweredWithASalam() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let answer = render(chat.type("halo min", .greeting, confidence: 0.9))
        #expect(answer.hasPrefix("› Halo Budi, selamat datang"), "\(answer)")
        #expect(!answer.contains("Waalaikumsalam"))
    }
}

/// The language a provider writes in, from their own words.
struct LanguageByWordsTests {
    @Test(arguments: [
        "Hello, I need to register my company", "Good morning, how can I check my ticket?",
        "hi, we want to register our company please",
    ])
    func englishWordsGetEnglishReplies(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let reply = render(chat.type(text, .createTicket, confidence: 0.9))
        #expect(chat.state.language == .english)
        #expect(reply.contains("Registration"), "\(reply)")
        let back = render(chat.type("bahasa indonesia"))
        #expect(chat.state.language == .indonesian)
        #expect(back.contains("Bahasa diganti ke Bahasa Indonesia"), "\(back)")
    }

    @Test(arguments: [
        "halo, saya mau daftar", "Selamat pagi pak, mau registrasi perusahaan", "min, mau tanya dong",
        "ok thanks", "PT Maju Jaya", "mau register company saya",
    ])
    func indonesianAndMixedLinesKeepIndonesian(text: String) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type(text)
        #expect(chat.state.language != .english, "\(text)")
    }
}

/// After "petugas", what the provider writes is for staff, whatever it reads like.
struct StaffConversationTests {
    /// Handed to staff, who opened ticket #1400 for the conversation.
    static func handedOff() throws -> Transcript {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("petugas")
        _ = chat.event(.ticketOpened(number: 1400))
        chat.context.openTickets = [
            TicketSummary(number: 1400, title: "Permintaan bantuan", stateText: "Baru", waitingOn: "petugas", due: nil)
        ]
        return chat
    }

    @Test func theQuestionTypedAfterAHandOffReachesTheTicketEvenWhenItReadsLikeAMenuRequest() throws {
        var chat = try Self.handedOff()
        let question = "mau daftar ulang perusahaan, bagaimana caranya?"
        let answer = render(chat.type(question, .createTicket, confidence: 0.95))
        #expect(answer.contains("⚙ appendToTicket #1400: \(question)"))
        #expect(!answer.contains("Silakan pilih layanan"), "not the menu: \(answer)")
        let hours = render(chat.type("jam berapa petugas bisa telepon?", .hours, confidence: 0.9))
        #expect(hours.contains("⚙ appendToTicket #1400"))
        #expect(hours.contains("Senin–Jumat"), "a question the bot can answer is answered too")
        let menu = render(chat.type("menu"))
        #expect(menu.contains("Silakan pilih layanan"), "menu ends the relay")
        #expect(!menu.contains("appendToTicket"))
    }

    /// A question for staff that reads like a status check is relayed, not answered with the ticket's status;
    /// a bare "status" still is.
    @Test func aQuestionAfterAHandOffIsRelayedWithoutTheStatus() throws {
        var chat = try Self.handedOff()
        let text = "akun saya sudah terdaftar tapi belum terverifikasi sejak seminggu lalu"
        let question = render(chat.type(text, .checkStatus, confidence: 0.99))
        #expect(question.contains("⚙ appendToTicket #1400: \(text)"), "\(question)")
        #expect(!question.contains("Tiket Anda yang masih terbuka"), "\(question)")
        let bare = render(chat.type("status?", .checkStatus, confidence: 0.99))
        #expect(bare.contains("Tiket #1400 – Permintaan bantuan"), "\(bare)")
        let typed = render(chat.type("status", .checkStatus, confidence: 0.99))
        #expect(typed.contains("Tiket #1400 – Permintaan bantuan"), "\(typed)")
        // An answer to staff that reads like a status check is theirs, without the status before it.
        let answer = render(chat.type("sudah aktif min", .checkStatus, confidence: 0.8))
        #expect(answer.contains("⚙ appendToTicket #1400: sudah aktif min"), "\(answer)")
        #expect(!answer.contains("Tiket Anda yang masih terbuka"), "\(answer)")
    }
}

/// Outside office hours a provider handed to staff is told when staff answer.
struct AfterHoursTests {
    @Test func aHandOffOutsideOfficeHoursSaysWhenStaffAnswer() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        // Monday 7 December 2026, 08:00 WIB.
        chat.context.staffAvailableFrom = Date(timeIntervalSince1970: 1_796_605_200)
        chat.context.now = Date(timeIntervalSince1970: 1_796_605_200 - 10 * 3600)
        chat.now = chat.context.now
        let answer = render(chat.type("petugas"))
        #expect(answer.contains("di luar jam layanan"), "\(answer)")
        // As the chat writes every time, "pukul 08.00", not "08:00".
        #expect(answer.contains("petugas akan membalas mulai Senin, 7 Desember 2026 pukul 08.00 WIB"), "\(answer)")
        let opened = render(chat.event(.ticketOpened(number: 1400)))
        #expect(opened.contains("tiket #1400") && !opened.contains("di luar jam layanan"), "said once: \(opened)")
        chat.context.openTickets = [
            TicketSummary(number: 1400, title: "Bantuan", stateText: "Baru", waitingOn: "petugas", due: nil)
        ]
        let relayed = render(chat.type("akun saya sudah terdaftar tapi belum terverifikasi sejak seminggu lalu"))
        #expect(relayed.contains("⚙ appendToTicket #1400"), "\(relayed)")
        #expect(!relayed.contains("di luar jam layanan"), "\(relayed)")
        // The next evening, staff answer from another morning: said again.
        chat.context.staffAvailableFrom = Date(timeIntervalSince1970: 1_796_605_200 + 86400)
        let nextDay = render(chat.type("halo, masih menunggu"))
        #expect(nextDay.contains("petugas akan membalas mulai Selasa, 8 Desember 2026 pukul 08.00 WIB"), "\(nextDay)")
    }

    @Test func duringOfficeHoursNothingIsAdded() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        #expect(!render(chat.type("petugas")).contains("di luar jam layanan"))
    }

    /// Staff who reply in the evening are there: the provider's answer is relayed without the note that staff
    /// answer from Monday; the next evening without staff, the note comes again.
    @Test func anAnswerToStaffWhoWroteAfterHoursGetsNoNote() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.context.openTickets = [
            TicketSummary(number: 1400, title: "Bantuan", stateText: "Diproses", waitingOn: "penyedia", due: nil)
        ]
        // Friday 4 December 2026, 19:00 WIB.
        chat.context.staffAvailableFrom = Date(timeIntervalSince1970: 1_796_605_200)
        chat.context.now = Date(timeIntervalSince1970: 1_796_605_200 - 61 * 3600)
        chat.now = chat.context.now
        _ = chat.event(.staffReplied(ticket: 1400, text: "Mohon kirim ulang NPWP yang lebih jelas."))
        let answer = render(chat.type("baik pak, nanti saya kirim ulang npwp nya"))
        #expect(answer.contains("⚙ appendToTicket #1400"), "\(answer)")
        #expect(!answer.contains("di luar jam layanan"), "\(answer)")
        chat.context.staffAvailableFrom = Date(timeIntervalSince1970: 1_796_605_200 + 86400)
        let later = render(chat.type("pak, npwp nya sudah saya scan ulang tapi masih buram"))
        #expect(later.contains("petugas akan membalas mulai Selasa, 8 Desember 2026"), "\(later)")
    }

    /// "hari ini buka ga?" is answered with the hours and whether staff work now, and when they are back.
    @Test func theHoursSayWhetherTheOfficeIsOpenNow() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let open = render(chat.type("hari ini buka ga min?", .hours, confidence: 0.97))
        #expect(open.contains("Senin–Jumat 08.00–16.00 WIB"), "\(open)")
        #expect(open.contains("Saat ini layanan sedang buka."), "\(open)")
        // Saturday 5 December 2026, 05:00 WIB: back on Monday.
        chat.context.staffAvailableFrom = Date(timeIntervalSince1970: 1_796_605_200)
        chat.context.now = Date(timeIntervalSince1970: 1_796_605_200 - 51 * 3600)
        chat.now = chat.context.now
        let closed = render(chat.type("hari ini buka ga min?", .hours, confidence: 0.97))
        #expect(
            closed.contains(
                "Saat ini layanan sedang tutup; petugas kembali melayani Senin, 7 Desember 2026 pukul 08.00 WIB."),
            "\(closed)")
    }
}

/// A problem report takes screenshots and office files; registration documents stay PDF.
struct FilesPerServiceTests {
    @Test func aScreenshotSentWithAComplaintIsKeptAndAttachedToTheTicket() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.pengaduan")
        let held = render(chat.message(.image(mediaID: "img-12345678", caption: "error saat upload")))
        #expect(held.contains("akan dilampirkan ke tiket"), "\(held)")
        #expect(!held.contains("fetchMedia"), "nothing is downloaded before the privacy notice is accepted")
        _ = chat.type("Tidak bisa unggah dokumen penawaran sejak pagi, muncul error 500.")
        let consent = render(chat.tap("consent.yes"))
        #expect(consent.contains("⚙ fetchMedia img-12345678"), "\(consent)")
        let stored = render(
            chat.event(
                .documentStored(
                    mediaID: "img-12345678",
                    document: StoredDocument(
                        sha256: "h-img", filename: "foto-12345678.jpg", size: 90_000, mimeType: "image/jpeg"))))
        #expect(stored.contains("foto-12345678.jpg"))
        let submitted = render(chat.tap("summary.confirm"))
        #expect(submitted.contains("-=foto-12345678.jpg"), "\(submitted)")
    }

    /// A voice note about an open ticket is kept on it for staff to listen to (checked as Ogg by its content),
    /// and the provider told so; without a ticket, in the middle of a form, or as another audio format, Loket
    /// says it cannot listen. A file about a ticket that fails says what a ticket takes, and its own limit.
    @Test func aVoiceNoteAboutAnOpenTicketIsKeptForStaff() throws {
        let ticket = TicketSummary(
            number: 77, title: "Masalah Tender", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let effects = chat.message(
            .audio(mediaID: "voice-12345678", mimeType: "audio/ogg; codecs=opus", sha256: "c2hh"))
        let voice = render(effects)
        #expect(voice.contains("⚙ fetchMedia voice-12345678 for #77"), "\(voice)")
        #expect(!voice.contains("belum dapat mendengarkan"), "\(voice)")
        let fetch = effects.compactMap { effect -> MediaFetchRequest? in
            if case .fetchMedia(let request) = effect { request } else { nil }
        }
        #expect(fetch.last?.kinds.contains(.voice) == true && fetch.last?.declaredSHA256 == "c2hh")
        let stored = render(
            chat.event(
                .documentStored(
                    mediaID: "voice-12345678",
                    document: StoredDocument(
                        sha256: "h-voice", filename: "pesan-suara-12345678.ogg", size: 30_000,
                        mimeType: "audio/ogg"))))
        #expect(stored.contains("attachToTicket #77"), "\(stored)")
        #expect(stored.contains("Pesan suara Anda sudah kami simpan di tiket #77"), "\(stored)")

        // A failed download says what a ticket takes, not "not a PDF".
        _ = chat.message(.audio(mediaID: "voice-2", mimeType: "audio/ogg", sha256: nil))
        let refused = render(chat.rejected("voice-2", .notPDF))
        #expect(refused.contains("tidak dapat kami terima") && !refused.contains("bukan file PDF"), "\(refused)")
        _ = chat.message(.audio(mediaID: "voice-3", mimeType: "audio/ogg", sha256: nil))
        let large = render(chat.rejected("voice-3", .tooLarge))
        #expect(large.contains("16 MB"), "a ticket's files may be 16 MB: \(large)")

        var other = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let mp3 = render(other.message(.audio(mediaID: "a-1", mimeType: "audio/mpeg", sha256: nil)))
        #expect(mp3.contains("belum dapat mendengarkan") && !mp3.contains("fetchMedia"), "\(mp3)")
        var none = Transcript(catalogue: try Fixtures.catalogue())
        let alone = render(none.message(.audio(mediaID: "a-2", mimeType: "audio/ogg", sha256: nil)))
        #expect(alone.contains("belum dapat mendengarkan") && !alone.contains("fetchMedia"), "\(alone)")
        var form = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        _ = form.tap("menu.pengaduan")
        let inForm = render(form.message(.audio(mediaID: "a-3", mimeType: "audio/ogg", sha256: nil)))
        #expect(inForm.contains("belum dapat mendengarkan") && !inForm.contains("fetchMedia"), "\(inForm)")
    }

    @Test func aTicketTakesAScreenshotAndAnOfficeFileWithTheirContentChecked() throws {
        let ticket = TicketSummary(
            number: 77, title: "Masalah Tender", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        let photo = chat.message(.image(mediaID: "img-1", caption: nil))
        #expect(render(photo).contains("⚙ fetchMedia img-1 for #77"))
        let request = try #require(
            photo.compactMap { effect -> MediaFetchRequest? in
                if case .fetchMedia(let request) = effect { return request }
                return nil
            }.first)
        #expect(request.kinds.contains(.jpeg) && request.kinds.contains(.png) && request.kinds.contains(.office))
        let sheet = chat.message(
            .document(
                mediaID: "xls-1", filename: "rekap.xlsx",
                mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: 30_000,
                sha256: nil, caption: nil))
        #expect(render(sheet).contains("⚙ fetchMedia xls-1 for #77"))
        let zip = render(
            chat.message(
                .document(
                    mediaID: "z-1", filename: "arsip.zip", mimeType: "application/zip", size: 1_000, sha256: nil,
                    caption: nil)))
        #expect(zip.contains("tidak dapat kami terima"), "\(zip)")
    }

    @Test func registrationDocumentsStayPDF() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let photo = render(chat.message(.image(mediaID: "img-2", caption: nil)))
        #expect(photo.contains("⚙ fetchMedia img-2 for attachment-1"), "kept for staff: \(photo)")
        let received = render(chat.stored("img-2", "foto-img-2.jpg", mimeType: "image/jpeg"))
        #expect(received.contains("harus berupa file PDF"), "a checklist takes PDF only: \(received)")
    }

    /// "gak punya scanner min, cuma bisa foto" at the checklist is told how to make a PDF on a phone; a longer
    /// message that is no command ("KTP direktur masih diperpanjang…") is kept for staff. Both got "Kami menunggu
    /// file PDF" before, and the second was gone.
    @Test func whatIsWrittenAtTheChecklistIsAnsweredOrKept() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        let help = render(chat.type("gak punya scanner min, cuma bisa foto"))
        #expect(help.contains("Cara membuat PDF di HP"), "\(help)")
        #expect(help.contains("Kirim dokumen berikut"), "\(help)")
        let note = "KTP direktur masih diperpanjang, nanti menyusul minggu depan"
        let kept = render(chat.type(note))
        #expect(kept.contains("Keterangan Anda kami catat untuk petugas"), "\(kept)")
        let draft = try #require(chat.draft, "the form was left")
        #expect(draft.remarks == [note])
    }
}

extension ProviderHabitsTests {
    /// "PT Maju Jaya Abadi" where the director's number is asked, after "PT Maju Jaya": the name corrected, and
    /// the number asked again. It was refused as a number ("Nomor itu bukan nomor HP Indonesia yang valid").
    @Test func aCompanyNameWhereTheNumberIsAskedCorrectsTheName() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya", entities: Entities(company: Company(name: "PT Maju Jaya", form: .pt)))
        let answer = render(
            chat.type(
                "PT Maju Jaya Abadi", entities: Entities(company: Company(name: "PT Maju Jaya Abadi", form: .pt))))
        #expect(answer.contains("kami ubah menjadi PT Maju Jaya Abadi"), "\(answer)")
        #expect(answer.contains("Nomor WhatsApp direksi"), "\(answer)")
        #expect(!answer.contains("bukan nomor HP"), "\(answer)")
        #expect(chat.draft?.answers["company"] == "Maju Jaya Abadi", "\(String(describing: chat.draft))")
    }

    /// A message the provider edits (WhatsApp's "Edit") with a new number for an answer given is a correction
    /// without "eh salah": at the checklist, the director's number edited to "0813 2222 3333" was refused as no
    /// file. The same number typed, not edited, still needs the word.
    @Test func anEditedAnswerCorrectsIt() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let edited = Entities(phone: "+6281322223333")
        let message = InboundChatMessage(
            id: "wamid.edit",
            kind: .text("0813 2222 3333", Classification(intent: .unknown, confidence: 0.9, entities: edited)),
            isEdit: true)
        let answer = render(chat.event(.messageReceived(message)))
        #expect(answer.contains("No. WA direksi kami ubah menjadi +6281322223333"), "\(answer)")
        #expect(chat.draft?.answers["director_phone"] == "+6281322223333")

        var typed = try Transcript.atRegistrationChecklist()
        let same = render(typed.type("0813 2222 3333", entities: edited))
        #expect(!same.contains("kami ubah"), "\(same)")
    }
}

/// A provider writing in English read their summary's description in Indonesian ("Permohonan Reset Password …
/// atas nama …"), the text staff get. The summary shows it in the provider's language; the ticket keeps the
/// Indonesian.
@Suite struct DescriptionLanguageTests {
    @Test func theSummaryDescribesTheRequestInTheProvidersLanguage() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        chat.state.language = .english
        _ = chat.tap("menu.reset_password")
        _ = chat.type("PT Global Teknik Indonesia")
        _ = chat.type("01.234.567.8-901.000")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        _ = chat.type("my colleague changed the email last month")
        let summary = render(chat.sendDocuments("request_letter.pdf", "director_id.pdf"))
        #expect(summary.contains("Request for a password reset / user ID for PT Global Teknik Indonesia"), "\(summary)")
        #expect(summary.contains("Reporter's notes:\n• my colleague changed"), "\(summary)")
        #expect(!summary.contains("Permohonan Reset Password"), "\(summary)")
        let description = openedTicket(chat.tap("summary.confirm"))?.description ?? ""
        #expect(description.contains("Permohonan Reset Password / Informasi User ID atas nama"), "\(description)")
        #expect(description.contains("Catatan pelapor:\n• my colleague changed"), "for staff: \(description)")
    }
}

/// A question explained at length (over 2,000 characters) was refused with "Mohon tulis minimal 3 karakter." and
/// lost. It is taken whole for the ticket; the summary shows its beginning.
@Suite struct LongAnswerTests {
    @Test func aLongQuestionIsKeptWholeAndSummarised() throws {
        let question =
            "Saya mau konsultasi soal pengisian data kualifikasi di SIKaP. "
            + (1...60).map { "Kalimat penjelasan nomor \($0) tentang kendala yang cukup rinci." }.joined(separator: " ")
        #expect(question.count > 3_000)
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.konsultasi")
        let answer = render(chat.type(question))
        #expect(!answer.contains("minimal 3 karakter"), "\(answer)")
        #expect(chat.draft?.answers.values.contains(question) == true)
        let summary = render(chat.tap("consent.yes"))
        #expect(summary.contains("Ringkasan permohonan Anda"), "\(summary)")
        #expect(summary.contains("Kalimat penjelasan nomor 3 ") && summary.contains(" …"), "\(summary)")
        #expect(!summary.contains("nomor 60"), "only its beginning: \(summary)")
        let description = openedTicket(chat.tap("summary.confirm"))?.description ?? ""
        #expect(description.contains("Kalimat penjelasan nomor 60 tentang kendala"), "kept whole for staff")
    }

    /// At the summary, "nomor direktur salah" was asked for the director's ID card again ("direktur" names it), "nama
    /// pt nya salah ketik, harusnya PT Maju Jaya Abadi" renamed the company "PT Nya", and "tunggu, saya cek dulu" was
    /// a wrong answer. The question named is asked again, the name after the correction taken, and the wait said.
    @Test func theSummaryTakesWhatIsSaidWrongAndAWait() throws {
        var phone = try ProviderHabitsTests.withKTPStored()
        _ = phone.pdf("m2", "npwp.pdf")
        _ = phone.stored("m2", "npwp.pdf")
        let asked = render(try phone.read("nomor direktur salah"))
        #expect(asked.contains("Nomor WhatsApp direksi/pimpinan untuk verifikasi video call?"), "\(asked)")
        #expect(!asked.contains("KTP/KITAS Direktur"), "\(asked)")
        let back = render(try phone.read("081311223344"))
        #expect(back.contains("No. WA direksi: +6281311223344") && back.contains("Kirim permohonan ini?"), "\(back)")

        var name = try ProviderHabitsTests.withKTPStored()
        _ = name.pdf("m2", "npwp.pdf")
        _ = name.stored("m2", "npwp.pdf")
        let renamed = render(try name.read("nama pt nya salah ketik, harusnya PT Maju Jaya Abadi"))
        #expect(renamed.contains("Nama usaha: PT Maju Jaya Abadi"), "\(renamed)")
        let named = render(try name.read("nama perusahaan salah"))
        #expect(named.contains("Tulis nama badan usaha Anda beserta bentuknya"), "\(named)")

        var waiting = try ProviderHabitsTests.withKTPStored()
        _ = waiting.pdf("m2", "npwp.pdf")
        _ = waiting.stored("m2", "npwp.pdf")
        let wait = render(try waiting.read("tunggu, saya cek dulu"))
        #expect(wait.contains("silakan diperiksa dulu; permohonan ini kami simpan"), "\(wait)")
        #expect(waiting.state.invalidAnswers == 0 && waiting.draft?.stage == .summary, "\(wait)")
        // A document named with a word of `resend` is still asked again.
        let file = render(try waiting.read("ktp direktur salah file"))
        #expect(file.contains("Silakan kirim file KTP/KITAS Direktur sekarang."), "\(file)")
    }
}
