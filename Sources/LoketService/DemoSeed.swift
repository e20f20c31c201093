import Conversation
import Foundation
import Intents
import StaffAccess
import Storage
import Support
import Ticketing

/// `loket serve --demo` (sandbox only): a realistic month of helpdesk work so the queues, the dashboard and
/// the agenda have something to show: tickets of every service from providers across the month, taken,
/// answered, resolved and confirmed, with survey answers and verification calls. The seed is fixed, so two
/// fresh data directories get the same database (same counts, same IKM); times are laid out backwards from
/// the start of the run.
enum DemoSeed {
    /// Companies and their forms, stored as the conversation stores them (`BusinessForm`'s raw value).
    static let companies: [(String, BusinessForm)] = [
        ("PT Maju Jaya", .pt), ("CV Sinar Abadi", .cv), ("PT Karya Nusantara", .pt), ("UD Berkah Tani", .ud),
        ("Koperasi Mitra Usaha", .koperasi), ("PT Cahaya Konstruksi", .pt), ("CV Mandiri Teknik", .cv),
        ("PT Sentosa Medika", .pt), ("CV Lestari Boga", .cv), ("PT Indah Sarana", .pt),
    ]
    static let replies = [
        "Terima kasih, berkas Anda sedang kami periksa.", "Mohon kirim ulang NPWP dalam PDF yang lebih jelas.",
        "Akun Anda sudah kami aktifkan.", "Password sudah direset, silakan masuk kembali.",
        "Paket tersebut sudah bisa diakses kembali.",
    ]

    /// Seeds `writer`'s store unless it holds tickets already; returns how many tickets it opened.
    @discardableResult
    static func seed(
        writer: DatabaseWriter, tickets configuration: TicketStoreConfiguration, catalogue: DialogCatalogue,
        now: Date, logger: Logger
    ) throws -> Int {
        try writer.write(durability: .powerLoss) { database in
            guard try database.queryFirst("SELECT count(*) FROM tickets", row: { $0.int(0) }) == 0 else {
                logger.warning("demo.skipped", ["note": "the data directory already holds tickets"])
                return 0
            }
            var random = SplitMix64(seed: 2026)
            let store = SQLiteTicketStore.transaction(on: database, configuration: configuration)
            let accounts = StaffAccounts(database: database)
            for (id, name, role) in [
                ("sari", "Sari Helpdesk", StaffRole.level1), ("budi.h", "Budi Helpdesk", .level1),
                ("koordinator", "Rina Koordinator", .level2),
            ] where try store.staffMember(id: id) == nil {
                try accounts.save(id: id, name: name, role: role, at: now)
            }
            let level1 = [try store.staffMember(id: "sari")!, try store.staffMember(id: "budi.h")!]
            let services = catalogue.services
            let survey = configuration.survey
            var opened = 0
            // About 90 tickets over the last 30 days, oldest first.
            for index in 0..<90 {
                let created = now.addingTimeInterval(
                    -Double(30 * 86_400) + Double(index) * 28_800 + Double(random.below(3600)))
                let service = services[random.below(services.count)]
                let (company, form) = Self.companies[random.below(Self.companies.count)]
                let phone = "62813\(String(format: "%08d", 10_000_000 + random.below(89_999_999)))"
                let type = TicketType.allCases[random.below(TicketType.allCases.count)]
                let draft = TicketDraft(
                    title: service.title.text(in: .indonesian),
                    description: "Permohonan \(service.title.text(in: .indonesian)) atas nama \(company).",
                    companyName: company, businessForm: form.rawValue, reporterRole: "penyedia", taxOrStaffID: nil,
                    directorPhone: "+" + phone, reporterWaID: phone, reporterName: "Penyedia \(index + 1)",
                    source: "whatsapp",
                    type: type, category: service.id)
                let number = try store.open(draft, at: created).ticket.number
                opened += 1
                let age = now.timeIntervalSince(created)
                // The newest stay new; others are taken, answered, and most older ones resolved and closed.
                guard age > 6 * 3600 else { continue }
                let staff = level1[random.below(level1.count)]
                let actor = TicketActor.staff(staff)
                let classification = TicketClassification(
                    category: service.id, type: type, priority: [.normal, .normal, .high, .low][random.below(4)],
                    applicationVersion: ["SPSE 4.5", "SPSE 4.5", "SPSE 4.4"][random.below(3)])
                let taken = created.addingTimeInterval(Double(600 + random.below(7200)))
                try store.apply(.take(classification), to: number, by: actor, at: taken)
                try store.apply(
                    .staffReply(text: Self.replies[random.below(Self.replies.count)]), to: number, by: actor,
                    at: taken.addingTimeInterval(300))
                if service.id == "registrasi" {
                    try store.markDocumentsComplete(number, by: actor, at: taken.addingTimeInterval(600))
                }
                guard age > 3 * 86_400, random.below(10) < 8 else { continue }
                let resolved = taken.addingTimeInterval(Double(3600 + random.below(86_400)))
                try store.apply(.resolve(text: "Permohonan selesai diproses."), to: number, by: actor, at: resolved)
                try store.apply(
                    .confirm, to: number, by: .reporter(waID: phone, name: "Penyedia \(index + 1)"),
                    at: resolved.addingTimeInterval(1800))
                if let survey, random.below(10) < 7 {
                    var answers: [String: Int] = [:]
                    for question in survey.questions {
                        answers[question.id] = 3 + (random.below(10) < 6 ? 1 : 0) - (random.below(10) == 0 ? 1 : 0)
                    }
                    let low = answers.values.contains { $0 <= 2 }
                    let comment = low ? "Balasan agak lama." : (random.below(3) == 0 ? "Pelayanan cepat." : nil)
                    try store.submitSurvey(
                        SurveyResponse(
                            ticket: number, answers: answers, comment: comment,
                            submittedAt: resolved.addingTimeInterval(3600)))
                }
            }
            // Verification calls for the registration tickets still open: booked in the coming days.
            let ready = try database.query(
                """
                SELECT v.ticket_number FROM verification_tickets v JOIN tickets t ON t.number = v.ticket_number
                WHERE t.is_open = 1 ORDER BY v.ticket_number
                """, row: { TicketNumber($0.int(0)) })
            let free = configuration.verification.freeSlots(now: now, occupancy: [:]).map(\.start)
            for (position, number) in ready.enumerated() where position * 3 < free.count {
                try store.holdVerification(number, at: free[position * 3], now: now)
                try store.confirmVerification(number, by: .system, at: now)
            }
            logger.info(
                "demo.seeded",
                ["tickets": String(opened), "verification_calls": String(min(ready.count, (free.count + 2) / 3))])
            return opened
        }
    }
}
