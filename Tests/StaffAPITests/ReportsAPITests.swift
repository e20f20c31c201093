import Foundation
import HTTPServer
import Testing

/// The dashboard's figures and the CSV downloads of the console.
struct ReportsAPITests {
    @Test func theDashboardCountsTicketsAndTheCSVMatches() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        _ = try api.takenTicket()
        _ = try api.openTicket(reporter: "6281299990000")
        let day = String(JakartaTimeProbe.day(StaffAPITests.now))
        let from = String(JakartaTimeProbe.day(StaffAPITests.now.addingTimeInterval(-86_400)))
        let dashboard = try api.call("GET", "/api/reports/dashboard?from=\(from)&to=\(day)", staff: "sari")
        #expect(dashboard.status == 200)
        #expect(dashboard.json["total"] as? Int == 2 && dashboard.json["open"] as? Int == 2)
        #expect(dashboard.json["in_progress"] as? Int == 1)
        let types = dashboard.json["by_type"] as? [[String: Any]] ?? []
        #expect(types.contains { $0["key"] as? String == "permintaan_layanan" && $0["tickets"] as? Int == 1 })
        #expect((dashboard.json["ikm"] as? [String: Any])?["respondents"] as? Int == 0)

        let csv = try api.call("GET", "/api/reports/status.csv?from=\(from)&to=\(day)", staff: "sari")
        #expect(csv.status == 200 && csv.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(csv.headers["Content-Disposition"]?.contains("loket-status.csv") == true)
        #expect(try api.call("GET", "/api/reports/secret.csv", staff: "sari").status == 404)
        let rows = try api.csv("/api/reports/tickets.csv?from=\(from)&to=\(day)")
        #expect(rows.first?.hasPrefix("\u{FEFF}number,created_wib,service,company") == true)
        #expect(rows.count == 3 && rows[1].hasPrefix("1,") && rows[1].contains("PT Maju Jaya"))
        let survey = try api.csv("/api/reports/survey.csv?from=\(from)&to=\(day)")
        #expect(survey.first?.contains("ticket,submitted_wib,service") == true)
        #expect(try api.call("GET", "/api/reports/dashboard?from=2026-13-01", staff: "sari").status == 400)
        #expect(try api.call("GET", "/api/reports/dashboard").status == 401)
    }
}

/// The Jakarta day of an instant, `YYYY-MM-DD`.
enum JakartaTimeProbe {
    static func day(_ date: Date) -> Substring {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return Substring(formatter.string(from: date))
    }
}
