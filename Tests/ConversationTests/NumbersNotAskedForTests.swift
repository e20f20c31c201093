import Foundation
import Intents
import Testing

@testable import Conversation

/// Numbers a provider types that no question asks for at that moment (an NIB, an NPWP where its file is asked), and
/// what was typed at the menu and taken by the form: each is kept once for staff, and none answers a yes/no
/// question.
@Suite struct NumbersNotAskedForTests {
    /// "nib kami 1234567890123" at the summary, which the recognizer reads as a yes at 0.26, sent the request and
    /// the number was gone; at the privacy notice it gave consent. An unsure yes, or one with a number, is no
    /// yes: the number is kept among the provider's notes and the question asked again.
    @Test(arguments: [("nib kami 1234567890123", 0.259), ("ok, nib kami 1234567890123", 0.8)])
    func aNumberReadAsAYesAtTheSummaryIsKept(text: String, confidence: Double) throws {
        var chat = try Transcript.atRegistrationChecklist()
        _ = chat.pdf("m1", "ktp.pdf")
        _ = chat.stored("m1", "ktp.pdf")
        _ = chat.pdf("m2", "npwp.pdf")
        let summary = render(chat.stored("m2", "npwp.pdf"))
        #expect(summary.contains("Ringkasan permohonan Anda"), "\(summary)")
        let effects = chat.type(text, .affirm, confidence: confidence)
        #expect(openedTicket(effects) == nil, "sent: \(render(effects))")
        #expect(render(effects).contains("✅ Keterangan Anda kami catat untuk petugas."), "\(render(effects))")
        #expect(chat.draft?.remarks == [text], "\(chat.draft?.remarks ?? [])")
        #expect(openedTicket(chat.type("ok", .affirm, confidence: 0.97)) != nil, "a sure yes still sends it")
    }

    @Test func aNumberReadAsAnUnsureYesIsNoConsent() throws {
        var chat = try ProviderHabitsTests.atPhoneQuestion()
        _ = chat.tap("phone.self")
        let answer = render(chat.type("nib kami 1234567890123", .affirm, confidence: 0.259))
        #expect(chat.state.consent == nil, "consent given: \(answer)")
        #expect(answer.contains("Keterangan Anda kami catat") && answer.contains("Apakah Anda setuju?"), "\(answer)")
        #expect(chat.draft?.remarks == ["nib kami 1234567890123"], "\(chat.draft?.remarks ?? [])")
    }

    /// "01.234.567.8-901.000" at the checklist got "Kami menunggu file PDF." and was gone; "nib kami 1234567890123"
    /// said every file was sent. A number typed there is kept for staff, said so, and the files still asked for.
    @Test(arguments: [
        ("01.234.567.8-901.000", Entities(npwp: "012345678901000"), "✅ NPWP 01.234.567.8-901.000 kami catat"),
        ("nib kami 1234567890123", Entities(), "✅ 1234567890123 kami catat"),
    ])
    func aNumberTypedAtTheChecklistIsKept(text: String, entities: Entities, said: String) throws {
        var chat = try Transcript.atRegistrationChecklist()
        let answer = render(chat.type(text, .affirm, confidence: 0.259, entities: entities))
        #expect(answer.contains(said) && answer.contains("tetap kami perlukan sebagai file PDF"), "\(answer)")
        #expect(!answer.contains("Masih kurang") && answer.contains("⬜ KTP"), "\(answer)")
        #expect(chat.draft?.remarks == [text], "\(chat.draft?.remarks ?? [])")
        #expect(render(chat.type("1")).contains("KTP"), "a document's number still chooses it")
    }

    /// "PT Sinar Abadi Jaya" typed at the menu, then the registration chosen: the company was the form's answer and
    /// also one of the provider's notes, shown twice in the summary. A message the answers took whole is not a note;
    /// one that says more still is.
    @Test(arguments: [
        ("PT Sinar Abadi Jaya", false), ("PT. Sinar Abadi Jaya", false),
        ("PT Sinar Abadi Jaya, kantor kami di bekasi", true),
    ])
    func aCompanyTypedAtTheMenuIsNotANoteToo(text: String, noted: Bool) throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("halo", .greeting, confidence: 0.97)
        let kept = render(chat.type(text, entities: EntityExtractor().extract(from: text, now: Date())))
        #expect(kept.contains("Pesan Anda kami catat"), "\(kept)")
        let started = render(chat.tap("menu.registrasi"))
        #expect(chat.draft?.answers.values.contains("Sinar Abadi Jaya") == true, "\(chat.draft?.answers ?? [:])")
        let remarks = chat.draft.flatMap(\.remarks) ?? []
        #expect(remarks == (noted ? [text] : []), "\(remarks)")
        #expect(started.contains("Pesan Anda sebelumnya kami sertakan") == noted, "\(started)")
    }

    /// A NIP typed at the menu answers the tender form's question and is not a note either.
    @Test func aNumberTypedAtTheMenuThatAnswersIsNotANote() throws {
        var chat = Transcript(catalogue: try Fixtures.catalogue())
        _ = chat.type("halo", .greeting, confidence: 0.97)
        let text = "nip saya 198001012005011001"
        _ = chat.type(text, entities: EntityExtractor().extract(from: text, now: Date()))
        _ = chat.tap("menu.tender")
        _ = chat.tap("opt.1")
        #expect(chat.draft?.answers.values.contains("198001012005011001") == true, "\(chat.draft?.answers ?? [:])")
        let remarks = chat.draft.flatMap(\.remarks) ?? []
        #expect(remarks.isEmpty, "\(remarks)")
    }
}
