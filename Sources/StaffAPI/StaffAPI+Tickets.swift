import Conversation
import Foundation
import HTTPServer
import HelpdeskRuntime
import StaffAccess
import Storage
import Support
import Ticketing
import WhatsAppOutbox

extension StaffAPI {
    func queue(_ query: TicketQueueQuery, _ caller: StaffCaller) throws -> HTTPResponse {
        let now = self.now()
        let page = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            return try store.queue(query)
        }
        return Self.json(
            200,
            .object([
                ("tickets", .array(page.tickets.map { self.object(of: $0, now: now) })),
                ("next_cursor", .string(page.next.map(Self.cursorText))),
            ]))
    }

    func show(_ number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        let now = self.now()
        let document = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            return try self.detail(of: number, in: store, now: now)
        }
        return Self.json(200, document)
    }

    /// A stored document of the ticket, inline (the browser's own PDF viewer shows it), to a signed-in
    /// member only; 404 when the ticket does not hold it or the file was removed after its retention.
    func attachment(_ hash: String, of number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        let found = try self.writer.read { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            _ = try self.actingStaff(caller, in: store)
            guard try store.ticket(number) != nil else { throw Self.unknownTicket(number) }
            return try store.attachments(of: number).first { $0.sha256 == hash }
        }
        guard let attachment = found, let directory = self.dataDirectory,
            let bytes = FileManager.default.contents(
                atPath: (directory as NSString).appendingPathComponent(attachment.storagePath))
        else {
            throw StaffAPIError.notFound("unknown_attachment", "ticket \(number) holds no document \(hash.prefix(12))…")
        }
        var response = HTTPResponse(status: 200, body: Array(bytes))
        let allowed = ["application/pdf", "image/jpeg", "image/png", "audio/ogg", "video/mp4", "video/3gpp"]
        let type = allowed.contains(attachment.mimeType) ? attachment.mimeType : "application/octet-stream"
        let name = attachment.originalName.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        response.headers.add(name: "Content-Type", value: type)
        response.headers.add(
            name: "Content-Disposition",
            value: (type == "application/octet-stream" ? "attachment" : "inline") + "; filename=\"\(name)\"")
        response.headers.add(name: "X-Loket-Attachment", value: "1")
        return response
    }

    /// Applies a staff action and, when the reporter must hear of it, runs their conversation and queues its
    /// messages: all in one writer transaction, so a refused action changes nothing and queues nothing.
    func act(_ command: StaffCommand, on number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        let now = self.now()
        let (document, queued, actor) = try self.writer.write(durability: .powerLoss) { database in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            let member = try self.actingStaff(caller, in: store)
            guard command.levels.contains(member.level) else {
                let levels = command.levels.map(\.rawValue).sorted().map(String.init).joined(separator: "/")
                throw StaffAPIError.forbidden(
                    "\(command.action.name) is for Level \(levels) staff; "
                        + "\(member.id) is Level \(member.level.rawValue)")
            }
            guard let ticket = try store.ticket(number) else { throw Self.unknownTicket(number) }
            if case .take = command.action, let assignee = ticket.assignee {
                // Two members took the same ticket at once: the second is told who has it, and nothing changes.
                let name = try store.staffMember(id: assignee)?.name ?? assignee
                throw StaffAPIError.conflict(
                    "already_taken", "ticket \(number) was already taken by \(name) (\(assignee))")
            }
            let actor = TicketActor.staff(member)
            do {
                try store.apply(command.action, to: number, by: actor, at: now)
                if let file = command.file?.document {
                    try store.addAttachment(
                        Attachment(
                            sha256: file.sha256, originalName: file.filename, size: file.size, mimeType: file.mimeType,
                            sender: actor, receivedAt: now, storagePath: MediaStore.relativePath(of: file.sha256)),
                        to: number)
                }
            } catch let error as TicketError {
                throw Self.refusal(error, ticket: ticket, command: command, actor: actor)
            }
            var messages: [OutboundMessage] = []
            if let event = command.reporterEvent(ticket: number) {
                messages = try self.runtime.deliver(event, to: ticket.reporterWaID, now: now, in: database)
                try self.outbox.enqueue(messages, in: database, now: now)
            }
            return (try self.detail(of: number, in: store, now: now), messages.count, actor)
        }
        if queued > 0 { self.wakeSender() }
        self.logger.info(
            "staff_api.action",
            [
                "ticket": String(number.value), "action": command.action.name, "staff": actor.id,
                "queued": String(queued),
            ])
        var response = document.object ?? JSONObject(members: [], byteRange: 0..<0)
        response.members.append((key: "queued_messages", value: .int(queued)))
        return Self.json(200, .object(response))
    }

    /// Keeps staff's file in the media store and sends it to the ticket's reporter as a reply (`act`); a file
    /// stored for a reply that was refused is removed again, unless it was kept before.
    func sendFile(_ upload: StaffFileUpload, on number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        guard let directory = self.dataDirectory else {
            throw StaffAPIError.unavailable("this Loket keeps no files: it runs without a data directory")
        }
        let (stored, isNew) = try MediaStore(dataDirectory: directory).store(upload.bytes, mimeType: upload.mimeType)
        let document = StoredDocument(
            sha256: stored.sha256, filename: upload.name, size: stored.size, mimeType: upload.mimeType)
        do {
            return try self.act(.reply(with: .init(document: document, caption: upload.caption)), on: number, caller)
        } catch {
            if isNew { try? FileManager.default.removeItem(atPath: stored.path) }
            throw error
        }
    }

    /// The ticket with its activities, attachments (metadata only) and SLA clock.
    func detail(of number: TicketNumber, in store: SQLiteTicketTransaction, now: Date) throws -> JSONValue {
        guard let ticket = try store.ticket(number) else { throw Self.unknownTicket(number) }
        return .object([
            ("ticket", self.object(of: ticket, now: now)),
            ("activities", .array(try store.activities(of: number).map(Self.object(of:)))),
            ("attachments", .array(try store.attachments(of: number).map(Self.object(of:)))),
            ("whatsapp", try self.whatsappThread(of: ticket, in: store.database, now: now)),
            ("verification", try self.verificationObject(of: number, in: store, now: now)),
        ])
    }

    /// The reporter's chat as staff need it: whether their 24-hour window is open (else what is sent waits
    /// behind the notice template), and the latest messages Loket sent them with Meta's delivery state
    /// (`queued`, `sent`, `delivered`, `read`, `failed` with Meta's reason, `held` outside the window).
    func whatsappThread(of ticket: Ticket, in database: Database, now: Date) throws -> JSONValue {
        let outbox = Outbox()
        let contact = try outbox.contact(ticket.reporterWaID, in: database)
        let window = outbox.configuration.windowLength
        let records = try outbox.chatRecords(to: ticket.reporterWaID, limit: 100, in: database)
        let messages: [JSONValue] = records.map { record in
            let delivery: String
            switch (record.state, record.deliveryStatus) {
            case (_, .failed?), (.failed, _), (.invalid, _): delivery = "failed"
            case (_, let status?): delivery = status.rawValue
            case (.sent, nil): delivery = "sent"
            case (let state, nil): delivery = state.rawValue
            }
            let reason =
                record.deliveryErrorCodes.isEmpty && record.errorCodes.isEmpty
                ? record.lastError
                : "\(record.lastError ?? "") (\((record.deliveryErrorCodes + record.errorCodes).map(String.init).joined(separator: ", ")))"
            return .object([
                ("id", .int(Int(record.id))), ("kind", .string(record.message.payload.kindName)),
                ("text", .string(record.message.payload.displayText)),
                ("delivery", .string(delivery)), ("as_template", .bool(record.sentAsTemplate)),
                ("error", .string(delivery == "failed" ? reason : nil)),
            ])
        }
        return .object([
            ("window_open", .bool(contact.isWindowOpen(at: now, length: window))),
            ("window_closes_at", Self.timestamp(contact.lastInboundAt?.addingTimeInterval(window))),
            ("undeliverable", .bool(contact.isUndeliverable)),
            ("messages", .array(messages)),
        ])
    }

    /// Carries out an erasure request (UU 27/2022) approved by a Level 2 member or an admin: the reporter's
    /// personal data goes from every table and their files from the disk, the ticket gets a note of what was
    /// erased, and the provider is told, in one transaction.
    func erasePersonalData(of number: TicketNumber, _ caller: StaffCaller) throws -> HTTPResponse {
        guard caller.role != .level1 else {
            throw StaffAPIError.forbidden("an erasure request is approved by Level 2 staff or an admin")
        }
        let now = self.now()
        let summary = try self.writer.write(durability: .powerLoss) { database -> PersonalDataEraser.Summary in
            let store = SQLiteTicketStore.transaction(on: database, configuration: self.tickets)
            let member = try self.actingStaff(caller, in: store)
            guard let ticket = try store.ticket(number) else { throw Self.unknownTicket(number) }
            guard ticket.category == ConversationRuntime.erasureCategory else {
                throw StaffAPIError.conflict("not_an_erasure_request", "ticket \(number) is not an erasure request")
            }
            let contact = ticket.reporterWaID
            guard !contact.hasPrefix("erased-") else {
                throw StaffAPIError.conflict(
                    "already_erased", "the data of ticket \(number)'s reporter was erased already")
            }
            let summary = try PersonalDataEraser(dataDirectory: self.dataDirectory).erase(
                contact: contact, in: database)
            // Not held in memory either; forgetting is harmless should the transaction roll back.
            self.runtime.states.forget(contact)
            try store.apply(
                .note(
                    text: "Data pribadi pelapor dihapus (UU 27/2022): \(summary.tickets) tiket dianonimkan, "
                        + "\(summary.documents) dokumen dihapus, \(summary.inboxEntries) pesan masuk dan "
                        + "\(summary.outboundMessages) pesan keluar dihapus isinya."),
                to: number, by: .staff(member), at: now)
            let text =
                self.runtime.catalogue.text(.privacyErased, in: .indonesian) + "\n\n"
                + self.runtime.catalogue.text(.privacyErased, in: .english)
            try self.outbox.enqueue([OutboundMessage(to: contact, payload: .text(text))], in: database, now: now)
            return summary
        }
        self.wakeSender()
        self.logger.info(
            "staff_api.personal_data_erased",
            [
                "ticket": String(number.value), "staff": caller.id, "tickets": String(summary.tickets),
                "documents": String(summary.documents),
            ])
        return Self.json(
            200,
            .object([
                (
                    "erased",
                    .object([
                        ("tickets", .int(summary.tickets)), ("documents", .int(summary.documents)),
                        ("inbox_entries", .int(summary.inboxEntries)),
                        ("outbound_messages", .int(summary.outboundMessages)),
                    ])
                )
            ]))
    }
}
