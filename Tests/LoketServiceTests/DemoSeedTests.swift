import Foundation
import Storage
import Support
import Testing
import Ticketing

@testable import LoketService

/// `loket serve --demo`: the same month of data on every fresh data directory, refused outside sandbox
/// mode, never mixed into a store that holds tickets.
struct DemoSeedTests {
    static let now = Date(timeIntervalSince1970: 1_796_608_800)  // Monday 7 December 2026, 09:00 WIB

    struct Figures: Equatable {
        var tickets: Int
        var closed: Int
        var surveys: Int
        var calls: Int
        var ikm: String
    }

    static func seeded() throws -> Figures {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("loket-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let application = try LoketApplication(
            configuration: try Configuration.parse(environment: [
                "LOKET_ADDR": "127.0.0.1:0", "LOKET_DATA_DIR": data,
                "LOKET_DIALOGS": repository.appendingPathComponent("Dialogs").path,
            ]), logger: .discarding)
        #expect(try application.seedDemo(now: Self.now) == 90)
        #expect(try application.seedDemo(now: Self.now) == 0, "a store with tickets is left as it is")
        let database = try Database(path: data + "/loket.sqlite")
        let count = { (sql: String) in try database.queryFirst(sql) { $0.int(0) } ?? 0 }
        let survey = try #require(application.ticketConfiguration.survey)
        let index = try TicketReports(database: database, calendar: application.ticketConfiguration.lifecycle.calendar)
            .satisfaction(
                in: ReportPeriod(start: Self.now.addingTimeInterval(-40 * 86_400), end: Self.now), survey: survey)
        return Figures(
            tickets: try count("SELECT count(*) FROM tickets"),
            closed: try count("SELECT count(*) FROM tickets WHERE is_open = 0"),
            surveys: try count("SELECT count(*) FROM survey_responses"),
            calls: try count("SELECT count(*) FROM verification_calls WHERE state = 'booked'"),
            ikm: String(format: "%.2f %d", index.converted, index.respondents))
    }

    @Test func twoFreshStoresGetTheSameMonth() throws {
        let first = try Self.seeded()
        let second = try Self.seeded()
        #expect(first == second)
        #expect(first.tickets == 90 && first.closed > 20 && first.surveys > 10 && first.calls > 0)
        print(
            "demo: \(first.tickets) tickets, \(first.closed) closed, \(first.surveys) surveys, \(first.calls) verification calls, IKM \(first.ikm)"
        )
    }
}
