import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// "maaf salah kirim min" at the checklist: the file just sent, or the one named, is sent again and replaced. It
/// was kept, and the provider told "Kami menunggu file PDF" with a wrong answer counted. Each message read with
/// the shipped recognizer.
struct WrongFileTests {
    /// The registration's checklist with `files` stored, each named as it was sent.
    static func withStored(_ files: [String]) throws -> Transcript {
        var chat = try Transcript.atRegistrationChecklist()
        for (index, file) in files.enumerated() {
            _ = chat.pdf("m\(index)", file)
            _ = chat.stored("m\(index)", file)
        }
        return chat
    }

    @Test(arguments: [
        ("maaf salah kirim min", "ktp.pdf"), ("salah file", "ktp.pdf"), ("yang tadi salah, mau kirim ulang", "ktp.pdf"),
        ("maaf salah kirim min", "dokumen.pdf"),
    ])
    func theFileJustSentIsSentAgain(text: String, file: String) throws {
        var chat = try Self.withStored([file])
        let reply = render(try chat.read(text))
        #expect(
            reply == "› Baik, kirim file KTP/KITAS Direktur yang benar di sini; file itu menggantikan \(file).",
            "\(reply)")
        #expect(chat.state.invalidAnswers == 0)
        _ = chat.pdf("m9", "ktp asli.pdf")
        _ = chat.stored("m9", "ktp asli.pdf")
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "ktp asli.pdf")
        #expect(chat.draft?.documents["npwp_perusahaan"] == nil, "the NPWP is still missing")
    }

    /// With several files stored and more to come (a registration whose office also asks for the deed), the one
    /// named is sent again; with none named, which one is asked, and the number typed then picks it.
    @Test func theFileNamedOrAskedForIsSentAgain() throws {
        var chat = Transcript(catalogue: try Self.catalogueAskingForTheDeed())
        _ = chat.tap("menu.registrasi")
        _ = chat.type("PT Maju Jaya")
        _ = chat.tap("phone.self")
        _ = chat.tap("consent.yes")
        for (index, file) in ["ktp.pdf", "npwp.pdf"].enumerated() {
            _ = chat.pdf("m\(index)", file)
            _ = chat.stored("m\(index)", file)
        }
        #expect(chat.draft?.stage == .documents)
        var named = chat
        let reply = render(try named.read("npwp nya salah file min"))
        #expect(
            reply.contains("kirim file NPWP Perusahaan yang benar di sini; file itu menggantikan npwp.pdf"), "\(reply)")
        let asked = render(try chat.read("maaf salah kirim"))
        #expect(asked.contains("File mana yang salah? Balas dengan nomor dokumennya"), "\(asked)")
        #expect(chat.state.invalidAnswers == 0)
        _ = try chat.read("1")
        _ = chat.pdf("m9", "scan.pdf")
        _ = chat.stored("m9", "scan.pdf")
        #expect(chat.draft?.documents["ktp_direktur"]?.filename == "scan.pdf")
        #expect(chat.draft?.documents["npwp_perusahaan"]?.filename == "npwp.pdf")
    }

    /// The shipped dialogs, with the deed asked of a company registering as well.
    static func catalogueAskingForTheDeed() throws -> DialogCatalogue {
        var catalogue = try Fixtures.catalogue()
        let index = try #require(catalogue.services.firstIndex { $0.id == "registrasi" })
        let deed = try #require(catalogue.services[index].documentsByGroup[.asing]?.first { $0.id == "akta_pendirian" })
        catalogue.services[index].documentsByGroup[.badanUsaha, default: []].append(deed)
        return catalogue
    }

    /// Right after the last file brought the summary, "maaf salah kirim" got "Mohon pilih salah satu." and a wrong
    /// answer: the checklist asks which file, and its number then picks it; the file sent next replaces it and the
    /// summary comes back. "ada yang salah" names no file: it still asks which part to change.
    @Test func aWrongFileAtTheSummaryIsAskedWhich() throws {
        var chat = try Self.withStored(["ktp.pdf", "npwp.pdf"])
        #expect(chat.draft?.stage == .summary)
        let asked = render(try chat.read("maaf salah kirim"))
        #expect(asked.contains("File mana yang salah? Balas dengan nomor dokumennya"), "\(asked)")
        #expect(asked.contains("2. ✅ NPWP Perusahaan"), "\(asked)")
        #expect(chat.state.invalidAnswers == 0)
        let send = render(try chat.read("2"))
        #expect(send.contains("Silakan kirim file NPWP Perusahaan sekarang."), "\(send)")
        _ = chat.pdf("m9", "npwp benar.pdf")
        let summary = render(chat.stored("m9", "npwp benar.pdf"))
        #expect(summary.contains("NPWP Perusahaan (npwp benar.pdf)"), "\(summary)")
        #expect(summary.contains("KTP/KITAS Direktur (ktp.pdf)"), "\(summary)")
        #expect(chat.draft?.stage == .summary)

        var part = try Self.withStored(["ktp.pdf", "npwp.pdf"])
        let change = render(try part.read("ada yang salah min"))
        #expect(change.contains("Bagian mana yang ingin Anda ubah?"), "\(change)")
    }

    /// Not a wrong file: "salah satu" (one of), a question, or nothing stored yet.
    @Test(arguments: ["salah satu dokumen masih di notaris, nanti menyusul", "apa file nya salah?"])
    func notAWrongFile(text: String) throws {
        var chat = try Self.withStored(["ktp.pdf"])
        let reply = render(try chat.read(text))
        #expect(!reply.contains("yang benar di sini"), "\(reply)")
        #expect(chat.draft?.documents["ktp_direktur"] != nil)
    }
}
