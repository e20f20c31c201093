import Conversation
import Foundation
import HelpdeskRuntime
import Storage
import Support
import Ticketing
import WebhookServer
import WhatsAppOutbox

// Writes a year of helpdesk history into a Loket database, for the benchmarks that check Loket's cost
// follows its work and not its history: by default 500,000 tickets over the twelve months before now
// (about 1,370 a day) from 60,000 providers, ten activities each on average (5 million: opening, the
// provider's messages, staff replies and notes, hand-offs, resolution, confirmation or auto-close), a
// survey for most confirmed tickets, 100,000 delivered outbound messages, every provider's conversation
// record, and the inbox as retention leaves it: the last 30 days of processed webhooks (10,000 a day by
// default, with Meta's delivery statuses among them), and the console's live stream as it leaves it too (its
// newest 100,000 events). Tickets of the last two weeks are still in every open state, as in an office's
// queue; none is overdue for auto-close, as Loket would have closed it.
//
// Everything goes through the ticket store, the outbox, the conversation records and the inbox, so rows,
// indexes and the event log are what Loket itself writes. `loket serve` on a copy adds its other tables.
//
// usage: HistorySeed PATH [--tickets 500000] [--outbound 100000] [--webhooks-per-day 10000]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard let path = arguments.first, !path.hasPrefix("--") else {
    print("usage: HistorySeed PATH [--tickets 500000] [--outbound 100000] [--webhooks-per-day 10000]")
    exit(2)
}
let ticketCount = option("--tickets").flatMap(Int.init) ?? 500_000
let outboundCount = option("--outbound").flatMap(Int.init) ?? 100_000
let webhooksPerDay = option("--webhooks-per-day").flatMap(Int.init) ?? 10_000
let providerCount = max(1, ticketCount * 3 / 25)
guard !FileManager.default.fileExists(atPath: path) else {
    print("HistorySeed: \(path) exists; remove it first")
    exit(2)
}

let dialogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Dialogs")
let ticketing = try TicketingDialogs.load(from: dialogs, now: Date())
let survey = ticketing.survey
let configuration = ticketing.storeConfiguration(firstNumber: 1000)
let writer = try DatabaseWriter(
    path: path,
    migrators: [InboxStore.migrator, Outbox.migrator, TicketSchema.migrator, ConversationRecords.migrator])
let store = try SQLiteTicketStore(writer: writer, configuration: configuration)
let outbox = Outbox()

let clock = ContinuousClock()
let started = clock.now
let end = Date()
let start = end.addingTimeInterval(-365 * 86_400)
let spacing = 365.0 * 86_400 / Double(ticketCount)
let recentFrom = end.addingTimeInterval(-14 * 86_400)

let services: [(title: String, type: TicketType)] = [
    ("Registrasi dan Verifikasi Penyedia", .permintaanLayanan), ("Reset Password", .permintaanLayanan),
    ("Perubahan Email", .permintaanLayanan), ("Pengaduan", .permasalahan),
    ("Konsultasi / Dukungan Penggunaan SPSE", .permasalahan), ("Gangguan Aplikasi", .gangguan),
]
let staffTeam = (1...6).map { TicketActor(role: .level1, id: "staff-\($0)", name: "Petugas \($0)") }
let coordinators = (1...2).map { TicketActor(role: .level2, id: "admin-\($0)", name: "Koordinator \($0)") }
let classification = TicketClassification(priority: .normal, applicationVersion: "SPSE 4.5")

func provider(_ index: Int) -> String { "62812\(20_000_000 + (index &* 7_919) % providerCount)" }

/// One ticket's life from `at`; a recent ticket stops at an open state chosen by its index.
func live(_ index: Int, at: Date, in tx: any TicketTransaction) throws {
    let service = services[index % services.count]
    let waID = provider(index)
    let reporter = TicketActor.reporter(waID: waID, name: "Pelapor \(index % providerCount)")
    let draft = TicketDraft(
        title: service.title, description: "Mohon bantuan untuk \(service.title.lowercased()), terima kasih.",
        companyName: "PT Sumber Usaha \(index % providerCount)", businessForm: "PT", reporterRole: "penyedia",
        taxOrStaffID: String(format: "01.234.%03d.5-%03d.000", index % 1000, index / 1000 % 1000),
        directorPhone: "+62813\(30_000_000 + index % 9_000_000)", reporterWaID: waID, reporterName: reporter.name,
        type: service.type, category: service.title)
    let number = try tx.open(draft, at: at).ticket.number
    let staff = staffTeam[index / 6 % staffTeam.count]
    let recent = at >= recentFrom
    let stage = recent ? index % 6 : 6
    var minute = 0.0
    func next(_ minutes: Double) -> Date {
        minute += minutes
        return at.addingTimeInterval(minute * 60)
    }
    try tx.apply(
        .reporterMessage(text: "Dokumen sudah saya kirim, mohon dicek."), to: number, by: reporter, at: next(4))
    if stage == 0 { return }
    try tx.apply(.take(classification), to: number, by: staff, at: next(20))
    try tx.apply(.staffReply(text: "Baik, kami periksa dulu ya."), to: number, by: staff, at: next(10))
    if stage == 1 { return }
    try tx.apply(.reporterMessage(text: "Baik, saya tunggu."), to: number, by: reporter, at: next(6))
    if index % 5 == 0 {
        try tx.apply(.escalate(text: "Perlu keputusan koordinator."), to: number, by: staff, at: next(15))
        if stage == 2 { return }
        let coordinator = coordinators[index / 5 % coordinators.count]
        try tx.apply(
            .askFeedback(from: .level1, text: "Sudah dicek ke SIKaP?"), to: number, by: coordinator, at: next(30))
        try tx.apply(.answerLevel2(text: "Sudah, datanya cocok."), to: number, by: staff, at: next(20))
        try tx.apply(.resolve(text: "Sudah kami perbaiki."), to: number, by: coordinator, at: next(60))
    } else {
        try tx.apply(
            .askFeedback(from: .reporter, text: "Mohon kirim NPWP yang terbaru."), to: number, by: staff,
            at: next(15))
        if stage == 2 { return }
        try tx.apply(.reporterMessage(text: "Sudah saya kirim ulang."), to: number, by: reporter, at: next(30))
        try tx.apply(.note(text: "NPWP cocok dengan akta."), to: number, by: staff, at: next(10))
        if stage == 3 { return }
        try tx.apply(.resolve(text: "Sudah selesai, silakan dicek."), to: number, by: staff, at: next(20))
    }
    // Resolved and waiting for the provider only while the auto-close is not due yet.
    if stage == 4 && at > end.addingTimeInterval(-2 * 86_400) { return }
    if index % 3 == 0 {
        try tx.apply(.autoClose, to: number, by: .system, at: next(14 * 1440))
        return
    }
    try tx.apply(.confirm, to: number, by: reporter, at: next(90))
    if index % 4 != 0 {
        let answers = Dictionary(
            uniqueKeysWithValues: survey.questions.enumerated().map {
                ($0.element.id, 3 + ($0.offset + index) % 2)
            })
        try tx.submitSurvey(
            SurveyResponse(ticket: number, answers: answers, comment: nil, submittedAt: next(5)))
    }
}

let batch = 2_000
for first in stride(from: 0, to: ticketCount, by: batch) {
    try store.write { tx in
        for index in first..<min(first + batch, ticketCount) {
            try live(index, at: start.addingTimeInterval(Double(index) * spacing), in: tx)
        }
    }
    if (first / batch) % 25 == 24 {
        print("  \(first + batch) tickets, \(String(format: "%.0f", (clock.now - started) / .seconds(1))) s")
    }
}

// Delivered messages: sent a minute after their creation, read a minute later.
let outboundSpacing = 365.0 * 86_400 / Double(max(1, outboundCount))
for first in stride(from: 0, to: outboundCount, by: batch) {
    try writer.write { database in
        let range = first..<min(first + batch, outboundCount)
        for index in range {
            let at = start.addingTimeInterval(Double(index) * outboundSpacing)
            try outbox.enqueue(
                [OutboundMessage(to: provider(index), payload: .text("Tiket Anda sudah kami terima. (\(index))"))],
                in: database, now: at)
        }
        try database.run(
            """
            UPDATE outbound_messages SET state = 'sent', attempts = 1, wamid = 'wamid.history.' || id,
                sent_at = created_at + 60, delivery_status = 'read', delivery_rank = 3,
                delivery_updated_at = created_at + 120, updated_at = created_at + 120
            WHERE state = 'queued'
            """)
    }
}
// Every provider's conversation, idle between tickets, and the time of their last message.
for first in stride(from: 0, to: providerCount, by: batch) {
    try writer.write { database in
        for index in first..<min(first + batch, providerCount) {
            let contact = "62812\(20_000_000 + index)"
            let at = end.addingTimeInterval(-Double(index % 365) * 86_400)
            try ConversationRecords.save(
                ConversationState(), of: contact, profileName: "Pelapor \(index)", at: at, in: database)
            try outbox.recordInbound(from: contact, at: at, in: database)
        }
    }
}

// The inbox as the retention leaves it: 30 days of processed webhooks, one in ten a delivery status.
let webhookCount = 30 * webhooksPerDay
let webhookSpacing = 30.0 * 86_400 / Double(max(1, webhookCount))
for first in stride(from: 0, to: webhookCount, by: batch) {
    try writer.write { database in
        for index in first..<min(first + batch, webhookCount) {
            let at = end.addingTimeInterval(-30 * 86_400 + Double(index) * webhookSpacing)
            let contact = provider(index)
            let wamid = "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA\(String(index, radix: 16))"
            let timestamp = Int(at.timeIntervalSince1970)
            let event =
                index % 10 == 9
                ? WebhookEvent(
                    kind: .status, messageID: "wamid.history.\(index / 10)", status: "read", conversationKey: contact,
                    contact: WebhookContact(waID: contact, profileName: nil), timestamp: timestamp,
                    raw: Array(
                        #"{"id":"wamid.history.\#(index / 10)","status":"read","timestamp":"\#(timestamp)","recipient_id":"\#(contact)","conversation":{"id":"c\#(index)","origin":{"type":"service"}},"pricing":{"billable":true,"pricing_model":"PMP","category":"service"}}"#
                            .utf8))
                : WebhookEvent(
                    kind: .message, messageID: wamid, status: "", conversationKey: contact,
                    contact: WebhookContact(waID: contact, profileName: "Pelapor"), timestamp: timestamp,
                    raw: Array(
                        #"{"from":"\#(contact)","id":"\#(wamid)","timestamp":"\#(timestamp)","type":"text","text":{"body":"Selamat siang, saya mau tanya status tiket pendaftaran perusahaan kami, dokumen sudah dikirim kemarin. Terima kasih."}}"#
                            .utf8))
            try InboxStore.insert([event], receivedAt: at, in: database)
            try InboxStore.markDone(database.lastInsertRowID, at: at.addingTimeInterval(0.05), in: database)
        }
    }
}

// The console's live stream as the retention leaves it: its newest events only (Loket trims it every hour).
let liveEventsKept = DocumentRetention.Policy().liveEvents
try writer.write { database in
    _ = try SQLiteTicketStore.transaction(on: database, configuration: configuration).deleteLiveEvents(
        keepingNewest: liveEventsKept, limit: Int.max)
}

try writer.exclusive { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }

let counts = try writer.read { database in
    try ["tickets", "ticket_activities", "survey_responses", "outbound_messages", "conversations", "inbox"].map {
        table in
        (table, try database.queryFirst("SELECT count(*) FROM \(table)") { $0.int(0) } ?? 0)
    }
}
let open = try writer.read { database in
    try database.queryFirst("SELECT count(*) FROM tickets WHERE is_open = 1") { $0.int(0) } ?? 0
}
let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
print(
    "history: " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        + ", \(open) tickets open, \(size / 1_048_576) MiB, written in "
        + String(format: "%.0f s", (clock.now - started) / .seconds(1)))
