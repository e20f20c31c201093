import Foundation
import Storage
import Support
import Ticketing

/// Why an access operation was refused.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownStaff(String)
    case invalidInput(String)
    /// The last active admin cannot be disabled or demoted (staff management would be locked for good).
    case lastAdmin(String)
    /// Too many failed logins: try again after this many seconds.
    case throttled(retryAfter: Int)
    case invalidCredentials

    public var description: String {
        switch self {
        case .unknownStaff(let id): "no staff member has the id \"\(id)\""
        case .invalidInput(let reason): reason
        case .lastAdmin(let id): "\(id) is the last active admin: make another member admin first"
        case .throttled(let seconds): "too many failed logins; try again in \(seconds) seconds"
        case .invalidCredentials: "the id or the password is wrong"
        }
    }
}

/// A signed-in browser session.
public struct StaffSession: Equatable, Sendable {
    public let member: StaffMember
    public let role: StaffRole
    /// Sent back by the console in `X-CSRF-Token` on every state-changing request.
    public let csrfToken: String
    public let createdAt: Date
}

/// Staff accounts and everything that proves who a request comes from: passwords (PBKDF2), sessions with
/// idle and absolute expiry, personal API tokens, the login throttle and the audit log. Operations run
/// inside their caller's transaction on `database`.
public struct StaffAccounts {
    public struct Policy: Sendable {
        /// A session unused this long ends.
        public var idleTimeout: TimeInterval = 30 * 60
        /// A session ends this long after login, however active.
        public var absoluteTimeout: TimeInterval = 12 * 3600
        /// Failed logins within `throttleWindow` after which an account, or an address, waits.
        public var maxFailuresPerAccount = 5
        public var maxFailuresPerAddress = 20
        public var throttleWindow: TimeInterval = 15 * 60
        public var iterations = PasswordHash.defaultIterations

        public init() {}
    }

    public let database: Database
    public let policy: Policy

    public init(database: Database, policy: Policy = Policy()) {
        self.database = database
        self.policy = policy
    }

    var tickets: SQLiteTicketTransaction {
        SQLiteTicketTransaction(
            database: self.database,
            configuration: TicketStoreConfiguration(
                lifecycle: TicketLifecycle(calendar: WorkingCalendar(holidays: .none))))
    }

    // MARK: Members

    /// The role of member `id`, nil when they have no credentials (created through the old API).
    public func role(of id: String) throws -> StaffRole? {
        try self.database.queryFirst("SELECT role FROM staff_credentials WHERE staff_id = ?", [.text(id)]) {
            StaffRole(rawValue: $0.string(0))
        } ?? nil
    }

    /// Creates or updates a member with `role`; refuses to demote or disable the last active admin.
    public func save(id: String, name: String, role: StaffRole, active: Bool = true, at now: Date) throws {
        guard StaffAccounts.isValidID(id) else {
            throw AccessError.invalidInput("a staff id is 1–64 letters, digits, '.', '_', '-' or '@'")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { throw AccessError.invalidInput("a name is 1–100 characters") }
        if try self.isLastActiveAdmin(id), role != .admin || !active { throw AccessError.lastAdmin(id) }
        try self.tickets.saveStaff(StaffMember(id: id, name: name, level: role.level, isActive: active))
        try self.database.run(
            """
            INSERT INTO staff_credentials (staff_id, role, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (staff_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at
            """, [.text(id), .text(role.rawValue), .real(now.timeIntervalSince1970)])
        if !active { try self.logoutEverywhere(id) }
    }

    /// Disables a member (not the last active admin) and ends their sessions; their tokens stop working.
    public func disable(_ id: String, at now: Date) throws {
        guard let member = try self.tickets.staffMember(id: id), let role = try self.role(of: id) else {
            throw AccessError.unknownStaff(id)
        }
        try self.save(id: id, name: member.name, role: role, active: false, at: now)
    }

    public func setPassword(of id: String, to password: String, at now: Date) throws {
        guard try self.tickets.staffMember(id: id) != nil, try self.role(of: id) != nil else {
            throw AccessError.unknownStaff(id)
        }
        guard password.count >= 10, password.count <= 200 else {
            throw AccessError.invalidInput("a password is 10 to 200 characters")
        }
        let hash = PasswordHash(password: password, iterations: self.policy.iterations)
        try self.database.run(
            "UPDATE staff_credentials SET password_hash = ?, updated_at = ? WHERE staff_id = ?",
            [.text(hash.description), .real(now.timeIntervalSince1970), .text(id)])
        try self.logoutEverywhere(id)
    }

    func isLastActiveAdmin(_ id: String) throws -> Bool {
        let admins = try self.database.query(
            """
            SELECT c.staff_id FROM staff_credentials c JOIN staff s ON s.id = c.staff_id
            WHERE c.role = 'admin' AND s.active = 1
            """, row: { $0.string(0) })
        return admins == [id]
    }

    static func isValidID(_ id: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@")
        return (1...64).contains(id.count) && id.unicodeScalars.allSatisfy(allowed.contains)
    }

    /// An active member with credentials, and their role.
    func activeMember(_ id: String) throws -> (StaffMember, StaffRole)? {
        guard let member = try self.tickets.staffMember(id: id), member.isActive, let role = try self.role(of: id)
        else { return nil }
        return (member, role)
    }

    // MARK: Login and sessions

    /// Checks `password` for `id` from `address` under the throttle; on success opens a session and returns
    /// its token (for the cookie) with the session. Every attempt is in the audit log. A refusal is returned,
    /// not thrown, so that the caller commits the failure it counts.
    public func login(id: String, password: String, address: String, at now: Date) throws
        -> Result<(String, StaffSession), AccessError>
    {
        let since = now.addingTimeInterval(-self.policy.throttleWindow)
        let accountFailures = try self.failures("staff:" + id.lowercased(), since: since)
        let addressFailures = try self.failures("address:" + address, since: since)
        if accountFailures.count >= self.policy.maxFailuresPerAccount
            || addressFailures.count >= self.policy.maxFailuresPerAddress
        {
            let oldest =
                (accountFailures.count >= self.policy.maxFailuresPerAccount ? accountFailures : addressFailures)
                .min() ?? now
            let wait = max(
                1, Int(oldest.addingTimeInterval(self.policy.throttleWindow).timeIntervalSince(now).rounded(.up)))
            try self.audit(staff: id, action: "login", detail: "throttled", address: address, success: false, at: now)
            return .failure(.throttled(retryAfter: wait))
        }
        let stored = try self.database.queryFirst(
            "SELECT password_hash FROM staff_credentials WHERE staff_id = ?", [.text(id)], row: { $0.optionalString(0) }
        )
        let hash = stored.flatMap { $0 }.flatMap(PasswordHash.init(encoded:))
        // Unknown ids cost the same work as known ones, so timing does not tell which ids exist.
        let matches = (hash ?? Self.dummy).matches(password) && hash != nil
        guard matches, let (member, role) = try self.activeMember(id) else {
            for key in ["staff:" + id.lowercased(), "address:" + address] {
                try self.database.run(
                    "INSERT INTO login_failures (key, at) VALUES (?, ?)",
                    [.text(key), .real(now.timeIntervalSince1970)])
            }
            try self.audit(
                staff: id, action: "login", detail: "wrong id or password", address: address, success: false, at: now)
            return .failure(.invalidCredentials)
        }
        if let hash, hash.needsUpgrade || hash.iterations < self.policy.iterations {
            try self.setPasswordHash(
                of: id, PasswordHash(password: password, iterations: self.policy.iterations), at: now)
        }
        try self.database.run("DELETE FROM login_failures WHERE key = ?", [.text("staff:" + id.lowercased())])
        try self.database.run("DELETE FROM login_failures WHERE at < ?", [.real(since.timeIntervalSince1970)])
        let token = SecureRandom.token()
        let csrf = SecureRandom.token(bytes: 24)
        try self.database.run(
            """
            INSERT INTO staff_sessions (token_sha256, staff_id, csrf_token, created_at, last_seen_at, address)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(TokenDigest.sha256(token)), .text(id), .text(csrf), .real(now.timeIntervalSince1970),
                .real(now.timeIntervalSince1970), .text(address),
            ])
        try self.audit(staff: id, action: "login", detail: "", address: address, success: true, at: now)
        return .success((token, StaffSession(member: member, role: role, csrfToken: csrf, createdAt: now)))
    }

    private static let dummy = PasswordHash(
        iterations: PasswordHash.defaultIterations, salt: Array(repeating: 1, count: 16),
        hash: Array(repeating: 0, count: 32))

    private func setPasswordHash(of id: String, _ hash: PasswordHash, at now: Date) throws {
        try self.database.run(
            "UPDATE staff_credentials SET password_hash = ?, updated_at = ? WHERE staff_id = ?",
            [.text(hash.description), .real(now.timeIntervalSince1970), .text(id)])
    }

    private func failures(_ key: String, since: Date) throws -> [Date] {
        try self.database.query(
            "SELECT at FROM login_failures WHERE key = ? AND at >= ?", [.text(key), .real(since.timeIntervalSince1970)]
        ) { Date(timeIntervalSince1970: $0.double(0)) }
    }

    /// The live session of cookie `token` at `now` (touching it), nil when unknown, idle too long, too old,
    /// or its member is disabled (the session is then ended).
    public func session(token: String, at now: Date) throws -> StaffSession? {
        let digest = TokenDigest.sha256(token)
        guard
            let (id, csrf, created, seen) = try self.database.queryFirst(
                "SELECT staff_id, csrf_token, created_at, last_seen_at FROM staff_sessions WHERE token_sha256 = ?",
                [.text(digest)], row: { ($0.string(0), $0.string(1), $0.double(2), $0.double(3)) })
        else { return nil }
        let createdAt = Date(timeIntervalSince1970: created)
        guard now.timeIntervalSince(createdAt) < self.policy.absoluteTimeout,
            now.timeIntervalSince1970 - seen < self.policy.idleTimeout, let (member, role) = try self.activeMember(id)
        else {
            try self.database.run("DELETE FROM staff_sessions WHERE token_sha256 = ?", [.text(digest)])
            return nil
        }
        // The idle clock moves at most once a minute, so a console polling every second writes rarely.
        if now.timeIntervalSince1970 - seen >= 60 {
            try self.database.run(
                "UPDATE staff_sessions SET last_seen_at = ? WHERE token_sha256 = ?",
                [.real(now.timeIntervalSince1970), .text(digest)])
        }
        return StaffSession(member: member, role: role, csrfToken: csrf, createdAt: createdAt)
    }

    public func logout(token: String) throws {
        try self.database.run("DELETE FROM staff_sessions WHERE token_sha256 = ?", [.text(TokenDigest.sha256(token))])
    }

    /// Ends every session of the member ("log out everywhere"); returns how many.
    @discardableResult
    public func logoutEverywhere(_ id: String) throws -> Int {
        try self.database.run("DELETE FROM staff_sessions WHERE staff_id = ?", [.text(id)])
        return self.database.changes
    }

    // MARK: Personal API tokens

    /// A new token for scripts acting as member `id`; shown once, stored hashed. Returns (id, token).
    public func createAPIToken(for id: String, label: String, at now: Date) throws -> (Int, String) {
        guard try self.activeMember(id) != nil else { throw AccessError.unknownStaff(id) }
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(label.count) else { throw AccessError.invalidInput("a token label is 1–80 characters") }
        let token = "lkt_" + SecureRandom.token()
        let tokenID =
            try self.database.queryFirst(
                "INSERT INTO staff_api_tokens (staff_id, label, token_sha256, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                [.text(id), .text(label), .text(TokenDigest.sha256(token)), .real(now.timeIntervalSince1970)],
                row: { $0.int(0) }) ?? 0
        return (tokenID, token)
    }

    /// The active member a bearer token belongs to, and their role.
    public func member(apiToken token: String, at now: Date) throws -> (StaffMember, StaffRole)? {
        guard
            let (tokenID, id) = try self.database.queryFirst(
                "SELECT id, staff_id FROM staff_api_tokens WHERE token_sha256 = ?", [.text(TokenDigest.sha256(token))],
                row: { ($0.int(0), $0.string(1)) }),
            let found = try self.activeMember(id)
        else { return nil }
        try self.database.run(
            "UPDATE staff_api_tokens SET last_used_at = ? WHERE id = ?",
            [.real(now.timeIntervalSince1970), .int(tokenID)])
        return found
    }

    /// `(id, label, created, last used)` of a member's tokens.
    public func apiTokens(of id: String) throws -> [(id: Int, label: String, createdAt: Date, lastUsedAt: Date?)] {
        try self.database.query(
            "SELECT id, label, created_at, last_used_at FROM staff_api_tokens WHERE staff_id = ? ORDER BY id",
            [.text(id)]
        ) {
            (
                $0.int(0), $0.string(1), Date(timeIntervalSince1970: $0.double(2)),
                $0.optionalDouble(3).map(Date.init(timeIntervalSince1970:))
            )
        }
    }

    /// Revokes token `tokenID` of member `id`; false when there is no such token.
    @discardableResult
    public func revokeAPIToken(_ tokenID: Int, of id: String) throws -> Bool {
        try self.database.run("DELETE FROM staff_api_tokens WHERE id = ? AND staff_id = ?", [.int(tokenID), .text(id)])
        return self.database.changes > 0
    }

    // MARK: Audit

    /// One line of the audit log: who (nil when unknown), what, from where, and whether it succeeded.
    public func audit(staff: String?, action: String, detail: String, address: String, success: Bool, at now: Date)
        throws
    {
        try self.database.run(
            "INSERT INTO audit_log (at, staff_id, action, detail, address, success) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .real(now.timeIntervalSince1970), .optional(staff.map { String($0.prefix(64)) }), .text(action),
                .text(String(detail.prefix(500))), .text(address), .int(success ? 1 : 0),
            ])
    }

    public struct AuditEntry: Equatable, Sendable {
        public let id: Int
        public let at: Date
        public let staff: String?
        public let action: String
        public let detail: String
        public let address: String
        public let success: Bool
    }

    /// Audit lines before `id` (newest first), at most `limit`.
    public func auditLog(before id: Int = Int.max, limit: Int = 100) throws -> [AuditEntry] {
        try self.database.query(
            "SELECT id, at, staff_id, action, detail, address, success FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?",
            [.int(id), .int(limit)]
        ) {
            AuditEntry(
                id: $0.int(0), at: Date(timeIntervalSince1970: $0.double(1)), staff: $0.optionalString(2),
                action: $0.string(3), detail: $0.string(4), address: $0.string(5), success: $0.int(6) != 0)
        }
    }
}
