import Foundation
import Storage
import Testing
import Ticketing

@testable import StaffAccess

/// Accounts, sessions, tokens, the login throttle and the audit log, on an injected clock.
struct StaffAccountsTests {
    static let start = Date(timeIntervalSince1970: 1_796_608_800)
    let writer: DatabaseWriter

    init() throws {
        self.writer = try DatabaseWriter(path: ":memory:", migrators: [TicketSchema.migrator, AccessSchema.migrator])
    }

    func accounts<Result>(_ body: (StaffAccounts) throws -> Result) throws -> Result {
        var policy = StaffAccounts.Policy()
        policy.iterations = 1_000
        return try self.writer.write { try body(StaffAccounts(database: $0, policy: policy)) }
    }

    /// Logs in; throws the refusal.
    func login(_ id: String, _ password: String, from address: String = "10.0.0.5", at now: Date = Self.start) throws
        -> (String, StaffSession)
    {
        try self.accounts { try $0.login(id: id, password: password, address: address, at: now) }.get()
    }

    func withMembers() throws {
        try self.accounts { accounts in
            try accounts.save(id: "admin", name: "Rina Admin", role: .admin, at: Self.start)
            try accounts.setPassword(of: "admin", to: "admin-password-1", at: Self.start)
            try accounts.save(id: "sari", name: "Sari", role: .level1, at: Self.start)
            try accounts.setPassword(of: "sari", to: "sari-password-1", at: Self.start)
        }
    }

    @Test func aLoginOpensASessionThatExpiresWhenIdleOrOldAndEndsOnLogout() throws {
        try self.withMembers()
        let (token, session) = try self.login("sari", "sari-password-1", from: "10.0.0.5", at: Self.start)
        #expect(session.role == .level1 && session.member.level == .level1 && session.csrfToken.count == 48)
        #expect(try self.accounts { try $0.session(token: token, at: Self.start.addingTimeInterval(29 * 60)) } != nil)
        // 29 minutes later again: still alive (each use refreshes the idle clock) …
        #expect(try self.accounts { try $0.session(token: token, at: Self.start.addingTimeInterval(58 * 60)) } != nil)
        // … but 31 idle minutes end it.
        #expect(
            try self.accounts { try $0.session(token: token, at: Self.start.addingTimeInterval(89 * 60 + 1)) } == nil)
        // Used every 20 minutes, a session still ends 12 hours after login.
        let (busy, _) = try self.login("sari", "sari-password-1", from: "10.0.0.5", at: Self.start)
        for minute in stride(from: 20, through: 700, by: 20) {
            #expect(
                try self.accounts {
                    try $0.session(token: busy, at: Self.start.addingTimeInterval(Double(minute) * 60))
                } != nil)
        }
        #expect(
            try self.accounts { try $0.session(token: busy, at: Self.start.addingTimeInterval(12 * 3600 + 1)) } == nil)
        let (other, _) = try self.login("sari", "sari-password-1", from: "10.0.0.5", at: Self.start)
        try self.accounts { try $0.logout(token: other) }
        #expect(try self.accounts { try $0.session(token: other, at: Self.start) } == nil)
    }

    @Test func wrongPasswordsAreThrottledPerAccountAndPerAddressAndAudited() throws {
        try self.withMembers()
        for attempt in 0..<5 {
            #expect(throws: AccessError.invalidCredentials) {
                try self.login("sari", "tebak-\(attempt)", from: "10.0.0.9", at: Self.start)
            }
        }
        // The sixth try, even with the right password, waits until the window passes.
        #expect(throws: AccessError.throttled(retryAfter: 900)) {
            try self.login("sari", "sari-password-1", from: "10.0.0.9", at: Self.start)
        }
        let later = Self.start.addingTimeInterval(15 * 60 + 1)
        #expect(try self.login("sari", "sari-password-1", from: "10.0.0.9", at: later).1.member.id == "sari")
        // One address guessing many accounts is stopped after 20 failures.
        for index in 0..<20 {
            _ = try? self.accounts { try $0.login(id: "user\(index)", password: "x", address: "10.9.9.9", at: later) }
        }
        #expect(throws: AccessError.self) {
            try self.login("admin", "admin-password-1", from: "10.9.9.9", at: later)
        }
        #expect(try self.login("admin", "admin-password-1", from: "10.0.0.1", at: later).1.role == .admin)
        let log = try self.accounts { try $0.auditLog(limit: 100) }
        #expect(log.filter { $0.action == "login" && !$0.success }.count >= 26)
        #expect(log.contains { $0.action == "login" && $0.success && $0.staff == "admin" && $0.address == "10.0.0.1" })
    }

    @Test func theLastActiveAdminCanBeNeitherDisabledNorDemoted() throws {
        try self.withMembers()
        #expect(throws: AccessError.lastAdmin("admin")) {
            try self.accounts { try $0.save(id: "admin", name: "Rina", role: .level2, at: Self.start) }
        }
        #expect(throws: AccessError.lastAdmin("admin")) {
            try self.accounts { try $0.disable("admin", at: Self.start) }
        }
        try self.accounts { try $0.save(id: "sari", name: "Sari", role: .admin, at: Self.start) }
        try self.accounts { try $0.save(id: "admin", name: "Rina", role: .level2, at: Self.start) }
        #expect(try self.accounts { try $0.role(of: "admin") } == .level2)
        #expect(throws: AccessError.lastAdmin("sari")) { try self.accounts { try $0.disable("sari", at: Self.start) } }
    }

    @Test func disablingOrANewPasswordEndsEverySessionAndStopsTokens() throws {
        try self.withMembers()
        let (token, _) = try self.login("sari", "sari-password-1", from: "a", at: Self.start)
        let (_, apiToken) = try self.accounts {
            try $0.createAPIToken(for: "sari", label: "skrip laporan", at: Self.start)
        }
        #expect(try self.accounts { try $0.member(apiToken: apiToken, at: Self.start) }?.0.id == "sari")
        try self.accounts { try $0.setPassword(of: "sari", to: "sari-password-2", at: Self.start) }
        #expect(try self.accounts { try $0.session(token: token, at: Self.start) } == nil)
        try self.accounts { try $0.disable("sari", at: Self.start) }
        #expect(try self.accounts { try $0.member(apiToken: apiToken, at: Self.start) } == nil)
        #expect(throws: AccessError.invalidCredentials) {
            try self.login("sari", "sari-password-2", from: "a", at: Self.start)
        }
    }

    @Test func apiTokensAreStoredHashedListedAndRevoked() throws {
        try self.withMembers()
        let (id, token) = try self.accounts { try $0.createAPIToken(for: "admin", label: "ekspor", at: Self.start) }
        #expect(token.hasPrefix("lkt_"))
        let stored = try self.writer.read { try $0.query("SELECT token_sha256 FROM staff_api_tokens") { $0.string(0) } }
        #expect(stored == [TokenDigest.sha256(token)] && !stored.contains(token))
        #expect(try self.accounts { try $0.apiTokens(of: "admin") }.map(\.label) == ["ekspor"])
        #expect(try self.accounts { try $0.revokeAPIToken(id, of: "sari") } == false, "another member's token stays")
        #expect(try self.accounts { try $0.revokeAPIToken(id, of: "admin") })
        #expect(try self.accounts { try $0.member(apiToken: token, at: Self.start) } == nil)
    }

    @Test func anOldHashIsRaisedAtTheNextLogin() throws {
        try self.withMembers()
        let weak = PasswordHash(password: "sari-password-1", iterations: 1_000)
        try self.writer.write {
            try $0.run(
                "UPDATE staff_credentials SET password_hash = ? WHERE staff_id = 'sari'", [.text(weak.description)])
        }
        var policy = StaffAccounts.Policy()
        policy.iterations = 2_000
        _ = try self.writer.write {
            try StaffAccounts(database: $0, policy: policy).login(
                id: "sari", password: "sari-password-1", address: "a", at: Self.start)
        }
        let stored = try self.writer.read {
            try $0.queryFirst("SELECT password_hash FROM staff_credentials WHERE staff_id = 'sari'") { $0.string(0) }
        }
        #expect(stored.flatMap(PasswordHash.init(encoded:))?.iterations == 2_000)
    }
}
