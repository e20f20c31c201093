import Foundation
import Storage
import WebhookServer

/// The first dialog: greets a new contact (or anyone who greets) in Indonesian and English and shows
/// the main menu as an interactive list; marks every answered message as read.
///
/// The menu entries are placeholders that say the feature is coming. They stay only until the
/// Conversation issue replaces this step with the real dialogs (the reducer in `Conversation`).
public struct WelcomeStep: ConversationStep {
    /// The `welcome` component's schema: which contacts have been seen.
    public static let migrator = Migrator(
        component: "welcome",
        migrations: [
            Migration(
                version: 1, name: "create welcome contacts",
                sql: """
                    CREATE TABLE welcome_contacts (
                        conversation_key TEXT PRIMARY KEY,
                        first_seen_at REAL NOT NULL,
                        last_seen_at REAL NOT NULL
                    )
                    """)
        ])

    /// The placeholder main menu (id, title ≤ 24, description ≤ 72).
    static let menu: [OutboundMessage.ListRow] = [
        OutboundMessage.ListRow(
            id: "menu.registration", title: "Registrasi penyedia", description: "Pendaftaran dan verifikasi akun SPSE"),
        OutboundMessage.ListRow(
            id: "menu.ticket", title: "Laporkan masalah", description: "Gangguan atau permasalahan aplikasi"),
        OutboundMessage.ListRow(
            id: "menu.verification", title: "Jadwal verifikasi", description: "Verifikasi video call dengan direktur"),
        OutboundMessage.ListRow(
            id: "menu.status", title: "Cek status tiket", description: "Lihat perkembangan tiket Anda"),
        OutboundMessage.ListRow(id: "menu.faq", title: "Pertanyaan umum", description: "Jawaban atas pertanyaan umum"),
        OutboundMessage.ListRow(
            id: "menu.staff", title: "Hubungi petugas", description: "Bicara dengan petugas helpdesk"),
    ]

    static let greetings = [
        "halo", "hallo", "helo", "hai", "hi", "hello", "hey", "pagi", "siang", "sore", "malam", "selamat",
        "assalamualaikum", "assalamu'alaikum", "asalamualaikum", "permisi", "p", "ping", "good morning",
        "good afternoon", "good evening",
    ]

    public init() {}

    public func handle(_ message: InboundMessage, context: StepContext, in database: Database) throws
        -> [OutboundMessage]
    {
        let key = message.conversationKey
        let isNew = try Self.recordContact(key, now: context.now, in: database)
        if context.isStale { return [] }
        let to = message.replyAddress
        let markRead = OutboundMessage(to: to, payload: .markRead(messageID: message.id, typingIndicator: false))
        switch message.content {
        case .text(let body):
            let welcome = isNew || Self.isGreeting(body)
            return [markRead, self.menu(to: to, name: context.contact.profileName, welcome: welcome)]
        case .listReply(let id, let title, _) where id.hasPrefix("menu."):
            return [markRead, OutboundMessage(to: to, payload: .text(Self.comingSoon(title)), replyTo: message.id)]
        case .listReply, .buttonReply, .templateButton, .image, .video, .audio, .document, .sticker, .location,
            .contacts, .order, .flowReply:
            return [markRead, self.menu(to: to, name: context.contact.profileName, welcome: isNew)]
        case .unsupported:
            return [
                markRead,
                OutboundMessage(
                    to: to,
                    payload: .text(
                        "Maaf, jenis pesan ini belum dapat kami baca. Silakan kirim pesan teks.\n\n"
                            + "Sorry, we cannot read this kind of message yet. Please send a text message."),
                    replyTo: message.id),
            ]
        case .reaction, .system, .edit, .revoke:
            return []
        }
    }

    /// The welcome (or a short prompt) with the main menu as an interactive list.
    func menu(to: String, name: String?, welcome: Bool) -> OutboundMessage {
        let body: String
        if welcome {
            let greeting = name.map { "Halo, \($0.prefix(60))! " } ?? "Halo! "
            body =
                greeting + "Selamat datang di layanan helpdesk LPSE. Silakan pilih layanan yang Anda perlukan "
                + "dari menu di bawah ini.\n\nWelcome to the LPSE helpdesk. Please choose a service from the menu."
        } else {
            body = "Silakan pilih layanan dari menu di bawah ini.\n\nPlease choose a service from the menu."
        }
        return OutboundMessage(
            to: to,
            payload: .list(
                body: body, buttonLabel: "Lihat menu",
                sections: [OutboundMessage.ListSection(title: "Layanan helpdesk", rows: Self.menu)]))
    }

    static func comingSoon(_ title: String) -> String {
        "Fitur \"\(title)\" segera hadir. Untuk sementara, silakan hubungi helpdesk LPSE melalui kanal resmi.\n\n"
            + "This feature is coming soon. Meanwhile, please contact the LPSE helpdesk through its official channels."
    }

    /// Whether `text` opens with a greeting (`Halo`, `Selamat pagi`, `Assalamualaikum`, `P`, …).
    static func isGreeting(_ text: String) -> Bool {
        // Only the opening matters: look at the first 40 characters, split on anything but letters.
        let words = text.prefix(40).lowercased().split(whereSeparator: { character in
            !(character.isASCII ? (character.isLetter || character == "'") : character.isLetter)
        })
        guard let first = words.first else { return false }
        let opening = words.prefix(2).joined(separator: " ")
        return Self.greetings.contains(String(first)) || Self.greetings.contains(opening)
    }

    /// Records that `key` wrote; returns whether it is a new contact.
    static func recordContact(_ key: String, now: Date, in database: Database) throws -> Bool {
        let known =
            try database.queryFirst(
                "SELECT 1 FROM welcome_contacts WHERE conversation_key = ?", [.text(key)]
            ) { _ in true } ?? false
        try database.run(
            """
            INSERT INTO welcome_contacts (conversation_key, first_seen_at, last_seen_at) VALUES (?, ?, ?)
            ON CONFLICT (conversation_key) DO UPDATE SET last_seen_at = excluded.last_seen_at
            """,
            [.text(key), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970)])
        return !known
    }
}
