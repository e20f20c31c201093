import Foundation
import Testing

@testable import Ticketing

struct SLAClockTests {
    static let calendar = WorkingCalendar(holidays: .none)
    static let lifecycle = TicketLifecycle(calendar: calendar)
    static let reporter = TicketActor.reporter(waID: "628111", name: "Sari")
    static let level1 = TicketActor(role: .level1, id: "l1", name: "Wida")

    static func open(_ type: TicketType?, at now: Date) throws -> Ticket {
        let draft = TicketDraft(
            title: "Reset Password", description: "Lupa password", reporterWaID: reporter.id,
            reporterName: reporter.name, type: type, category: "Akun")
        let ticket = try lifecycle.open(draft, number: TicketNumber(1), at: now).ticket
        let classification = TicketClassification(priority: .normal, applicationVersion: "SPSE 4.5")
        return try lifecycle.apply(.take(classification), to: ticket, by: level1, at: now).ticket
    }

    @Test func defaultTargetsFollowTheServiceStandard() throws {
        let monday = wib(2026, 3, 2, 9, 0)
        #expect(try Self.open(.permintaanLayanan, at: monday).dueAt == wib(2026, 3, 2, 10, 0))
        #expect(try Self.open(.permasalahan, at: monday).dueAt == wib(2026, 3, 3, 9, 0))
        #expect(try Self.open(.gangguan, at: monday).dueAt == wib(2026, 3, 5, 9, 0))
    }

    @Test func targetsAreConfigurable() throws {
        let policy = SLAPolicy(targets: [.permintaanLayanan: 30], unclassifiedTarget: 30)
        let lifecycle = TicketLifecycle(calendar: Self.calendar, sla: policy)
        let draft = TicketDraft(
            title: "Reset Password", description: "x", reporterWaID: "6281", reporterName: "A", type: .permintaanLayanan
        )
        #expect(
            try lifecycle.open(draft, number: TicketNumber(1), at: wib(2026, 3, 2, 9, 0)).ticket.dueAt
                == wib(2026, 3, 2, 9, 30))
    }

    @Test func clockPausesWhileWaitingOnTheReporter() throws {
        // Permasalahan opened Friday 15:00: due Monday 15:00 (1 working day).
        let ticket = try Self.open(.permasalahan, at: wib(2026, 3, 6, 15, 0))
        #expect(ticket.dueAt == wib(2026, 3, 9, 15, 0))
        // Asked at Friday 15:30 (7.5 working hours left); the reporter answers Tuesday 10:00.
        let waiting = try Self.lifecycle.apply(
            .askFeedback(from: .reporter, text: "Mohon kirim NPWP"), to: ticket, by: Self.level1,
            at: wib(2026, 3, 6, 15, 30)
        ).ticket
        let paused = waiting.slaStatus(at: wib(2026, 3, 9, 12, 0), calendar: Self.calendar)
        #expect(paused.isPaused && !paused.isBreached && paused.dueAt == nil)
        #expect(paused.remainingSeconds == 450 * 60)
        let answered = try Self.lifecycle.apply(
            .reporterMessage(text: "Ini NPWP"), to: waiting, by: Self.reporter, at: wib(2026, 3, 10, 10, 0)
        ).ticket
        // 7.5 hours from Tuesday 10:00: 6 hours Tuesday, 1.5 hours Wednesday → Wednesday 09:30.
        #expect(answered.dueAt == wib(2026, 3, 11, 9, 30))
        let running = answered.slaStatus(at: wib(2026, 3, 11, 9, 0), calendar: Self.calendar)
        #expect(!running.isPaused && running.remainingSeconds == 1800 && !running.isBreached)
    }

    @Test func breachShowsAfterTheDueTime() throws {
        let ticket = try Self.open(.permintaanLayanan, at: wib(2026, 3, 2, 9, 0))
        let status = ticket.slaStatus(at: wib(2026, 3, 2, 11, 0), calendar: Self.calendar)
        #expect(status.isBreached)
        #expect(status.remainingSeconds == -3600)
    }

    @Test func resolutionRecordsWhetherTheTargetWasMet() throws {
        let ticket = try Self.open(.permintaanLayanan, at: wib(2026, 3, 2, 9, 0))
        let onTime = try Self.lifecycle.apply(
            .resolve(text: "Selesai"), to: ticket, by: Self.level1, at: wib(2026, 3, 2, 9, 45)
        ).ticket
        let late = try Self.lifecycle.apply(
            .resolve(text: "Selesai"), to: ticket, by: Self.level1, at: wib(2026, 3, 2, 10, 15)
        ).ticket
        #expect(onTime.resolvedWithinSLA == true)
        #expect(late.resolvedWithinSLA == false)
    }

    @Test func firstResponseIsTheFirstStaffAction() throws {
        let draft = TicketDraft(title: "Pengaduan", description: "x", reporterWaID: "6281", reporterName: "A")
        let ticket = try Self.lifecycle.open(draft, number: TicketNumber(1), at: wib(2026, 3, 2, 9, 0)).ticket
        let noted = try Self.lifecycle.apply(
            .note(text: "lihat"), to: ticket, by: Self.level1, at: wib(2026, 3, 2, 9, 5))
        #expect(noted.ticket.firstResponseAt == nil)
        let taken = try Self.lifecycle.apply(
            .take(
                TicketClassification(category: "Akun", type: .permasalahan, priority: .high, applicationVersion: "4.5")),
            to: noted.ticket, by: Self.level1, at: wib(2026, 3, 2, 9, 10))
        let replied = try Self.lifecycle.apply(
            .staffReply(text: "Baik"), to: taken.ticket, by: Self.level1, at: wib(2026, 3, 2, 9, 20))
        #expect(replied.ticket.firstResponseAt == wib(2026, 3, 2, 9, 10))
    }
}
