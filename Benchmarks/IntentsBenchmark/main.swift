import Conversation
import Dispatch
import Foundation
import Intents
import Support

// Measures start-up training and the time to classify one message with entities, and the conversation's search
// of a message for the service its words name (the catalogue's `service.<id>` keyword lists), through their
// index and phrase by phrase. Targets: training ≤ 200 ms; classify median ≤ 50 µs, p99 ≤ 200 µs (release build).
//
// usage: swift run -c release IntentsBenchmark        (LOKET_DIALOGS picks the Dialogs folder)

let dialogs = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "Dialogs")
let now = ISO8601DateFormatter().date(from: "2026-12-03T09:00:00+07:00")!

func milliseconds(_ nanoseconds: UInt64) -> String { String(format: "%.1f ms", Double(nanoseconds) / 1e6) }
func microseconds(_ nanoseconds: UInt64) -> String { String(format: "%.1f µs", Double(nanoseconds) / 1e3) }

// Start-up: load, validate and train, several times; report the median and the worst.
var trainingTimes: [UInt64] = []
var recognizer: IntentRecognizer?
for _ in 0..<7 {
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        recognizer = try IntentRecognizer(dialogsDirectory: dialogs)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(65)
    }
    trainingTimes.append(DispatchTime.now().uptimeNanoseconds - start)
}
guard let recognizer else { exit(70) }
trainingTimes.sort()
print(
    "Start-up (load + validate + train \(recognizer.trainingReport.exampleCount) examples): "
        + "median \(milliseconds(trainingTimes[trainingTimes.count / 2])), max \(milliseconds(trainingTimes.last!))  "
        + "(target ≤ 200 ms)")

let messages = [
    "assalamualaikum min, sy mau verif berkas utk CV. Sinar Abadi, npwp 01.234.567.4-901.000",
    "tiket 1259 sdh diproses blm? no hp sy 0812-3456-7890",
    "bsk jam 10 bisa?",
    "senin depan pukul 13.30 bisa kak",
    "saya tidak mau batal, mau ganti jadwal ke tgl 5 des jam 11",
    "reset pw utk akun PT. maju jaya, hp +62 813 1111 2222",
    "nik direktur 3201051205850003, kode tender 12345678",
    "tomorrow 2pm works for me",
    "pilihan 3",
    "makasih min 🙏",
]

// A provider's first message is often a paragraph: the same work over 400 characters and more.
let paragraphs = [
    "Selamat siang Bapak/Ibu helpdesk LPSE, saya dari CV Maju Bersama ingin menanyakan bagaimana cara verifikasi "
        + "akun SPSE untuk perusahaan kami. Kami sudah mendaftar secara online minggu lalu dan sudah mengunggah akta "
        + "pendirian, NIB, dan NPWP perusahaan, tetapi status akun masih belum aktif. Mohon info jadwal video call "
        + "verifikasi dengan direktur kami. Apakah bisa hari Kamis antara jam 10.00 sampai 14.00 WIB? Terima kasih.",
    "Permisi, saya PPK di Dinas Pekerjaan Umum. Saat membuka paket tender dengan kode 10023456000 muncul pesan "
        + "kesalahan ketika mengunggah dokumen HPS, padahal ukuran file PDF di bawah 4 MB. Sudah dicoba di browser "
        + "lain tetapi hasilnya sama. Mohon bantuan untuk pengecekan, karena jadwal pengumuman tinggal dua hari lagi.",
    "Halo admin, kami PT Sinar Nusantara Abadi mau mengajukan perubahan data penyedia di SIKaP karena ada "
        + "pergantian direktur utama dan alamat kantor. Dokumen apa saja yang harus disiapkan dan apakah perlu datang "
        + "langsung ke kantor LPSE atau cukup melalui verifikasi video call? Mohon arahannya, terima kasih banyak.",
]

func measure(_ rounds: Int, _ messages: [String] = messages) -> [UInt64] {
    var samples: [UInt64] = []
    samples.reserveCapacity(rounds * messages.count)
    var sink = 0
    for _ in 0..<rounds {
        for message in messages {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = recognizer.classify(message, now: now)
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
            sink &+= result.entities.isEmpty ? 0 : 1
        }
    }
    if sink == -1 { print(sink) }
    return samples
}

_ = measure(200)  // warm-up
var samples = measure(5_000)
samples.sort()
let median = samples[samples.count / 2]
let p99 = samples[samples.count * 99 / 100]
print(
    "Classify one message with entities (\(samples.count) runs over \(messages.count) messages): "
        + "median \(microseconds(median)) (target ≤ 50 µs), p99 \(microseconds(p99)) (target ≤ 200 µs), "
        + "max \(microseconds(samples.last!))")

_ = measure(50, paragraphs)  // warm-up
var long = measure(1_000, paragraphs)
long.sort()
print(
    "Classify a paragraph (\(long.count) runs over \(paragraphs.count) messages of "
        + "\(paragraphs.map(\.count).min()!)–\(paragraphs.map(\.count).max()!) characters): "
        + "median \(microseconds(long[long.count / 2])), p99 \(microseconds(long[long.count * 99 / 100]))")

// The service a message names: every `service.<id>` list searched for its earliest phrase, through the lists'
// index by first word, and phrase by phrase as a search of each would.
guard let catalogue = try? DialogCatalogue.load(dialogsDirectory: dialogs) else { exit(65) }
let settings = catalogue.settings
let phraseCount = catalogue.menu.reduce(0) { $0 + (settings.keywords["service.\($1.id)"]?.count ?? 0) }
func measureServiceSearch(_ rounds: Int, indexed: Bool) -> [UInt64] {
    var samples: [UInt64] = []
    var sink = 0
    for _ in 0..<rounds {
        for message in messages + paragraphs {
            let start = DispatchTime.now().uptimeNanoseconds
            let words = DialogSettings.spacedWords(message)
            let named =
                indexed
                ? settings.firstMentioned(in: words, among: catalogue.menu) { "service.\($0.id)" }
                : DialogSettings.firstMentioned(in: words, among: catalogue.menu) {
                    settings.keywords["service.\($0.id)"] ?? []
                }
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
            sink &+= named == nil ? 0 : 1
        }
    }
    if sink == -1 { print(sink) }
    return samples.sorted()
}
for indexed in [true, false] {
    _ = measureServiceSearch(20, indexed: indexed)  // warm-up
    let search = measureServiceSearch(500, indexed: indexed)
    print(
        "Find the service a message names (\(phraseCount) phrases in \(catalogue.menu.count) lists, "
            + "\(search.count) runs over \(messages.count + paragraphs.count) messages), "
            + (indexed ? "through the index" : "phrase by phrase")
            + ": median \(microseconds(search[search.count / 2])), "
            + "p99 \(microseconds(search[search.count * 99 / 100]))")
}

// The reducer's share of a message: the eight messages of a registration journey (the time-to-reply benchmark's),
// each read by the recognizer when typed, reduced with the follow-up a stored document brings, and the state
// encoded as it is stored after each message. The state is read back from its JSON before each message, as a
// lane reads it when its cache misses.
enum JourneyStep {
    case text(String)
    case listReply(String)
    case buttonReply(String)
    case document(String)
}
let journey: [JourneyStep] = [
    .text("halo"), .listReply("menu.registrasi"), .text("PT Maju Jaya"), .buttonReply("phone.self"),
    .buttonReply("consent.yes"), .document("ktp-direktur.pdf"), .document("npwp-perusahaan.pdf"),
    .buttonReply("summary.confirm"),
]
let stateDecoder = JSONDecoder()
stateDecoder.dateDecodingStrategy = .secondsSince1970
struct JourneyCost {
    var reduce: UInt64 = 0
    var encode: UInt64 = 0
    var decode: UInt64 = 0
}
func walkJourneys(_ count: Int) -> JourneyCost {
    var cost = JourneyCost()
    var sink = 0
    var ticketsOpened = 0
    for journeyIndex in 0..<count {
        var stored = try! CompactJSONEncoder.encode(ConversationState())
        var context = ConversationContext(
            now: now, catalogue: catalogue, waID: "62812\(String(1_000_000 + journeyIndex))", profileName: "Budi")
        for (index, step) in journey.enumerated() {
            let id = "wamid.\(journeyIndex).\(index)"
            context.now = now.addingTimeInterval(Double(index) * 20)
            var start = DispatchTime.now().uptimeNanoseconds
            var state = try! stateDecoder.decode(ConversationState.self, from: Data(stored.utf8))
            cost.decode += DispatchTime.now().uptimeNanoseconds - start
            start = DispatchTime.now().uptimeNanoseconds
            var events: [ConversationEvent]
            switch step {
            case .text(let text):
                events = [.messageReceived(.init(id: id, kind: .text(text, recognizer.classify(text, now: now))))]
            case .listReply(let replyID):
                events = [.messageReceived(.init(id: id, kind: .listReply(id: replyID, title: replyID)))]
            case .buttonReply(let replyID):
                events = [.messageReceived(.init(id: id, kind: .buttonReply(id: replyID, title: replyID)))]
            case .document(let filename):
                let media = "media.\(journeyIndex).\(index)"
                events = [
                    .messageReceived(
                        .init(
                            id: id,
                            kind: .document(
                                mediaID: media, filename: filename, mimeType: "application/pdf", size: 200_000,
                                sha256: nil, caption: nil))),
                    .documentStored(
                        mediaID: media,
                        document: StoredDocument(
                            sha256: "h-\(media)", filename: filename, size: 200_000, mimeType: "application/pdf")),
                ]
            }
            for event in events {
                let (next, effects) = ConversationReducer.reduce(state: state, event: event, context: context)
                state = next
                sink &+= effects.count
                for case .openTicket in effects { ticketsOpened += 1 }
            }
            cost.reduce += DispatchTime.now().uptimeNanoseconds - start
            start = DispatchTime.now().uptimeNanoseconds
            stored = try! CompactJSONEncoder.encode(state)
            cost.encode += DispatchTime.now().uptimeNanoseconds - start
        }
    }
    if sink == -1 { print(sink) }
    guard ticketsOpened == count else {
        FileHandle.standardError.write(Data("The journey opened \(ticketsOpened) tickets in \(count) walks\n".utf8))
        exit(70)
    }
    return cost
}
_ = walkJourneys(100)  // warm-up
let journeys = 2_000
let journeyCost = walkJourneys(journeys)
let journeyMessages = UInt64(journeys * journey.count)
print(
    "A registration journey's \(journey.count) messages through the reducer (\(journeys) journeys), per message: "
        + "classify and reduce \(microseconds(journeyCost.reduce / journeyMessages)), "
        + "state encoded \(microseconds(journeyCost.encode / journeyMessages)), "
        + "state decoded \(microseconds(journeyCost.decode / journeyMessages))")

// A paragraph as a conversation's first message, the shape of a provider's first message more often than not and
// of the intake benchmark's webhooks: read by the recognizer and reduced from a fresh state.
func firstMessages(_ rounds: Int) -> [UInt64] {
    var samples: [UInt64] = []
    var sink = 0
    for round in 0..<rounds {
        for (index, text) in paragraphs.enumerated() {
            let context = ConversationContext(
                now: now, catalogue: catalogue, waID: "62813\(String(1_000_000 + round))", profileName: "Budi")
            let start = DispatchTime.now().uptimeNanoseconds
            let event = ConversationEvent.messageReceived(
                .init(id: "wamid.p.\(round).\(index)", kind: .text(text, recognizer.classify(text, now: now))))
            let (_, effects) = ConversationReducer.reduce(state: ConversationState(), event: event, context: context)
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
            sink &+= effects.count
        }
    }
    if sink == -1 { print(sink) }
    return samples.sorted()
}
_ = firstMessages(20)  // warm-up
let firsts = firstMessages(300)
print(
    "A paragraph as a conversation's first message (\(firsts.count) runs over \(paragraphs.count) messages), "
        + "classify and reduce: median \(microseconds(firsts[firsts.count / 2])), "
        + "p99 \(microseconds(firsts[firsts.count * 99 / 100]))")
