import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Whole conversations: every outgoing message and effect, and the final state.
struct ConversationTranscriptTests {
    /// Drives a registration up to the documents checklist.
    func atDocuments() throws -> Transcript {
        try Transcript.atRegistrationChecklist()
    }

    /// Drives a registration up to the summary.
    func atSummary() throws -> Transcript {
        var chat = try atDocuments()
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        _ = chat.pdf("m2", "npwp.pdf")
        _ = chat.stored("m2", "npwp.pdf")
        return chat
    }

    @Test func registrationHappyPath() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        check(
            chat.type("halo", .greeting),
            """
            › Halo Budi, selamat datang di layanan helpdesk LPSE.

            Silakan pilih layanan yang Anda butuhkan.

            (Atau balas dengan angka 1–9.)
              ≡ Lihat menu
              - Registrasi & Verifikasi · Pendaftaran penyedia baru dan verifikasi berkas
              - Perubahan Data · Verifikasi perubahan data penyedia
              - Reset Password/User ID · Lupa password atau User ID SPSE
              - Masalah Tender · Kendala unggah penawaran, jadwal, atau error
              - Konsultasi SPSE · Pertanyaan tentang penggunaan SPSE
              - Pengaduan · Sampaikan keluhan tentang layanan
              - Cek status tiket · Lihat perkembangan tiket Anda
              - Tanya jawab (FAQ)
              - Bicara dengan petugas
            """)
        check(
            chat.tap("menu.registrasi"),
            """
            › Baik, kita mulai permohonan Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE). Ketik "kembali" untuk mundur satu langkah, "batal" untuk membatalkan, atau "petugas" untuk bicara dengan petugas.

            Tulis nama badan usaha Anda beserta bentuknya, misalnya "PT Maju Jaya".
            """)
        check(
            chat.type("PT. Maju Jaya"),
            """
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        check(
            chat.tap("phone.self"),
            """
            › Pemberitahuan pelindungan data pribadi (UU 27/2022):
            • Tujuan: nomor telepon, NPWP dan dokumen Anda dipakai hanya untuk memproses permohonan ini dan verifikasi penyedia.
            • Penyimpanan: dokumen disimpan selama proses verifikasi dan paling lama 1 tahun, lalu dihapus.
            • Hak Anda: melihat, memperbaiki, dan meminta penghapusan data (dijawab dalam 3 × 24 jam) dengan menghubungi petugas.
            Apakah Anda setuju?

            (Atau balas dengan angka 1–3.)
              [Setuju] [Tidak setuju] [Bicara petugas]
            """)
        check(
            chat.tap("consent.yes"),
            """
            ⚙ recordConsent 2026-11-01 id
            › Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        check(
            chat.pdf("m1", "scan-ktp.pdf"),
            """
            ⚙ fetchMedia m1 for ktp_direktur
            """)
        check(
            chat.stored("m1", "scan-ktp.pdf"),
            """
            › ✅ scan-ktp.pdf diterima sebagai KTP/KITAS Direktur.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ✅ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        check(
            chat.pdf("m2", "dokumen.pdf"),
            """
            ⚙ fetchMedia m2 for npwp_perusahaan
            """)
        check(
            chat.stored("m2", "dokumen.pdf"),
            """
            › ✅ dokumen.pdf diterima sebagai NPWP Perusahaan. Jika salah, tekan *Ubah* lalu pilih *Dokumen*.

            Ringkasan permohonan Anda:
            Layanan: Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)
            Nama usaha: PT Maju Jaya
            Bentuk usaha: PT
            No. WA direksi: +6281234567890
            Dokumen:
            • KTP/KITAS Direktur (scan-ktp.pdf)
            • NPWP Perusahaan (dokumen.pdf)
            Deskripsi:
            Permohonan Registrasi dan Verifikasi Berkas atas nama PT Maju Jaya. Nomor WhatsApp direksi untuk verifikasi video call: +6281234567890.
            Kirim permohonan ini?

            (Atau balas dengan angka 1–3.)
              [Kirim] [Ubah] [Batal]
            """)
        check(
            chat.tap("summary.confirm"),
            """
            ⚙ openTicket Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE) | PT Maju Jaya | +6281234567890 | ktp_direktur=scan-ktp.pdf,npwp_perusahaan=dokumen.pdf
            """)
        check(
            chat.event(.ticketOpened(number: 1259)),
            """
            › Tiket #1259 berhasil dibuat untuk layanan Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE). Petugas akan memeriksa berkas Anda dan mengabari di sini, termasuk jadwal verifikasi bila diperlukan. Ketik "status" kapan saja untuk melihat perkembangannya.
            """)
        #expect(chat.state.step == .idle)
        #expect(chat.state.consent == ConsentRecord(version: "2026-11-01", at: chat.now, language: .indonesian))
        #expect(chat.sentByProvider == 8)
    }

    @Test func companyWithoutFormAsksItAndTypedPhoneIsNormalised() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        check(
            chat.type("Maju Jaya"),
            """
            › Apa bentuk usaha Maju Jaya?

            (Atau balas dengan angka 1–8.)
              ≡ Pilih
              - PT
              - CV
              - UD
              - Koperasi
              - Firma
              - Persero
              - Perorangan
              - Perusahaan asing
            """)
        check(
            chat.type("7"),
            """
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        check(
            chat.type("0812 9876 5432"),
            """
            › Pemberitahuan pelindungan data pribadi (UU 27/2022):
            • Tujuan: nomor telepon, NPWP dan dokumen Anda dipakai hanya untuk memproses permohonan ini dan verifikasi penyedia.
            • Penyimpanan: dokumen disimpan selama proses verifikasi dan paling lama 1 tahun, lalu dihapus.
            • Hak Anda: melihat, memperbaiki, dan meminta penghapusan data (dijawab dalam 3 × 24 jam) dengan menghubungi petugas.
            Apakah Anda setuju?

            (Atau balas dengan angka 1–3.)
              [Setuju] [Tidak setuju] [Bicara petugas]
            """)
        let draft = try #require(chat.draft, "left the intake")
        #expect(
            draft.answers == [
                "company": "Maju Jaya", "business_form": "Perorangan", "director_phone": "+6281298765432",
            ])
        #expect(draft.stage == .consent)
    }

    @Test func badInputAtEveryIntakeQuestionIsExplainedAndAskedAgain() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        check(
            chat.type("!"),
            """
            › Nama badan usaha belum terbaca.

            Tulis nama badan usaha Anda beserta bentuknya, misalnya "PT Maju Jaya".
            """)
        _ = chat.type("Maju Jaya")
        check(
            chat.type("Yayasan"),
            """
            › Bentuk usaha tidak dikenal.

            Apa bentuk usaha Maju Jaya?

            (Atau balas dengan angka 1–8.)
              ≡ Pilih
              - PT
              - CV
              - UD
              - Koperasi
              - Firma
              - Persero
              - Perorangan
              - Perusahaan asing
            """)
        _ = chat.tap("form.CV")
        check(
            chat.type("021-555"),
            """
            › Nomor itu bukan nomor HP Indonesia yang valid. Yang Anda tulis berisi 6 digit.

            Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        _ = chat.tap("phone.self")
        check(
            chat.type("hmm"),
            """
            › Mohon pilih salah satu.

            Pemberitahuan pelindungan data pribadi (UU 27/2022):
            • Tujuan: nomor telepon, NPWP dan dokumen Anda dipakai hanya untuk memproses permohonan ini dan verifikasi penyedia.
            • Penyimpanan: dokumen disimpan selama proses verifikasi dan paling lama 1 tahun, lalu dihapus.
            • Hak Anda: melihat, memperbaiki, dan meminta penghapusan data (dijawab dalam 3 × 24 jam) dengan menghubungi petugas.
            Apakah Anda setuju?

            (Atau balas dengan angka 1–3.)
              [Setuju] [Tidak setuju] [Bicara petugas]
            """)
        _ = chat.tap("consent.yes")
        check(
            chat.type("apa ini"),
            """
            › Kami menunggu file PDF. Ketik nomor dokumen untuk memilih yang akan dikirim, atau "selesai" bila semua sudah terkirim.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        check(
            chat.message(
                .document(
                    mediaID: "x", filename: "ktp.docx", mimeType: "application/msword", size: 100, sha256: nil,
                    caption: nil)),
            """
            › Maaf, ktp.docx bukan file PDF. Mohon kirim dokumen dalam format PDF.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        // A photo is kept for staff as the ticket's attachment, never as a checklist document: said once it is
        // received, with the checklist.
        check(
            chat.message(.image(mediaID: "y", caption: nil)),
            """
            ⚙ fetchMedia y for attachment-1
            """)
        check(
            chat.pdf("big", "ktp.pdf", size: 6_000_000),
            """
            › Maaf, ktp.pdf lebih besar dari 4 MB. Mohon perkecil ukurannya lalu kirim ulang.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        _ = chat.pdf("m1", "ktp.pdf")
        check(
            chat.event(.documentRejected(mediaID: "m1", reason: .notPDF)),
            """
            › Maaf, ktp.pdf bukan file PDF. Mohon kirim dokumen dalam format PDF.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        let draft = try #require(chat.draft, "left the intake")
        #expect(draft.stage == .documents)
        #expect(draft.documents.isEmpty && draft.uploads.map(\.mediaID) == ["y"])
        #expect(draft.uploads.allSatisfy { !$0.isForChecklist })
        #expect(draft.answers["company"] == "Maju Jaya")
    }

    @Test func documentsArriveInAnyOrderAndAGuessCanBeCorrected() throws {
        var chat = try atDocuments()
        check(
            chat.pdf("m1", "npwp-pt.pdf"),
            """
            ⚙ fetchMedia m1 for npwp_perusahaan
            """)
        check(
            chat.stored("m1", "npwp-pt.pdf"),
            """
            › ✅ npwp-pt.pdf diterima sebagai NPWP Perusahaan.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ✅ NPWP Perusahaan
            """)
        check(
            chat.pdf("m2", "scan.pdf"),
            """
            ⚙ fetchMedia m2 for ktp_direktur
            """)
        check(
            chat.stored("m2", "scan.pdf"),
            """
            › ✅ scan.pdf diterima sebagai KTP/KITAS Direktur. Jika salah, tekan *Ubah* lalu pilih *Dokumen*.

            Ringkasan permohonan Anda:
            Layanan: Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)
            Nama usaha: PT Maju Jaya
            Bentuk usaha: PT
            No. WA direksi: +6281234567890
            Dokumen:
            • KTP/KITAS Direktur (scan.pdf)
            • NPWP Perusahaan (npwp-pt.pdf)
            Deskripsi:
            Permohonan Registrasi dan Verifikasi Berkas atas nama PT Maju Jaya. Nomor WhatsApp direksi untuk verifikasi video call: +6281234567890.
            Kirim permohonan ini?

            (Atau balas dengan angka 1–3.)
              [Kirim] [Ubah] [Batal]
            """)
        check(
            chat.type("2"),
            """
            › Bagian mana yang ingin Anda ubah?

            (Atau balas dengan angka 1–5.)
              ≡ Pilih
              - Nama usaha
              - Bentuk usaha
              - No. WA direksi
              - Deskripsi
              - Dokumen
            """)
    }

    @Test func aGuessedDocumentCanBeMovedToTheRightItem() throws {
        var chat = try atDocuments()
        _ = chat.pdf("m1", "scan.pdf")
        check(
            chat.stored("m1", "scan.pdf"),
            """
            › ✅ scan.pdf diterima sebagai KTP/KITAS Direktur. Jika salah, balas dengan nomor dokumen yang benar.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ✅ KTP/KITAS Direktur
            2. ⬜ NPWP Perusahaan
            """)
        check(
            chat.type("2"),
            """
            › Baik, scan.pdf kami catat sebagai NPWP Perusahaan.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ✅ NPWP Perusahaan
            """)
        check(
            chat.type("selesai"),
            """
            › Masih kurang: KTP/KITAS Direktur.

            Kirim dokumen berikut sebagai file PDF (maks. 4 MB), satu per pesan, urutan bebas:
            1. ⬜ KTP/KITAS Direktur
            2. ✅ NPWP Perusahaan
            """)
        check(
            chat.pdf("m2", "scan2.pdf"),
            """
            ⚙ fetchMedia m2 for ktp_direktur
            """)
    }

    @Test func summaryCanChangeAFieldAndTheDescription() throws {
        var chat = try atSummary()
        check(
            chat.tap("summary.change"),
            """
            › Bagian mana yang ingin Anda ubah?

            (Atau balas dengan angka 1–5.)
              ≡ Pilih
              - Nama usaha
              - Bentuk usaha
              - No. WA direksi
              - Deskripsi
              - Dokumen
            """)
        check(
            chat.tap("change.director_phone"),
            """
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        check(
            chat.type("+62 813-1111-2222"),
            """
            › Ringkasan permohonan Anda:
            Layanan: Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)
            Nama usaha: PT Maju Jaya
            Bentuk usaha: PT
            No. WA direksi: +6281311112222
            Dokumen:
            • KTP/KITAS Direktur (ktp.pdf)
            • NPWP Perusahaan (npwp.pdf)
            Deskripsi:
            Permohonan Registrasi dan Verifikasi Berkas atas nama PT Maju Jaya. Nomor WhatsApp direksi untuk verifikasi video call: +6281311112222.
            Kirim permohonan ini?

            (Atau balas dengan angka 1–3.)
              [Kirim] [Ubah] [Batal]
            """)
        _ = chat.tap("summary.change")
        check(
            chat.tap("change._description"),
            """
            › Deskripsi saat ini:
            Permohonan Registrasi dan Verifikasi Berkas atas nama PT Maju Jaya. Nomor WhatsApp direksi untuk verifikasi video call: +6281311112222.

            Ketik deskripsi baru.
            """)
        check(
            chat.type("Mohon verifikasi berkas PT Maju Jaya, direktur bisa dihubungi pagi hari."),
            """
            › Ringkasan permohonan Anda:
            Layanan: Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE)
            Nama usaha: PT Maju Jaya
            Bentuk usaha: PT
            No. WA direksi: +6281311112222
            Dokumen:
            • KTP/KITAS Direktur (ktp.pdf)
            • NPWP Perusahaan (npwp.pdf)
            Deskripsi:
            Mohon verifikasi berkas PT Maju Jaya, direktur bisa dihubungi pagi hari.
            Kirim permohonan ini?

            (Atau balas dengan angka 1–3.)
              [Kirim] [Ubah] [Batal]
            """)
        let effects = chat.tap("summary.confirm")
        guard case .openTicket(let request) = effects.first else {
            Issue.record("no ticket opened: \(effects)")
            return
        }
        #expect(request.directorPhone == "+6281311112222")
        #expect(request.description == "Mohon verifikasi berkas PT Maju Jaya, direktur bisa dihubungi pagi hari.")
    }

    @Test func summaryCancelSubmitsNothing() throws {
        var chat = try atSummary()
        check(
            chat.tap("summary.cancel"),
            """
            › Baik, permohonan dibatalkan. Tidak ada yang dikirim. Ketik *lanjut* bila tidak jadi membatalkan.

            Silakan pilih layanan yang Anda butuhkan.

            (Atau balas dengan angka 1–9.)
              ≡ Lihat menu
              - Registrasi & Verifikasi · Pendaftaran penyedia baru dan verifikasi berkas
              - Perubahan Data · Verifikasi perubahan data penyedia
              - Reset Password/User ID · Lupa password atau User ID SPSE
              - Masalah Tender · Kendala unggah penawaran, jadwal, atau error
              - Konsultasi SPSE · Pertanyaan tentang penggunaan SPSE
              - Pengaduan · Sampaikan keluhan tentang layanan
              - Cek status tiket · Lihat perkembangan tiket Anda
              - Tanya jawab (FAQ)
              - Bicara dengan petugas
            """)
        #expect(chat.state.step == .menu)
    }

    /// A complaint asks for no document: declining is told the request cannot be recorded, not that documents
    /// cannot be taken.
    @Test func declinedConsentToAComplaintSpeaksOfTheRequest() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.pengaduan")
        _ = chat.type("petugasnya lama balas chat")
        let answer = render(chat.tap("consent.no"))
        #expect(answer.contains("kami tidak dapat mencatat permohonan ini lewat WhatsApp"), "\(answer)")
        #expect(!answer.contains("dokumen"), "\(answer)")
    }

    @Test func declinedConsentOffersStaffAndAllowsNoUpload() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        check(
            chat.tap("consent.no"),
            """
            › Tanpa persetujuan, kami tidak dapat menerima dokumen Anda lewat WhatsApp. Anda dapat menyetujui, atau bicara langsung dengan petugas.

            (Atau balas dengan angka 1–3.)
              [Setuju] [Tidak setuju] [Bicara petugas]
            """)
        check(
            chat.pdf("m1", "ktp.pdf"),
            """
            › ✅ ktp.pdf kami terima dan akan kami proses setelah beberapa pertanyaan lagi; tidak perlu dikirim ulang.

            Sebelum kami lanjutkan, mohon jawab dulu pemberitahuan pelindungan data pribadi di atas. Apakah Anda setuju?

            (Atau balas dengan angka 1–3.)
              [Setuju] [Tidak setuju] [Bicara petugas]
            """)
        check(
            chat.type("3"),
            """
            ⚙ handOff noConsent ticket=- collected=registrasi
            › Baik, kami hubungkan dengan petugas. Semua yang sudah Anda isi ikut diteruskan.
            """)
        #expect(chat.state.consent == nil)
    }

    @Test func backStepsThroughTheFormAndLeavesAtTheFirstQuestion() throws {
        var chat = try atDocuments()
        check(
            chat.type("kembali"),
            """
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        check(
            chat.type("kembali"),
            """
            › Tulis nama badan usaha Anda beserta bentuknya, misalnya "PT Maju Jaya".
            """)
        check(
            chat.type("kembali"),
            """
            › Silakan pilih layanan yang Anda butuhkan.

            (Atau balas dengan angka 1–9.)
              ≡ Lihat menu
              - Registrasi & Verifikasi · Pendaftaran penyedia baru dan verifikasi berkas
              - Perubahan Data · Verifikasi perubahan data penyedia
              - Reset Password/User ID · Lupa password atau User ID SPSE
              - Masalah Tender · Kendala unggah penawaran, jadwal, atau error
              - Konsultasi SPSE · Pertanyaan tentang penggunaan SPSE
              - Pengaduan · Sampaikan keluhan tentang layanan
              - Cek status tiket · Lihat perkembangan tiket Anda
              - Tanya jawab (FAQ)
              - Bicara dengan petugas
            """)
    }

    @Test func languageSwitchRepeatsTheQuestionInEnglish() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        check(
            chat.type("english"),
            """
            › Language switched to English.
            › Write your business name with its legal form, e.g. "PT Maju Jaya".
            """)
        check(
            chat.type("PT Maju Jaya"),
            """
            › The director's WhatsApp number for the video-call verification? Tap "Use this number" for +6281234567890, or type another number.

            (Or reply with the number 1.)
              [Use this number]
            """)
        #expect(chat.state.language == .english)
    }

    @Test func greetingAndThanksMidIntakeKeepTheQuestion() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        check(
            chat.type("selamat pagi", .greeting),
            """
            › Halo Budi, kita lanjutkan ya.
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        check(
            chat.type("makasih", .thanks),
            """
            › Sama-sama, senang membantu.
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
    }

    @Test func unsupportedMessagesSayWhatLoketTakes() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        check(
            chat.message(.sticker),
            """
            › Terima kasih atas stikernya 😊 Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.audio(mediaID: "voice-1", mimeType: "audio/ogg; codecs=opus", sha256: nil)),
            """
            › Maaf, kami belum dapat mendengarkan pesan suara. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.location(SharedLocation(latitude: -6.2, longitude: 106.8))),
            """
            › Terima kasih, namun kami tidak memerlukan lokasi. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.contacts([ContactCard(name: "Budi", phones: [])])),
            """
            › Terima kasih atas kartu kontaknya; kami memakainya saat menanyakan nomor HP. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.reaction(emoji: "👍")),
            """
            › Terima kasih atas reaksinya. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.video(mediaID: "v", mimeType: "video/quicktime", sha256: nil, caption: nil)),
            """
            › Maaf, video belum dapat kami terima di sini; video tentang kendala dapat dikirim setelah tiket dibuat. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        check(
            chat.message(.unsupported),
            """
            › Maaf, jenis pesan ini tidak dapat kami baca. Loket dapat menerima pesan teks, pilihan tombol, dan dokumen PDF.
            """)
        #expect(chat.state.step == .idle)
        // An image is taken: before any request it is kept for the one chosen next (ProviderHabitsTests).
        let image = render(chat.message(.image(mediaID: "i", caption: nil)))
        #expect(image.contains("Gambar ini kami simpan dulu"), "\(image)")
    }

    /// After a long pause the provider is asked whether to continue; what they wrote on coming back is answered
    /// where they continue, not dropped to be typed again.
    @Test func inactivityOffersToContinueWhereTheyWere() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        chat.now = chat.now.addingTimeInterval(31 * 60)
        check(
            chat.type("PT Maju Jaya"),
            """
            › Selamat datang kembali, Budi. Sebelumnya Anda sedang mengisi permohonan Registrasi dan Verifikasi Berkas (bagi pengguna baru di SPSE). Lanjutkan atau mulai ulang?

            (Atau balas dengan angka 1–2.)
              [Lanjutkan] [Mulai ulang]
            """)
        check(
            chat.tap("resume.continue"),
            """
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
        #expect(chat.draft?.answers["company"] == "Maju Jaya")
        #expect(chat.state.heldAfterPause == nil)
    }

    @Test func inactivityRestartGoesToTheMenu() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.event(.inactivityTimeout)
        _ = chat.type("halo", .greeting)
        check(
            chat.type("2"),
            """
            › Silakan pilih layanan yang Anda butuhkan.

            (Atau balas dengan angka 1–9.)
              ≡ Lihat menu
              - Registrasi & Verifikasi · Pendaftaran penyedia baru dan verifikasi berkas
              - Perubahan Data · Verifikasi perubahan data penyedia
              - Reset Password/User ID · Lupa password atau User ID SPSE
              - Masalah Tender · Kendala unggah penawaran, jadwal, atau error
              - Konsultasi SPSE · Pertanyaan tentang penggunaan SPSE
              - Pengaduan · Sampaikan keluhan tentang layanan
              - Cek status tiket · Lihat perkembangan tiket Anda
              - Tanya jawab (FAQ)
              - Bicara dengan petugas
            """)
        #expect(chat.state.step == .menu)
    }

    @Test func staffFeedbackRequestCollectsTextAndDocumentsThenHandsBack() throws {
        let ticket = TicketSummary(
            number: 1259, title: "Registrasi", stateText: "Menunggu Anda", waitingOn: "Anda", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        check(
            chat.event(
                .staffRequestedFeedback(ticket: 1259, text: "Mohon kirim ulang NPWP perusahaan yang terbaca jelas.")),
            """
            › Petugas meminta informasi tambahan untuk tiket #1259:

            Mohon kirim ulang NPWP perusahaan yang terbaca jelas.

            Balas di sini atau kirim dokumen PDF, lalu tekan Selesai.

            (Atau balas dengan angka 1.)
              [Selesai]
            """)
        check(
            chat.type("Baik, saya kirim sekarang"),
            """
            ⚙ appendToTicket #1259: Baik, saya kirim sekarang
            › Pesan diteruskan ke tiket #1259. Kirim lagi bila perlu, atau tekan Selesai.

            (Atau balas dengan angka 1.)
              [Selesai]
            """)
        check(
            chat.pdf("m9", "npwp-baru.pdf"),
            """
            ⚙ fetchMedia m9 for #1259
            """)
        check(
            chat.stored("m9", "npwp-baru.pdf"),
            """
            ⚙ attachToTicket #1259: npwp-baru.pdf
            › File npwp-baru.pdf sudah dilampirkan ke tiket #1259.
            """)
        check(
            chat.type("selesai"),
            """
            ⚙ provideFeedback #1259
            › Terima kasih. Tanggapan Anda untuk tiket #1259 sudah diteruskan ke petugas.
            """)
        #expect(chat.state.step == .idle)
    }

    @Test func feedbackRequestDuringIntakeResumesTheIntakeAfterwards() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.event(.staffRequestedFeedback(ticket: 1200, text: "Apakah email perusahaan masih aktif?"))
        check(
            chat.type("Masih aktif"),
            """
            ⚙ appendToTicket #1200: Masih aktif
            › Pesan diteruskan ke tiket #1200. Kirim lagi bila perlu, atau tekan Selesai.

            (Atau balas dengan angka 1.)
              [Selesai]
            """)
        check(
            chat.tap("feedback.done.1200"),
            """
            ⚙ provideFeedback #1200
            › Terima kasih. Tanggapan Anda untuk tiket #1200 sudah diteruskan ke petugas.
            › Nomor WhatsApp direksi/pimpinan untuk verifikasi video call? Tekan "Pakai nomor ini" untuk +6281234567890, atau ketik nomor lain.

            (Atau balas dengan angka 1.)
              [Pakai nomor ini]
            """)
    }

    @Test func staffRepliesAreRelayedAndLongOnesSplit() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let long = String(repeating: "Mohon periksa kembali dokumen Anda. ", count: 150)
        let effects = chat.event(.staffReplied(ticket: 5, text: long))
        let texts = sentTexts(effects)
        #expect(texts.count == 2)
        #expect(texts.allSatisfy { $0.count <= 4096 })
        #expect(texts.joined(separator: " ").filter { $0 == "." }.count == long.filter { $0 == "." }.count)
    }

    @Test func aStaffFileGoesAsADocumentCaptionedWithTheTicketAndWhatStaffWrote() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        let form = StoredDocument(
            sha256: String(repeating: "c", count: 64), filename: "form.pdf", size: 9, mimeType: "application/pdf")
        check(
            chat.event(.staffSentFile(ticket: 5, document: form, caption: "Mohon diisi dan dikirim kembali.")),
            "› 📎 form.pdf (application/pdf): 📎 Berkas dari petugas (tiket #5)\nMohon diisi dan dikirim kembali."
        )
        check(
            chat.event(.staffSentFile(ticket: 5, document: form, caption: nil)),
            "› 📎 form.pdf (application/pdf): 📎 Berkas dari petugas (tiket #5)")
        // Too long for a caption: what staff wrote goes first, as their reply.
        let long = String(repeating: "Isi kolom sesuai akta. ", count: 60)
        let effects = chat.event(.staffSentFile(ticket: 5, document: form, caption: long))
        #expect(effects.count == 2)
        #expect(sentTexts(effects).first?.hasPrefix("💬 Petugas (tiket #5):") == true)
        #expect(sentTexts(effects).last == "📎 Berkas dari petugas (tiket #5)")
        // What the provider writes next is for the staff member who sent it.
        #expect(chat.state.staffTicket == 5)
    }

    @Test func resolutionConfirmedThenFullSurveyWithoutComment() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        check(
            chat.event(.ticketResolved(ticket: 1259, note: "Akun sudah diverifikasi.")),
            """
            › Petugas telah menyelesaikan tiket #1259:
            Akun sudah diverifikasi.

            Apakah permintaan pada tiket #1259 sudah selesai?

            (Atau balas dengan angka 1–2.)
              [OK, Selesai] [Belum]
            """)
        check(
            chat.tap("resolve.ok.1259"),
            """
            ⚙ confirmResolution #1259
            › Terima kasih, tiket #1259 kami tutup.
            """)
        check(
            chat.event(.ticketClosed(ticket: 1259)),
            """
            ⚙ schedule surveyReminder(ticket: 1259) at 1795086400
            › Tiket #1259 telah ditutup. Mohon bantu kami dengan survei singkat (8 pertanyaan).

            (1/8) Penanganan
            Pertanyaan 1?

            (Atau balas dengan angka 1–4.)
              ≡ Pilih jawaban
              - Tidak memuaskan
              - Kurang memuaskan
              - Memuaskan
              - Sangat memuaskan
            """)
        for _ in 1...7 { _ = chat.tap("survey.4") }
        check(
            chat.type("3"),
            """
            › Ada saran atau komentar? Tulis di sini, atau tekan Lewati.

            (Atau balas dengan angka 1.)
              [Lewati]
            """)
        check(
            chat.tap("survey.skip"),
            """
            ⚙ submitSurvey #1259 [4, 4, 4, 4, 4, 4, 4, 3] -
            ⚙ cancelTimer surveyReminder(ticket: 1259)
            › Terima kasih atas penilaian Anda!
            """)
        #expect(chat.state.step == .idle)
    }

    @Test func notResolvedReopensWithTheirMessage() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.event(.ticketResolved(ticket: 1259, note: "Selesai."))
        check(
            chat.type("belum", .deny),
            """
            › Apa yang masih belum selesai pada tiket #1259? Tulis pesan Anda.
            """)
        check(
            chat.type("Saya masih belum bisa login"),
            """
            ⚙ reopen #1259: Saya masih belum bisa login
            › Tiket #1259 dibuka kembali dan pesan Anda diteruskan ke petugas.
            """)
    }

    @Test func surveyBadAnswersAndRequiredComment() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 3))
        check(
            chat.type("entahlah"),
            """
            › Mohon pilih jawaban 1–4.

            (1/8) Penanganan
            Pertanyaan 1?

            (Atau balas dengan angka 1–4.)
              ≡ Pilih jawaban
              - Tidak memuaskan
              - Kurang memuaskan
              - Memuaskan
              - Sangat memuaskan
            """)
        check(
            chat.type("5"),
            """
            › Mohon pilih jawaban 1–4.

            (1/8) Penanganan
            Pertanyaan 1?

            (Atau balas dengan angka 1–4.)
              ≡ Pilih jawaban
              - Tidak memuaskan
              - Kurang memuaskan
              - Memuaskan
              - Sangat memuaskan
            """)
        for _ in 1...8 { _ = chat.type("2") }
        check(
            chat.tap("survey.skip"),
            """
            › Komentar wajib diisi karena ada jawaban bernilai rendah.

            Mohon tuliskan apa yang kurang memuaskan agar kami dapat memperbaikinya.
            """)
        check(
            chat.type("ok"),
            """
            › Mohon tulis minimal 3 karakter.

            Mohon tuliskan apa yang kurang memuaskan agar kami dapat memperbaikinya.
            """)
        check(
            chat.type("Balasan petugas lama sekali"),
            """
            ⚙ submitSurvey #3 [2, 2, 2, 2, 2, 2, 2, 2] Balasan petugas lama sekali
            ⚙ cancelTimer surveyReminder(ticket: 3)
            › Terima kasih atas penilaian Anda!
            """)
    }

    @Test func partialSurveyResumesAfterItsOnlyReminder() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue(), survey: Fixtures.survey)
        _ = chat.event(.ticketClosed(ticket: 3))
        _ = chat.tap("survey.4")
        _ = chat.tap("survey.3")
        check(
            chat.type("menu"),
            """
            › Silakan pilih layanan yang Anda butuhkan.

            (Atau balas dengan angka 1–9.)
              ≡ Lihat menu
              - Registrasi & Verifikasi · Pendaftaran penyedia baru dan verifikasi berkas
              - Perubahan Data · Verifikasi perubahan data penyedia
              - Reset Password/User ID · Lupa password atau User ID SPSE
              - Masalah Tender · Kendala unggah penawaran, jadwal, atau error
              - Konsultasi SPSE · Pertanyaan tentang penggunaan SPSE
              - Pengaduan · Sampaikan keluhan tentang layanan
              - Cek status tiket · Lihat perkembangan tiket Anda
              - Tanya jawab (FAQ)
              - Bicara dengan petugas
            """)
        check(
            chat.event(.surveyReminderDue(ticket: 3)),
            """
            › Survei untuk tiket #3 belum selesai. Mau melanjutkan?

            (Atau balas dengan angka 1.)
              [Lanjutkan survei]
            """)
        check(
            chat.tap("survey.resume"),
            """
            › (3/8) Penanganan
            Pertanyaan 3?

            (Atau balas dengan angka 1–4.)
              ≡ Pilih jawaban
              - Tidak memuaskan
              - Kurang memuaskan
              - Memuaskan
              - Sangat memuaskan
            """)
        check(chat.event(.surveyReminderDue(ticket: 3)), "")
        #expect(chat.state.step == .survey(SurveyProgress(ticket: 3, answers: [4, 3], comment: false)))
    }

    @Test func messageAboutTheOnlyOpenTicketGoesToItsLog() throws {
        let ticket = TicketSummary(
            number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        check(
            chat.type("Pak, berkas saya sudah diterima?"),
            """
            ⚙ appendToTicket #1259: Pak, berkas saya sudah diterima?
            › Pesan Anda sudah diteruskan ke tiket #1259.
            """)
        // A question the FAQ answers is answered too, and still reaches the ticket.
        check(
            chat.type("Pak, kapan jadwal video call saya?"),
            """
            ⚙ appendToTicket #1259: Pak, kapan jadwal video call saya?
            › Video call verifikasi dilakukan Senin–Jumat pukul 10.00–14.00 WIB, kecuali hari libur nasional; tidak ada \
            jadwal pada Sabtu, Minggu atau di luar jam itu. Waktunya Anda pilih sendiri di chat ini setelah petugas \
            memeriksa dokumen permohonan Anda.

            Pesan Anda juga sudah diteruskan ke petugas pada tiket #1259.
            """)
    }

    @Test func messageWithSeveralOpenTicketsAsksWhichOne() throws {
        let tickets = [
            TicketSummary(number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil),
            TicketSummary(number: 1301, title: "Reset Password", stateText: "Baru", waitingOn: "petugas", due: nil),
        ]
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: tickets)
        check(
            chat.type("Sudah saya kirim berkasnya"),
            """
            › Pesan Anda tentang tiket yang mana?

            (Atau balas dengan angka 1–3.)
              ≡ Pilih tiket
              - #1259 · Registrasi
              - #1301 · Reset Password
              - Bukan soal tiket
            """)
        check(
            chat.type("2"),
            """
            ⚙ appendToTicket #1301: Sudah saya kirim berkasnya
            › Pesan Anda sudah diteruskan ke tiket #1301.
            """)
    }

    @Test func statusListsTheContactsTicketsWithDueTimeInWIB() throws {
        let due = Date(timeIntervalSince1970: 1_795_010_000)
        let ticket = TicketSummary(
            number: 1259, title: "Registrasi", stateText: "Diproses Level 1", waitingOn: "petugas", due: due)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        check(
            chat.type("status"),
            """
            › Tiket Anda yang masih terbuka:

            Tiket #1259 – Registrasi
            Status: Diproses Level 1. Menunggu: petugas. Target selesai: Rabu, 18 November 2026 pukul 20.53 WIB.
            ⚙ appendToTicket #1259: status
            """)
        check(
            chat.type("cek tiket 1259", .checkStatus, entities: Entities(ticketNumber: 1259)),
            """
            › Tiket #1259 – Registrasi
            Status: Diproses Level 1. Menunggu: petugas. Target selesai: Rabu, 18 November 2026 pukul 20.53 WIB.
            ⚙ appendToTicket #1259: cek tiket 1259
            """)
    }

    @Test func handOffKeepsMessagesUntilTheTicketIsOpened() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        check(
            chat.type("petugas"),
            """
            ⚙ handOff asked ticket=- collected=-
            › Baik, kami hubungkan dengan petugas. Silakan tulis pertanyaan Anda di sini.
            """)
        check(
            chat.type("Saya butuh bantuan unggah penawaran"),
            """
            › Pesan Anda kami simpan untuk petugas.
            """)
        check(
            chat.event(.ticketOpened(number: 1400)),
            """
            ⚙ appendToTicket #1400: Saya butuh bantuan unggah penawaran
            › Percakapan Anda tercatat di tiket #1400. Petugas akan membalas di sini.
            """)
        #expect(chat.state.step == .idle)
    }

    @Test func faqAnswersFromTheCatalogue() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("menu")
        check(
            chat.tap("menu.faq"),
            """
            › Pertanyaan yang sering diajukan:

            (Atau balas dengan angka 1–10.)
              ≡ Lihat pertanyaan
              - Apakah ada biaya?
              - Berapa lama prosesnya?
              - Apa itu bentuk usaha?
              - Bagaimana cara daftar?
              - Beda kota, bisa daftar?
              - Apa itu SIKaP?
              - Bisa diwakilkan?
              - Kenapa ada video call?
              - Kapan jadwal video call?
              - Apakah ini dijawab bot?
            """)
        check(
            chat.type("1"),
            """
            › Layanan helpdesk LPSE tidak dipungut biaya. Bila ada yang meminta pembayaran atas nama LPSE, jangan dibayar dan laporkan lewat layanan *Pengaduan*.

            Ketik "menu" untuk kembali ke menu utama.
            """)
    }

    @Test func fileAboutTheOnlyOpenTicketIsAttachedOnceStored() throws {
        let ticket = TicketSummary(
            number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil)
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: [ticket])
        check(
            chat.pdf("m5", "akta.pdf"),
            """
            ⚙ fetchMedia m5 for #1259
            """)
        check(
            chat.stored("m5", "akta.pdf"),
            """
            ⚙ attachToTicket #1259: akta.pdf
            › File akta.pdf sudah dilampirkan ke tiket #1259.
            """)
        #expect(chat.state.ticketUploads.isEmpty)
    }

    @Test func fileWithSeveralOpenTicketsAsksWhichOneBeforeDownloading() throws {
        let tickets = [
            TicketSummary(number: 1259, title: "Registrasi", stateText: "Diproses", waitingOn: "petugas", due: nil),
            TicketSummary(number: 1301, title: "Reset Password", stateText: "Baru", waitingOn: "petugas", due: nil),
        ]
        var chat = Transcript(catalogue: try Fixtures.catalogue(), openTickets: tickets)
        check(
            chat.pdf("m6", "surat.pdf"),
            """
            › File surat.pdf untuk tiket yang mana?

            (Atau balas dengan angka 1–3.)
              ≡ Pilih tiket
              - #1259 · Registrasi
              - #1301 · Reset Password
              - Bukan soal tiket
            """)
        check(
            chat.tap("ticket.1301"),
            """
            ⚙ fetchMedia m6 for #1301
            """)
        check(
            chat.event(.documentRejected(mediaID: "m6", reason: .hashMismatch)),
            """
            › File surat.pdf rusak saat dikirim. Mohon kirim ulang.
            """)
        #expect(chat.state.step == .idle)
    }
}
