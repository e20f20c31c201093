import Foundation
import Support
import Testing

@testable import Ticketing

struct TicketLifecycleTests {
    static let calendar = WorkingCalendar(holidays: .none)
    static let lifecycle = TicketLifecycle(calendar: calendar)
    /// Monday 2 March 2026, 09:00 WIB.
    static let monday = wib(2026, 3, 2, 9, 0)

    static let reporter = TicketActor.reporter(waID: "6281234567890", name: "Budi")
    static let level1 = TicketActor(role: .level1, id: "l1", name: "Wida")
    static let level2 = TicketActor(role: .level2, id: "l2", name: "Admin")
    static let actors: [TicketRole: TicketActor] = [
        .reporter: reporter, .level1: level1, .level2: level2, .system: .system,
    ]

    static let classification = TicketClassification(
        category: "Registrasi", type: .permintaanLayanan, priority: .normal, applicationVersion: "SPSE 4.5")

    static let allStatuses: [TicketStatus] = [
        .new, .inProgress, .waitingOnReporter(askedBy: .level1), .waitingOnReporter(askedBy: .level2), .escalated,
        .waitingOnLevel1, .resolved(by: .level1), .resolved(by: .level2), .reopened(level: .level1),
        .reopened(level: .level2), .closed(.confirmed), .closed(.autoClosed), .cancelled,
    ]

    static let allActions: [TicketAction] = [
        .take(classification), .askFeedback(from: .reporter, text: "Mohon kirim KTP"),
        .askFeedback(from: .level1, text: "Cek berkas"), .answerLevel2(text: "Sudah dicek"), .escalate(text: nil),
        .resolve(text: "Sudah selesai"), .confirm, .reopen(text: "Belum bisa login"), .cancel(reason: nil),
        .autoClose, .reporterMessage(text: "Halo"), .staffReply(text: "Baik"), .note(text: "catatan"),
    ]

    /// The specification: every legal (state, action, role) and the state it leads to. Everything else is refused.
    static func expected(_ status: TicketStatus, _ action: TicketAction, _ role: TicketRole) -> TicketStatus? {
        let staff = role == .level1 || role == .level2
        switch (action, role) {
        case (.note, _) where staff:
            return status
        case (.take, .level1):
            return status == .new ? .inProgress : nil
        case (.cancel, .reporter):
            return status == .new ? .cancelled : nil
        case (.confirm, .reporter):
            if case .resolved = status { return .closed(.confirmed) }
            return nil
        case (.reopen, .reporter):
            if case .resolved(let level) = status { return .reopened(level: level) }
            return nil
        case (.autoClose, .system):
            if case .resolved = status { return .closed(.autoClosed) }
            return nil
        case (.reporterMessage, .reporter):
            switch status {
            case .waitingOnReporter(.level1): return .inProgress
            case .waitingOnReporter(.level2): return .escalated
            case .closed, .cancelled: return nil
            default: return status
            }
        case (.staffReply, _) where staff:
            return status.isOpen && status != .new ? status : nil
        case (.askFeedback(.reporter, _), .level1):
            return [.inProgress, .reopened(level: .level1)].contains(status)
                ? .waitingOnReporter(askedBy: .level1) : nil
        case (.askFeedback(.reporter, _), .level2):
            return [.escalated, .reopened(level: .level2)].contains(status) ? .waitingOnReporter(askedBy: .level2) : nil
        case (.askFeedback(.level1, _), .level2):
            return [.escalated, .reopened(level: .level2)].contains(status) ? .waitingOnLevel1 : nil
        case (.answerLevel2, .level1):
            return status == .waitingOnLevel1 ? .escalated : nil
        case (.escalate, .level1):
            return [.inProgress, .reopened(level: .level1)].contains(status) ? .escalated : nil
        case (.resolve, .level1):
            return [.inProgress, .reopened(level: .level1), .waitingOnReporter(askedBy: .level1)].contains(status)
                ? .resolved(by: .level1) : nil
        case (.resolve, .level2):
            return [.escalated, .reopened(level: .level2), .waitingOnReporter(askedBy: .level2), .waitingOnLevel1]
                .contains(status) ? .resolved(by: .level2) : nil
        default:
            return nil
        }
    }

    /// A ticket in `status`, as if it got there through the lifecycle (resolved ones are due for auto-close).
    static func ticket(in status: TicketStatus) -> Ticket {
        let draft = TicketDraft(
            title: "Registrasi dan Verifikasi Penyedia", description: "Permohonan atas nama PT ABC",
            reporterWaID: reporter.id, reporterName: reporter.name, type: .permintaanLayanan)
        var ticket = try! lifecycle.open(draft, number: TicketNumber(1259), at: monday).ticket
        ticket.category = "Registrasi"
        ticket.priority = .normal
        ticket.applicationVersion = "SPSE 4.5"
        ticket.status = status
        if case .resolved = status { ticket.autoCloseAt = monday }
        if status.pausesSLA {
            ticket.slaPausedAt = monday
            ticket.slaRemainingSeconds = 1800
        }
        return ticket
    }

    @Test func everyStateActionAndRoleFollowsTheSpecification() throws {
        var checked = 0
        for status in Self.allStatuses {
            for action in Self.allActions {
                for role in TicketRole.allCases {
                    let actor = Self.actors[role]!
                    let now = Self.monday.addingTimeInterval(3600)
                    let ticket = Self.ticket(in: status)
                    if let next = Self.expected(status, action, role) {
                        let transition = try Self.lifecycle.apply(action, to: ticket, by: actor, at: now)
                        #expect(transition.ticket.status == next, "\(status) \(action) \(role)")
                        #expect(transition.activities.count == 1, "\(status) \(action) \(role)")
                        #expect(transition.activities.first?.actor == actor)
                        #expect(transition.activities.first?.at == now)
                    } else {
                        #expect(throws: TicketError.illegalTransition(state: status, action: action, role: role)) {
                            try Self.lifecycle.apply(action, to: ticket, by: actor, at: now)
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 13 * 13 * 4)
    }

    @Test func refusalNamesTheStateAndTheAction() {
        let error = TicketError.illegalTransition(
            state: .closed(.confirmed), action: .reopen(text: "x"), role: .reporter)
        #expect(error.description == "cannot reopen a ticket in state closed(confirmed) as reporter")
    }

    @Test func takeRequiresCategoryTypePriorityAndVersion() {
        var ticket = Self.ticket(in: .new)
        ticket.category = nil
        ticket.priority = nil
        ticket.applicationVersion = nil
        #expect(throws: TicketError.classificationIncomplete(missing: ["category", "priority", "application version"]))
        {
            try Self.lifecycle.apply(.take(TicketClassification()), to: ticket, by: Self.level1, at: Self.monday)
        }
    }

    @Test func takeRecordsClassificationAssigneeAndFirstResponse() throws {
        var ticket = Self.ticket(in: .new)
        ticket.category = nil
        let now = Self.monday.addingTimeInterval(600)
        let taken = try Self.lifecycle.apply(
            .take(TicketClassification(category: "Akun", type: .gangguan)), to: ticket, by: Self.level1, at: now
        ).ticket
        #expect(taken.category == "Akun")
        #expect(taken.type == .gangguan)
        #expect(taken.assignee == "l1")
        #expect(taken.firstResponseAt == now)
        // The SLA follows the new type: 3 working days of 8 hours from Monday 09:00 is Thursday 09:00.
        #expect(taken.dueAt == wib(2026, 3, 5, 9, 0))
    }

    @Test func theTakenNoteNamesTheClassificationAsTheConsoleShowsIt() throws {
        let transition = try Self.lifecycle.apply(
            .take(TicketClassification(type: .gangguan, priority: .high)), to: Self.ticket(in: .new), by: Self.level1,
            at: Self.monday)
        #expect(transition.activities.map(\.text) == ["Gangguan · Registrasi · Tinggi · SPSE 4.5"])
    }

    @Test func noActionLeadsBackToNewOnceTaken() {
        for status in Self.allStatuses where status != .new {
            for action in Self.allActions {
                for role in TicketRole.allCases {
                    let next = try? Self.lifecycle.apply(
                        action, to: Self.ticket(in: status), by: Self.actors[role]!, at: Self.monday)
                    #expect(next?.ticket.status != .new)
                }
            }
        }
    }

    @Test func onlyTheTicketsOwnReporterActsAsReporter() {
        let stranger = TicketActor.reporter(waID: "6289999999999", name: "Lain")
        #expect(throws: TicketError.notTheReporter(TicketNumber(1259))) {
            try Self.lifecycle.apply(.cancel(reason: nil), to: Self.ticket(in: .new), by: stranger, at: Self.monday)
        }
    }

    @Test func reporterAnswerReturnsTheTicketToTheLevelThatAsked() throws {
        let fromLevel2 = try Self.lifecycle.apply(
            .reporterMessage(text: "Ini KTP saya"), to: Self.ticket(in: .waitingOnReporter(askedBy: .level2)),
            by: Self.reporter, at: Self.monday)
        #expect(fromLevel2.ticket.status == .escalated)
        #expect(fromLevel2.activities.first?.direction == .inbound)
    }

    @Test func reopenGoesBackToWhoeverResolved() throws {
        var ticket = Self.ticket(in: .escalated)
        ticket.level = .level2
        let resolved = try Self.lifecycle.apply(.resolve(text: "Selesai"), to: ticket, by: Self.level2, at: Self.monday)
        let reopened = try Self.lifecycle.apply(
            .reopen(text: "Belum"), to: resolved.ticket, by: Self.reporter, at: Self.monday.addingTimeInterval(60))
        #expect(reopened.ticket.status == .reopened(level: .level2))
        #expect(reopened.ticket.assignee == "l2")
        #expect(reopened.ticket.autoCloseAt == nil)
    }

    @Test func autoCloseWaitsForTheConfiguredWorkingDays() throws {
        let resolved = try Self.lifecycle.apply(
            .resolve(text: "Selesai"), to: Self.ticket(in: .inProgress), by: Self.level1, at: Self.monday)
        // Three working days after Monday 09:00 is Thursday 09:00.
        #expect(resolved.ticket.autoCloseAt == wib(2026, 3, 5, 9, 0))
        #expect(throws: TicketError.autoCloseNotDue(nil)) {
            try Self.lifecycle.apply(.autoClose, to: resolved.ticket, by: .system, at: wib(2026, 3, 5, 8, 59))
        }
        let closed = try Self.lifecycle.apply(.autoClose, to: resolved.ticket, by: .system, at: wib(2026, 3, 5, 9, 0))
        #expect(closed.ticket.status == .closed(.autoClosed))
        #expect(closed.ticket.closedBy == "system")
        #expect(closed.activities.first?.kind == .autoClosed)
    }

    @Test func confirmationRecordsWhoClosed() throws {
        let closed = try Self.lifecycle.apply(
            .confirm, to: Self.ticket(in: .resolved(by: .level1)), by: Self.reporter, at: Self.monday)
        #expect(closed.ticket.status == .closed(.confirmed))
        #expect(closed.ticket.closedBy == Self.reporter.id)
        #expect(closed.ticket.closedAt == Self.monday)
    }

    @Test func staffNotesAreInternalAndRepliesOutbound() throws {
        let ticket = Self.ticket(in: .inProgress)
        let note = try Self.lifecycle.apply(.note(text: "cek NPWP"), to: ticket, by: Self.level1, at: Self.monday)
        let reply = try Self.lifecycle.apply(
            .staffReply(text: "Baik pak"), to: ticket, by: Self.level1, at: Self.monday)
        #expect(note.activities.first?.direction == .internal)
        #expect(reply.activities.first?.direction == .outbound)
    }

    @Test func emptyMessagesAreRefused() {
        #expect(throws: TicketError.invalidInput("")) {
            try Self.lifecycle.apply(
                .reporterMessage(text: "  "), to: Self.ticket(in: .inProgress), by: Self.reporter, at: Self.monday)
        }
    }

    @Test func draftWithoutTitleIsRefused() {
        let draft = TicketDraft(title: " \n\u{200B}", description: "x", reporterWaID: "628123", reporterName: "A")
        #expect(throws: TicketError.invalidDraft("")) {
            try Self.lifecycle.open(draft, number: TicketNumber(1), at: Self.monday)
        }
    }

    @Test func ticketNumbersPrintWithAHash() {
        #expect(TicketNumber(1259).description == "#1259")
        #expect(TicketNumber(parsing: " #1259 ") == TicketNumber(1259))
        #expect(TicketNumber(parsing: "\t# 1259\u{00A0}") == TicketNumber(1259))
        #expect(TicketNumber(parsing: "12a") == nil)
        #expect(TicketNumber(parsing: "#1259\n") == nil)
    }
}

/// The instant of a WIB wall-clock time.
func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
    JakartaTime.instant(
        day: LocalDate(year: year, month: month, day: day)!.dayNumber, second: hour * 3600 + minute * 60)
}
