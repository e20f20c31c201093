import Conversation
import Foundation
import Storage
import Support

/// The conversation side of the database: each contact's state, pending timers and recorded consents.
///
/// All functions run inside the caller's transaction on the writer connection.
public enum ConversationRecords {
    /// The `conversation` component's schema.
    public static let migrator = Migrator(
        component: "conversation",
        migrations: [
            Migration(
                version: 1, name: "conversations, timers and consents",
                sql: """
                    CREATE TABLE conversations (
                        contact TEXT PRIMARY KEY,
                        profile_name TEXT,
                        state TEXT NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE conversation_timers (
                        contact TEXT NOT NULL REFERENCES conversations (contact) ON DELETE CASCADE,
                        timer TEXT NOT NULL,
                        due_at REAL NOT NULL,
                        PRIMARY KEY (contact, timer)
                    );
                    CREATE INDEX conversation_timers_due ON conversation_timers (due_at);
                    CREATE TABLE consents (
                        id INTEGER PRIMARY KEY,
                        contact TEXT NOT NULL,
                        notice_version TEXT NOT NULL,
                        language TEXT NOT NULL,
                        given_at REAL NOT NULL
                    );
                    CREATE INDEX consents_contact ON consents (contact);
                    """)
        ])

    /// The stored state of `contact`, or a new conversation.
    public static func state(of contact: String, in database: Database) throws -> ConversationState {
        try Self.decodeState(try Self.stateJSON(of: contact, in: database))
    }

    /// The stored state of `contact` as JSON, or nil for a contact without one.
    static func stateJSON(of contact: String, in database: Database) throws -> String? {
        try database.queryFirst(
            "SELECT state FROM conversations WHERE contact = ?", [.text(contact)], row: { $0.string(0) })
    }

    /// `json` from `stateJSON(of:in:)` decoded; nil is a new conversation.
    static func decodeState(_ json: String?) throws -> ConversationState {
        guard let json else { return ConversationState() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(ConversationState.self, from: Data(json.utf8))
    }

    /// `state` as the JSON text `decodeState(_:)` reads (dates as seconds since 1970).
    static func encodeState(_ state: ConversationState) throws -> String {
        try CompactJSONEncoder.encode(state)
    }

    /// Whether a stored state refers to a file by its media id (held back, waiting for a ticket or for the
    /// downloader): only then can a message without a file of its own make the conversation fetch one. Every
    /// media id in the state is encoded under this key.
    static func mayReferToMedia(_ json: String?) -> Bool {
        // A plain byte scan: Foundation's `contains` (through CFString) and the standard library's generic
        // `firstRange(of:)` each cost more than reading the state.
        guard var json else { return false }
        let key = Array(#""mediaID""#.utf8)
        return json.withUTF8 { bytes in
            guard bytes.count >= key.count else { return false }
            var index = 0
            let last = bytes.count - key.count
            while index <= last {
                if bytes[index] == key[0] {
                    var matched = 1
                    while matched < key.count && bytes[index + matched] == key[matched] { matched += 1 }
                    if matched == key.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Stores `state` of `contact`.
    /// - Returns: the JSON text stored.
    @discardableResult
    public static func save(
        _ state: ConversationState, of contact: String, profileName: String?, at now: Date, in database: Database
    ) throws -> String {
        let json = try Self.encodeState(state)
        try database.run(
            """
            INSERT INTO conversations (contact, profile_name, state, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (contact) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
                profile_name = coalesce(excluded.profile_name, conversations.profile_name)
            """,
            [.text(contact), .optional(profileName), .text(json), .real(now.timeIntervalSince1970)])
        return json
    }

    /// Moves `old`'s conversation, its timers and its consents to `new` (the provider's number changed). A
    /// conversation `new` already has (they wrote from it first) stays, and takes the timers it has not got.
    public static func move(from old: String, to new: String, in database: Database) throws {
        guard old != new else { return }
        try database.run(
            """
            INSERT OR IGNORE INTO conversations (contact, profile_name, state, updated_at)
            SELECT ?, profile_name, state, updated_at FROM conversations WHERE contact = ?
            """, [.text(new), .text(old)])
        try database.run(
            "UPDATE OR IGNORE conversation_timers SET contact = ? WHERE contact = ?", [.text(new), .text(old)])
        try database.run("DELETE FROM conversations WHERE contact = ?", [.text(old)])
        try database.run("UPDATE consents SET contact = ? WHERE contact = ?", [.text(new), .text(old)])
    }

    /// The profile name last seen for `contact`.
    public static func profileName(of contact: String, in database: Database) throws -> String? {
        try database.queryFirst(
            "SELECT profile_name FROM conversations WHERE contact = ?", [.text(contact)], row: { $0.optionalString(0) }
        ) ?? nil
    }

    /// Sets (or moves) the timer of `contact`. A contact without a stored conversation yet (a ticket that did
    /// not start in the chat) gets a new one first, which the caller's `save` then overwrites.
    public static func schedule(_ timer: ConversationTimer, of contact: String, at due: Date, in database: Database)
        throws
    {
        try database.run(
            """
            INSERT INTO conversations (contact, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (contact) DO NOTHING
            """,
            [
                .text(contact), .text(try Self.encodeState(ConversationState())),
                .real(due.timeIntervalSince1970),
            ])
        try database.run(
            """
            INSERT INTO conversation_timers (contact, timer, due_at) VALUES (?, ?, ?)
            ON CONFLICT (contact, timer) DO UPDATE SET due_at = excluded.due_at
            """,
            [.text(contact), .text(try Self.key(of: timer)), .real(due.timeIntervalSince1970)])
    }

    public static func cancel(_ timer: ConversationTimer, of contact: String, in database: Database) throws {
        try database.run(
            "DELETE FROM conversation_timers WHERE contact = ? AND timer = ?",
            [.text(contact), .text(try Self.key(of: timer))])
    }

    /// Removes and returns up to `limit` timers due at `now`, oldest first.
    public static func takeDueTimers(at now: Date, limit: Int, in database: Database) throws
        -> [(contact: String, timer: ConversationTimer)]
    {
        let rows = try database.query(
            "SELECT contact, timer FROM conversation_timers WHERE due_at <= ? ORDER BY due_at LIMIT ?",
            [.real(now.timeIntervalSince1970), .int(limit)]
        ) { ($0.string(0), $0.string(1)) }
        var due: [(contact: String, timer: ConversationTimer)] = []
        for (contact, key) in rows {
            try database.run(
                "DELETE FROM conversation_timers WHERE contact = ? AND timer = ?", [.text(contact), .text(key)])
            if let timer = try? JSONDecoder().decode(ConversationTimer.self, from: Data(key.utf8)) {
                due.append((contact, timer))
            }
        }
        return due
    }

    /// When the next timer is due, if any.
    public static func nextTimerDue(in database: Database) throws -> Date? {
        try database.queryFirst("SELECT min(due_at) FROM conversation_timers") { $0.optionalDouble(0) }?
            .map { Date(timeIntervalSince1970: $0) }
    }

    public static func recordConsent(_ consent: ConsentRecord, of contact: String, in database: Database) throws {
        try database.run(
            "INSERT INTO consents (contact, notice_version, language, given_at) VALUES (?, ?, ?, ?)",
            [
                .text(contact), .text(consent.version), .text(consent.language.rawValue),
                .real(consent.at.timeIntervalSince1970),
            ])
    }

    /// The consents `contact` gave, oldest first.
    public static func consents(of contact: String, in database: Database) throws -> [ConsentRecord] {
        try database.query(
            "SELECT notice_version, language, given_at FROM consents WHERE contact = ? ORDER BY id", [.text(contact)]
        ) {
            ConsentRecord(
                version: $0.string(0), at: Date(timeIntervalSince1970: $0.double(2)),
                language: Language(rawValue: $0.string(1)) ?? .indonesian)
        }
    }

    /// A stable text key for a timer (its JSON form: `{"inactivity":{}}`, `{"surveyReminder":{"ticket":7}}`).
    static func key(of timer: ConversationTimer) throws -> String {
        // The inactivity timer moves with nearly every message: its key is kept, not encoded each time.
        if timer == .inactivity { return Self.inactivityKey }
        return try Self.encodedKey(of: timer)
    }

    static let inactivityKey = #"{"inactivity":{}}"#

    static func encodedKey(of timer: ConversationTimer) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(timer), as: UTF8.self)
    }
}
