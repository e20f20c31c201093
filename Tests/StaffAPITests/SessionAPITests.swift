import Dispatch
import Foundation
import HTTPServer
import StaffAPI
import StaffAccess
import Storage
import Synchronization
import Testing
import Ticketing

/// The console's way in: login, the session cookie, CSRF, expiry, logout, the throttle, personal tokens,
/// role checks on every route, and the audit log.
struct SessionAPITests {
    struct Raw {
        var status: Int
        var headers: HTTPHeaders
        var json: [String: Any]
    }

    let api: StaffAPITests

    init() throws {
        self.api = try StaffAPITests()
        try self.api.withStaff()
    }

    /// A request with cookies and headers as a browser sends them.
    func send(
        _ method: String, _ target: String, _ body: [String: Any]? = nil, cookie: String? = nil, csrf: String? = nil,
        address: String = "10.0.0.7"
    ) throws -> Raw {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: "Cookie", value: "theme=dark; \(StaffAPI.sessionCookie)=\(cookie)") }
        if let csrf { headers.add(name: StaffAPI.csrfHeader, value: csrf) }
        var bytes: [UInt8] = []
        if let body {
            bytes = Array(try JSONSerialization.data(withJSONObject: body))
            headers.add(name: "Content-Type", value: "application/json")
        }
        var request = HTTPRequest(method: method, target: target, headers: headers, body: bytes)
        request.remoteAddress = address
        let answered = DispatchSemaphore(value: 0)
        let box = Mutex<HTTPResponse?>(nil)
        self.api.api.respond(to: request) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        answered.wait()
        let response = try #require(box.withLock { $0 })
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return Raw(status: response.status, headers: response.headers, json: json)
    }

    /// Logs in and returns the cookie's value and the CSRF token.
    func login(_ id: String = "sari", address: String = "10.0.0.7") throws -> (cookie: String, csrf: String) {
        let answer = try self.send(
            "POST", "/api/session", ["id": id, "password": "\(id)-password-1"], address: address)
        #expect(answer.status == 200)
        let setCookie = try #require(answer.headers["Set-Cookie"])
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        let cookie = try #require(setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
        let csrf = try #require(answer.json["csrf_token"] as? String)
        return (String(cookie), csrf)
    }

    @Test func aSessionReadsFreelyButChangesNeedItsCSRFToken() throws {
        let (cookie, csrf) = try self.login()
        let me = try self.send("GET", "/api/session", cookie: cookie)
        #expect(me.status == 200 && (me.json["staff"] as? [String: Any])?["role"] as? String == "l1")
        #expect(try self.send("GET", "/api/tickets", cookie: cookie).status == 200)
        let number = try self.api.openTicket()
        let note = ["action": "note", "text": "dicek"]
        let withoutToken = try self.send("POST", "/api/tickets/\(number)/actions", note, cookie: cookie)
        #expect(withoutToken.status == 403 && (withoutToken.json["detail"] as? String)?.contains("CSRF") == true)
        let wrongToken = try self.send("POST", "/api/tickets/\(number)/actions", note, cookie: cookie, csrf: "x" + csrf)
        #expect(wrongToken.status == 403)
        #expect(
            try self.api.count("SELECT count(*) FROM ticket_activities WHERE kind = 'note'") == 0,
            "a refusal changes nothing")
        let accepted = try self.send("POST", "/api/tickets/\(number)/actions", note, cookie: cookie, csrf: csrf)
        #expect(accepted.status == 200)
        #expect(accepted.headers["X-Content-Type-Options"] == "nosniff")
        #expect(accepted.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
    }

    @Test func logoutAndLogoutEverywhereEndSessions() throws {
        let (first, firstCSRF) = try self.login()
        let (second, _) = try self.login()
        let out = try self.send("DELETE", "/api/session", cookie: first, csrf: firstCSRF)
        #expect(out.status == 200 && out.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        #expect(try self.send("GET", "/api/session", cookie: first).status == 401)
        #expect(try self.send("GET", "/api/session", cookie: second).status == 200)
        let (third, thirdCSRF) = try self.login()
        #expect(
            try self.send("DELETE", "/api/sessions", cookie: third, csrf: thirdCSRF).json["sessions_ended"] as? Int == 2
        )
        #expect(try self.send("GET", "/api/session", cookie: second).status == 401)
    }

    @Test func aWrongPasswordIs401AndTheThrottleIs429WithRetryAfter() throws {
        for _ in 0..<5 {
            let wrong = try self.send("POST", "/api/session", ["id": "sari", "password": "salah-sekali"])
            #expect(wrong.status == 401 && wrong.headers["Set-Cookie"] == nil)
        }
        let throttled = try self.send("POST", "/api/session", ["id": "sari", "password": "sari-password-1"])
        #expect(throttled.status == 429)
        #expect(Int(throttled.headers["Retry-After"] ?? "") ?? 0 > 0)
        // Another account from another address is not affected.
        _ = try self.login("lead", address: "10.0.0.8")
        let audit = try self.api.call("GET", "/api/audit?limit=50", staff: "lead")
        let entries = audit.json["entries"] as? [[String: Any]] ?? []
        #expect(entries.filter { $0["action"] as? String == "login" && $0["success"] as? Bool == false }.count == 6)
        #expect(
            entries.contains {
                $0["action"] as? String == "login" && $0["staff"] as? String == "lead"
                    && $0["address"] as? String == "10.0.0.8"
            })
    }

    /// Every route for each role and for no session: what a Level 1 may not do is refused on the server.
    @Test func everyRouteChecksTheCallersRole() throws {
        try self.api.member("koor", "Koordinator", .level2)
        let number = try self.api.openTicket()
        let routes: [(String, String, [String: Any]?, expected: [String: Int])] = [
            ("GET", "/api/tickets", nil, ["sari": 200, "koor": 200, "lead": 200]),
            ("GET", "/api/tickets/\(number)", nil, ["sari": 200, "koor": 200, "lead": 200]),
            ("GET", "/api/staff", nil, ["sari": 200, "koor": 200, "lead": 200]),
            ("PUT", "/api/staff/baru", ["name": "Baru", "role": "l1"], ["sari": 403, "koor": 403, "lead": 201]),
            ("GET", "/api/audit", nil, ["sari": 403, "koor": 403, "lead": 200]),
            ("GET", "/api/staff/lead/tokens", nil, ["sari": 403, "koor": 403, "lead": 200]),
            ("POST", "/api/staff/lead/calendar-token", nil, ["sari": 403, "koor": 403, "lead": 201]),
            ("GET", "/api/verification/agenda", nil, ["sari": 200, "koor": 200, "lead": 200]),
            ("GET", "/api/notices", nil, ["sari": 200, "koor": 200, "lead": 200]),
            (
                "POST", "/api/tickets/\(number)/actions", ["action": "ask_feedback", "from": "level1", "text": "?"],
                ["sari": 403]
            ),
        ]
        for (method, target, body, expected) in routes {
            #expect(try self.api.call(method, target, body).status == 401, "\(method) \(target) without a caller")
            for (staff, status) in expected {
                let answer = try self.api.call(method, target, body, staff: staff)
                #expect(answer.status == status, "\(method) \(target) as \(staff): \(answer.status) \(answer.json)")
            }
        }
    }

    @Test func personalTokensAreCreatedOnceListedAndRevoked() throws {
        let created = try self.api.call("POST", "/api/staff/sari/tokens", ["label": "laporan bulanan"], staff: "sari")
        #expect(created.status == 201)
        let token = try #require(created.json["token"] as? String)
        let id = try #require(created.json["id"] as? Int)
        #expect(try self.api.call("GET", "/api/tickets", authorization: "Bearer \(token)").status == 200)
        let listed = try self.api.call("GET", "/api/staff/sari/tokens", staff: "sari")
        #expect(
            (listed.json["tokens"] as? [[String: Any]])?.contains {
                $0["label"] as? String == "laporan bulanan" && $0["token"] == nil
            } == true)
        #expect(try self.api.call("DELETE", "/api/staff/sari/tokens/\(id)", staff: "sari").status == 200)
        #expect(try self.api.call("GET", "/api/tickets", authorization: "Bearer \(token)").status == 401)
        // Every change above is in the audit log with who did it.
        let audit = try self.api.call("GET", "/api/audit", staff: "lead").json["entries"] as? [[String: Any]] ?? []
        #expect(
            audit.contains {
                ($0["action"] as? String)?.hasPrefix("DELETE /api/staff/sari/tokens/") == true
                    && $0["staff"] as? String == "sari"
            })
    }
}
