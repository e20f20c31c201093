import Foundation
import Ticketing

extension StaffAPI {
    /// A ticket with its SLA clock at `now`; absent values are `null`.
    func object(of ticket: Ticket, now: Date) -> [String: Any] {
        let sla = ticket.slaStatus(at: now, calendar: self.tickets.lifecycle.calendar)
        let waitingOn: String
        switch ticket.status.waitingOn {
        case .helpdesk(let level): waitingOn = level.role.rawValue
        case .reporter: waitingOn = "reporter"
        case .nobody: waitingOn = "nobody"
        }
        return [
            "number": ticket.number.value,
            "title": ticket.title,
            "description": ticket.description,
            "company_name": Self.orNull(ticket.companyName),
            "business_form": Self.orNull(ticket.businessForm),
            "reporter_role": Self.orNull(ticket.reporterRole),
            "tax_or_staff_id": Self.orNull(ticket.taxOrStaffID),
            "tender_code": Self.orNull(ticket.tenderCode),
            "director_phone": Self.orNull(ticket.directorPhone),
            "reporter_wa_id": ticket.reporterWaID,
            "reporter_name": ticket.reporterName,
            "source": ticket.source,
            "type": Self.orNull(ticket.type?.rawValue),
            "category": Self.orNull(ticket.category),
            "priority": Self.orNull(ticket.priority?.rawValue),
            "application_version": Self.orNull(ticket.applicationVersion),
            "level": ticket.level.rawValue,
            "assignee": Self.orNull(ticket.assignee),
            "status": ticket.status.kind.rawValue,
            "status_label": ticket.status.kind.label,
            "status_detail": ticket.status.description,
            "waiting_on": waitingOn,
            "created_at": Self.timestamp(ticket.createdAt),
            "updated_at": Self.timestamp(ticket.updatedAt),
            "first_response_at": Self.timestamp(ticket.firstResponseAt),
            "resolved_at": Self.timestamp(ticket.resolvedAt),
            "resolved_by": Self.orNull(ticket.resolvedBy),
            "closed_at": Self.timestamp(ticket.closedAt),
            "closed_by": Self.orNull(ticket.closedBy),
            "auto_close_at": Self.timestamp(ticket.autoCloseAt),
            "sla": [
                "due_at": Self.timestamp(sla.dueAt),
                "remaining_seconds": sla.remainingSeconds,
                "paused": sla.isPaused,
                "breached": sla.isBreached,
                "stopped": sla.isStopped,
                "resolved_within_sla": Self.orNull(ticket.resolvedWithinSLA),
            ] as [String: Any],
        ]
    }

    static func object(of activity: TicketActivity) -> [String: Any] {
        [
            "kind": activity.kind.rawValue,
            "actor": Self.object(of: activity.actor),
            "at": Self.timestamp(activity.at),
            "direction": activity.direction.rawValue,
            "text": Self.orNull(activity.text),
        ]
    }

    /// An attachment's metadata; the bytes stay in the media store.
    static func object(of attachment: Attachment) -> [String: Any] {
        [
            "sha256": attachment.sha256,
            "original_name": attachment.originalName,
            "size": attachment.size,
            "mime_type": attachment.mimeType,
            "sender": Self.object(of: attachment.sender),
            "received_at": Self.timestamp(attachment.receivedAt),
            "storage_path": attachment.storagePath,
        ]
    }

    static func object(of actor: TicketActor) -> [String: Any] {
        ["role": actor.role.rawValue, "id": actor.id, "name": actor.name]
    }

    static func object(of member: StaffMember) -> [String: Any] {
        ["id": member.id, "name": member.name, "level": member.level.rawValue, "active": member.isActive]
    }

    /// An instant as ISO 8601 UTC with milliseconds, or `null`.
    static func timestamp(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }

    static func orNull(_ value: (any Sendable)?) -> Any {
        value ?? NSNull()
    }
}
