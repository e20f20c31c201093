import Foundation
import Intents
import Testing

@testable import Conversation

/// The summary of a complaint or a question showed it twice: as the answer ("Pengaduan: …") and again as the
/// description, which for these services is the answer under its label; "Ubah" offered the description as a part
/// of its own. It is shown once, with the provider's notes; the ticket's description is unchanged, and a
/// registration's summary still shows its description. Each message read with the shipped recognizer.
struct SummaryOnceTests {
    static let complaint = "petugas verifikasi tidak menelpon sesuai jadwal kemarin, sudah nunggu 1 jam"

    static func complaintSummary() throws -> (Transcript, String) {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau komplain")
        _ = try chat.read(Self.complaint)
        let summary = render(chat.tap("consent.yes"))
        #expect(chat.draft?.stage == .summary, "\(summary)")
        return (chat, summary)
    }

    @Test func theComplaintIsShownOnce() throws {
        var (chat, summary) = try Self.complaintSummary()
        #expect(summary.components(separatedBy: Self.complaint).count == 2, "once: \(summary)")
        #expect(!summary.contains("Deskripsi:"), "\(summary)")
        let change = render(chat.tap("summary.change"))
        #expect(!change.contains("Deskripsi"), "\(change)")
        _ = chat.tap("summary.cancel")
        var sent = try Self.complaintSummary().0
        let effects = sent.tap("summary.confirm")
        guard case .openTicket(let request) = effects.first else {
            Issue.record("no ticket opened: \(effects)")
            return
        }
        #expect(request.description == "Pengaduan: " + Self.complaint)
    }

    @Test func notesForStaffAreStillShown() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = try chat.read("mau komplain")
        _ = try chat.read(Self.complaint)
        _ = try chat.read("nomor tiket saya yang lama 1234")
        let summary = render(chat.tap("consent.yes"))
        #expect(summary.contains("Catatan pelapor:\n• nomor tiket saya yang lama 1234"), "\(summary)")
    }

    @Test func aRegistrationStillShowsItsDescription() throws {
        var chat = try Transcript.atRegistrationChecklist()
        let summary = render(chat.sendDocuments("ktp.pdf", "npwp.pdf"))
        #expect(summary.contains("Deskripsi:\nPermohonan Registrasi dan Verifikasi Berkas atas nama"), "\(summary)")
    }
}
