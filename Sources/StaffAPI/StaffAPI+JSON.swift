import Foundation
import Support
import Ticketing

extension StaffAPI {
    /// A ticket with its SLA clock at `now`; absent values are `null`.
    func object(of ticket: Ticket, now: Date) -> JSONValue {
        let sla = ticket.slaStatus(at: now, calendar: self.tickets.lifecycle.calendar)
        let waitingOn: String
        switch ticket.status.waitingOn {
        case .helpdesk(let level): waitingOn = level.role.rawValue
        case .reporter: waitingOn = "reporter"
        case .nobody: waitingOn = "nobody"
        }
        return .object([
            ("number", .int(ticket.number.value)),
            ("title", .string(ticket.title)),
            ("description", .string(ticket.description)),
            ("company_name", .string(ticket.companyName)),
            ("business_form", .string(ticket.businessForm)),
            ("reporter_role", .string(ticket.reporterRole)),
            ("tax_or_staff_id", .string(ticket.taxOrStaffID)),
            ("tender_code", .string(ticket.tenderCode)),
            ("director_phone", .string(ticket.directorPhone)),
            ("reporter_wa_id", .string(ticket.reporterWaID)),
            ("reporter_name", .string(ticket.reporterName)),
            ("source", .string(ticket.source)),
            ("type", .string(ticket.type?.rawValue)),
            ("category", .string(ticket.category)),
            ("priority", .string(ticket.priority?.rawValue)),
            ("application_version", .string(ticket.applicationVersion)),
            ("level", .int(ticket.level.rawValue)),
            ("assignee", .string(ticket.assignee)),
            ("status", .string(ticket.status.kind.rawValue)),
            ("status_label", .string(ticket.status.kind.label)),
            ("status_detail", .string(ticket.status.description)),
            ("waiting_on", .string(waitingOn)),
            ("created_at", Self.timestamp(ticket.createdAt)),
            ("updated_at", Self.timestamp(ticket.updatedAt)),
            ("first_response_at", Self.timestamp(ticket.firstResponseAt)),
            ("resolved_at", Self.timestamp(ticket.resolvedAt)),
            ("resolved_by", .string(ticket.resolvedBy)),
            ("closed_at", Self.timestamp(ticket.closedAt)),
            ("closed_by", .string(ticket.closedBy)),
            ("auto_close_at", Self.timestamp(ticket.autoCloseAt)),
            (
                "sla",
                .object([
                    ("due_at", Self.timestamp(sla.dueAt)),
                    ("remaining_seconds", .int(sla.remainingSeconds)),
                    ("paused", .bool(sla.isPaused)),
                    ("breached", .bool(sla.isBreached)),
                    ("stopped", .bool(sla.isStopped)),
                    ("resolved_within_sla", .bool(ticket.resolvedWithinSLA)),
                ])
            ),
        ])
    }

    static func object(of activity: TicketActivity) -> JSONValue {
        .object([
            ("kind", .string(activity.kind.rawValue)),
            ("actor", Self.object(of: activity.actor)),
            ("at", Self.timestamp(activity.at)),
            ("direction", .string(activity.direction.rawValue)),
            ("text", .string(activity.text)),
        ])
    }

    /// An attachment's metadata; the bytes stay in the media store.
    static func object(of attachment: Attachment) -> JSONValue {
        .object([
            ("sha256", .string(attachment.sha256)),
            ("original_name", .string(attachment.originalName)),
            ("size", .int(attachment.size)),
            ("mime_type", .string(attachment.mimeType)),
            ("sender", Self.object(of: attachment.sender)),
            ("received_at", Self.timestamp(attachment.receivedAt)),
            ("storage_path", .string(attachment.storagePath)),
        ])
    }

    static func object(of actor: TicketActor) -> JSONValue {
        .object([("role", .string(actor.role.rawValue)), ("id", .string(actor.id)), ("name", .string(actor.name))])
    }

    static func object(of member: StaffMember) -> JSONValue {
        .object([
            ("id", .string(member.id)), ("name", .string(member.name)), ("level", .int(member.level.rawValue)),
            ("active", .bool(member.isActive)),
        ])
    }

    /// An instant as ISO 8601 UTC with milliseconds, or `null`.
    static func timestamp(_ date: Date?) -> JSONValue {
        .string(
            date?.formatted(
                .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)))
    }
}
