import Foundation
import Intents
import Support

extension ConversationTurn {
    /// The titles of the documents still missing, for a sentence: "KTP/KITAS Direktur dan NPWP Perusahaan".
    func missingDocumentNames(_ draft: IntakeDraft) -> String {
        listed(missingDocuments(draft).map { $0.title.text(in: language) })
    }

    /// Requirements neither stored nor being downloaded.
    func missingDocuments(_ draft: IntakeDraft) -> [DocumentRequirement] {
        guard let service = service(of: draft) else { return [] }
        return service.requiredDocuments(for: draft.businessForm).filter { requirement in
            draft.documents[requirement.id] == nil && !draft.uploads.contains { $0.requirementID == requirement.id }
        }
    }

    func checklist(_ draft: IntakeDraft, service: ServiceDefinition) -> String {
        let lines = service.requiredDocuments(for: draft.businessForm).enumerated().map { index, requirement in
            let mark = draft.documents[requirement.id] != nil ? "✅" : "⬜"
            return "\(index + 1). \(mark) \(requirement.title.text(in: language))"
        }
        let limit = String(catalogue.settings.maxDocumentBytes / (1024 * 1024))
        return t(.documentsAsk, ["list": lines.joined(separator: "\n"), "mb": limit])
    }

    mutating func documentReceived(
        mediaID: String, filename: String, mimeType: String, size: Int?, sha256: String?, caption: String?
    ) {
        if case .resumeOffer(let previous) = state.step { state.step = previous }
        if case .intake(var draft) = state.step, draft.documentsPutOff != nil {
            // A file sent: the wait for the documents put off is over.
            draft.documentsPutOff = nil
            state.step = .intake(draft)
        }
        let maxBytes = catalogue.settings.maxDocumentBytes
        let limit = String(maxBytes / (1024 * 1024))
        let isPDF = FileKind.accepts(mimeType, in: [.pdf])
        let target: MediaFetchRequest.Purpose
        if case .intake(var draft) = state.step, draft.stage != .submitting {
            guard let service = service(of: draft) else { return }
            if !service.asksForDocuments {
                // A problem report or a question: any file it comes with (a screenshot, a document) goes to
                // the ticket once it is opened.
                return keepForTicket(
                    TicketFile(mediaID: mediaID, filename: filename, declaredSHA256: sha256, caption: caption),
                    mimeType: mimeType, size: size, draft: draft)
            }
            guard isPDF else {
                let file = TicketFile(mediaID: mediaID, filename: filename, declaredSHA256: sha256)
                guard mimeType.lowercased().hasPrefix("image/") else {
                    // A Word or Excel file at the checklist: kept for staff like a photo, with how to save it
                    // as a PDF.
                    if draft.stage == .documents, FileKind.accepts(mimeType, in: [.office]),
                        attachmentRefusal(filename: filename, mimeType: mimeType, size: size) == nil
                    {
                        return keepInsteadOfPDF(file, mimeType: mimeType, size: size, draft: draft)
                    }
                    return promptCurrentStep(prefix: t(.documentsNotPDF, ["file": filename]))
                }
                guard draft.stage == .documents,
                    attachmentRefusal(filename: filename, mimeType: mimeType, size: size) == nil
                else {
                    return promptCurrentStep(
                        prefix: t(.documentsPhoto, ["file": filename]) + " " + t(.documentsHowToPDF))
                }
                return keepInsteadOfPDF(file, mimeType: mimeType, size: size, draft: draft)
            }
            if let size, size > maxBytes {
                return promptCurrentStep(prefix: t(.documentsTooLarge, ["file": filename, "mb": limit]))
            }
            let early = draft.stage != .documents && draft.stage != .summary
            if early, !canTakeFiles(draft, service: service) {
                // Sent before the privacy notice was accepted, or before the answers that decide which
                // documents are needed: kept, not downloaded, until both are known.
                draft.heldFiles =
                    (draft.heldFiles ?? []) + [
                        IntakeDraft.HeldFile(
                            file: TicketFile(mediaID: mediaID, filename: filename, declaredSHA256: sha256),
                            caption: caption)
                    ]
                state.step = .intake(draft)
                return promptCurrentStep(prefix: t(.documentsHeld, ["file": filename]))
            }
            // "semua dokumen jadi satu file" under a PDF: it is taken for every document still missing.
            if let caption, draft.stage == .documents, saysAllInOne(caption) { draft.allInOne = true }
            let requirementID = assign(
                mediaID: mediaID, filename: filename, caption: caption, to: &draft, service: service)
            // An early file waits for its checklist; the pending question stays.
            if !early { draft.stage = .documents }
            state.step = .intake(draft)
            target = .intake(requirementID: requirementID)
        } else {
            if let refusal = attachmentRefusal(filename: filename, mimeType: mimeType, size: size) {
                return say(refusal)
            }
            let file = TicketFile(mediaID: mediaID, filename: filename, declaredSHA256: sha256, caption: caption)
            if keepBeforeRequest(.init(file: file, caption: caption), name: filename) { return }
            return ticketFileReceived(file)
        }
        emit(.fetchMedia(fetchRequest(mediaID: mediaID, filename: filename, sha256: sha256, purpose: target)))
    }

    /// Files kept before any request, at most: more is not a provider sending their papers early.
    static let maxFilesBeforeRequest = 10

    /// Documents first, words after: a file sent while no ticket is open and nothing but the menu is asked is
    /// kept for the request the provider is about to choose, and the menu shown; when its caption asks for a
    /// service ("mau daftar penyedia min, ini ktp direkturnya"), that request starts and takes it. False when it
    /// cannot be kept.
    mutating func keepBeforeRequest(_ held: IntakeDraft.HeldFile, name: String) -> Bool {
        guard awaitsFirstRequest,
            (state.filesBeforeRequest?.count ?? 0) < Self.maxFilesBeforeRequest
        else { return false }
        state.filesBeforeRequest = (state.filesBeforeRequest ?? []) + [held]
        if let caption = held.caption, let service = mentionedService(caption, classification: .unread) {
            say(t(.documentsHeld, ["file": name]))
            start(service, from: ReporterMessage(messageID: held.file.mediaID, text: caption), classification: .unread)
            return true
        }
        // Several files sent together: the menu once, under the first.
        if menuJustShown {
            say(t(.documentsBeforeRequestAgain, ["file": name]))
        } else {
            showMenu(prefix: t(.documentsBeforeRequest, ["file": name]))
        }
        return true
    }

    /// Tells a provider who sent files before choosing a service, and says they are done or asks the status, that
    /// the files are kept and no request is made until its service is chosen, with the menu: "selesai" got "Anda
    /// tidak memiliki tiket yang sedang terbuka.", which said nothing of them. False when no file is kept.
    mutating func tellFilesAwaitTheirRequest() -> Bool {
        guard let held = state.filesBeforeRequest, !held.isEmpty else { return false }
        showMenu(prefix: t(.documentsHeldAwaitRequest, ["files": listed(held.map(\.file.filename))]))
        return true
    }

    /// Takes a file sent while filling a form without a checklist (a screenshot of the problem): fetched now
    /// when the privacy notice is accepted, else kept until it is; attached when the ticket opens. A file sent
    /// `insteadOfPDF` is confirmed with how to make the PDF the checklist wants, in one message with the question.
    mutating func keepForTicket(
        _ file: TicketFile, mimeType: String, size: Int?, draft: IntakeDraft, insteadOfPDF: Bool = false
    ) {
        if let refusal = attachmentRefusal(filename: file.filename, mimeType: mimeType, size: size) {
            return promptCurrentStep(prefix: refusal)
        }
        var draft = draft
        if let caption = file.caption {
            // "ini errornya pas upload" with a screenshot: staff read it among the form's remarks.
            draft.addRemark("\(file.filename): \(caption)")
        }
        if state.consent?.version == catalogue.privacy.version {
            takeAttachment(file, into: &draft, insteadOfPDF: insteadOfPDF)
            state.step = .intake(draft)
            return
        }
        // Held as an attachment: once the notice is accepted it is never taken for a checklist document.
        draft.heldFiles = (draft.heldFiles ?? []) + [IntakeDraft.HeldFile(file: file, caption: nil, isPhoto: true)]
        state.step = .intake(draft)
        promptCurrentStep(
            prefix: insteadOfPDF
                ? keptInsteadOfPDF(file.filename, mimeType: mimeType)
                : t(.attachmentsKept, ["file": file.filename]))
    }

    /// A file in a form with a checklist that is not the PDF it asks for (a photo of the KTP, a Word file, a
    /// video): kept for staff as the ticket's attachment, never as the checklist's document; once it is received
    /// the provider is told so and how to make the PDF, with the question.
    mutating func keepInsteadOfPDF(_ file: TicketFile, mimeType: String, size: Int?, draft: IntakeDraft) {
        keepForTicket(file, mimeType: mimeType, size: size, draft: draft, insteadOfPDF: true)
    }

    /// Says a file of `mimeType` is kept for staff but is not the PDF the checklist wants, and how to make one.
    func keptInsteadOfPDF(_ filename: String, mimeType: String) -> String {
        if mimeType.lowercased().hasPrefix("image/") {
            return t(.documentsPhotoKept) + " " + t(.documentsHowToPDF)
        }
        if FileKind.accepts(mimeType, in: [.video]) {
            return t(.documentsFileKept, ["file": opening(.documentsVideoName)])
        }
        return t(.documentsFileKept, ["file": filename]) + " " + t(.documentsHowToPDFFromOffice)
    }

    /// Why an attachment (not a checklist document) cannot be taken, if it cannot: its kind or its size.
    func attachmentRefusal(filename: String, mimeType: String, size: Int?) -> String? {
        guard FileKind.accepts(mimeType, in: FileKind.ticketAttachments) else {
            return t(.attachmentsKinds, ["file": filename])
        }
        let limit = catalogue.settings.maxAttachmentBytes
        guard let size, size > limit else { return nil }
        return t(.documentsTooLarge, ["file": filename, "mb": String(limit / (1024 * 1024))])
    }

    /// Fetches a free attachment of the form; it is confirmed once stored.
    mutating func takeAttachment(_ file: TicketFile, into draft: inout IntakeDraft, insteadOfPDF: Bool = false) {
        let key = draft.addAttachmentUpload(
            mediaID: file.mediaID, filename: file.filename, insteadOfPDF: insteadOfPDF)
        emit(
            .fetchMedia(
                fetchRequest(
                    mediaID: file.mediaID, filename: file.filename, sha256: file.declaredSHA256,
                    purpose: .intake(requirementID: key))))
    }

    /// A file about a ticket: the ticket staff asked about, the only open one, or the one the provider picks.
    mutating func ticketFileReceived(_ file: TicketFile) {
        if case .feedback(let ticket, _) = state.step { return fetch(file, for: ticket) }
        if let quotedTicket { return fetch(file, for: quotedTicket) }
        switch context.openTickets.count {
        case 0:
            say(t(.documentsNoTicket))
        case 1:
            fetch(file, for: context.openTickets[0].number)
        default:
            interrupt(with: .choosingTicket(pending: .file(file)))
            promptCurrentStep(prefix: nil)
        }
    }

    /// A photo or screenshot sent as an image message, or a voice note, goes to the ticket it is about, like a
    /// document.
    mutating func fileForTicket(_ file: TicketFile) {
        if case .resumeOffer(let previous) = state.step { state.step = previous }
        ticketFileReceived(file)
    }

    /// Puts a file on the requirement it names (caption or file name), the one the provider said comes next,
    /// or the first still missing (a guess they may correct), and returns its key. A file for none of them (every
    /// document is in: "tax_id.pdf", a second page) is kept as an attachment for staff, never dropped.
    func assign(
        mediaID: String, filename: String, caption: String?, to draft: inout IntakeDraft, service: ServiceDefinition
    ) -> String {
        let required = service.requiredDocuments(for: draft.businessForm)
        let missing = missingDocuments(draft)
        let hint = ((caption ?? "") + " " + filename).lowercased()
        var requirementID = draft.nextRequirement
        var guessed = false
        if requirementID == nil {
            requirementID = missing.first { $0.isNamed(in: hint) }?.id
        }
        if requirementID == nil, catalogue.settings.mentions(text: hint, keywordsNamed: "replacement") {
            // "ktp_revisi.pdf", "ini ktp yang benar min" for a KTP already sent: the new file replaces it.
            let sent = required.filter { draft.documents[$0.id] != nil && $0.isNamed(in: hint) }
            if sent.count == 1 { requirementID = sent[0].id }
        }
        if requirementID == nil, namesAnotherDocument(hint, service: service) {
            // "akta pendirian.pdf" while the checklist waits for a KTP: a document of its own, not a guess at
            // the missing one. It goes to the ticket as an attachment and the checklist still asks.
            return draft.addAttachmentUpload(mediaID: mediaID, filename: filename)
        }
        if requirementID == nil {
            requirementID = missing.first?.id
            guessed = true
        }
        guard let requirementID, required.contains(where: { $0.id == requirementID }) else {
            return draft.addAttachmentUpload(mediaID: mediaID, filename: filename)
        }
        draft.nextRequirement = nil
        draft.uploads.append(
            IntakeDraft.Upload(mediaID: mediaID, requirementID: requirementID, filename: filename, guessed: guessed))
        return requirementID
    }

    /// Whether a file's name or caption (`hint`, lowercased), which names none of the missing documents (`assign`
    /// looked), names another: a word beginning with one of the service's document keywords or the catalogue's
    /// `documentWords` ("akta", "nib", "sertifikat").
    func namesAnotherDocument(_ hint: String, service: ServiceDefinition) -> Bool {
        let words = DialogSettings.spacedWords(hint).wordsBetweenSpaces
        let known = service.allDocuments.flatMap(\.keywords) + (catalogue.settings.keywords["documentWords"] ?? [])
        return known.contains { keyword in keyword.count >= 3 && words.contains { $0.hasPrefix(keyword) } }
    }

    /// Whether files can be downloaded and placed now: the privacy notice is accepted and the documents the
    /// service needs are known (they may depend on the business form, asked later).
    func canTakeFiles(_ draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        state.consent?.version == catalogue.privacy.version
            && (!service.asksForDocuments || !service.requiredDocuments(for: draft.businessForm).isEmpty)
    }

    /// Downloads the files kept until they could be taken, once they can; true when it did.
    mutating func releaseHeldFiles(_ draft: inout IntakeDraft) -> Bool {
        guard let held = draft.heldFiles, !held.isEmpty, let service = service(of: draft),
            canTakeFiles(draft, service: service)
        else { return false }
        draft.heldFiles = nil
        for item in held where !service.asksForDocuments || item.isPhoto == true {
            // A screenshot or a screen recording sent before the request, or any file of a form without a
            // checklist: the ticket's, not a checklist document (PDF only). What was written with it is kept for
            // staff among the form's remarks (a file held by `keepForTicket` has its words there already).
            if let caption = item.caption, !caption.isEmpty {
                draft.addRemark("\(item.file.filename): \(caption)")
            }
            takeAttachment(item.file, into: &draft)
        }
        guard service.asksForDocuments else { return true }
        for item in held where item.isPhoto != true {
            let requirementID = assign(
                mediaID: item.file.mediaID, filename: item.file.filename, caption: item.caption, to: &draft,
                service: service)
            emit(
                .fetchMedia(
                    fetchRequest(
                        mediaID: item.file.mediaID, filename: item.file.filename, sha256: item.file.declaredSHA256,
                        purpose: .intake(requirementID: requirementID))))
        }
        return true
    }

    /// Checklist documents are PDF within the documents' limit; a file about an open ticket, or a free
    /// attachment of a form, may also be a screenshot, a photo or an office file, within the attachments' limit.
    func fetchRequest(
        mediaID: String, filename: String, sha256: String?, purpose: MediaFetchRequest.Purpose
    ) -> MediaFetchRequest {
        switch purpose {
        case .intake(let requirementID) where !IntakeDraft.Upload.isAttachmentKey(requirementID):
            MediaFetchRequest(
                mediaID: mediaID, declaredSHA256: sha256, filename: filename,
                maxBytes: catalogue.settings.maxDocumentBytes, kinds: [.pdf], purpose: purpose)
        case .intake, .ticket:
            MediaFetchRequest(
                mediaID: mediaID, declaredSHA256: sha256, filename: filename,
                maxBytes: catalogue.settings.maxAttachmentBytes, kinds: FileKind.ticketAttachments, purpose: purpose)
        }
    }

    /// Downloads a file the provider sent about an open ticket, to attach it once stored. What they wrote with
    /// it reaches the ticket now, whether or not the file can be taken.
    mutating func fetch(_ file: TicketFile, for ticket: Int) {
        if let caption = file.caption {
            emit(.appendToTicket(number: ticket, message: ReporterMessage(messageID: file.mediaID, text: caption)))
        }
        state.ticketUploads.append(
            TicketUpload(mediaID: file.mediaID, ticket: ticket, filename: file.filename, captioned: file.caption != nil)
        )
        emit(
            .fetchMedia(
                fetchRequest(
                    mediaID: file.mediaID, filename: file.filename, sha256: file.declaredSHA256,
                    purpose: .ticket(number: ticket))))
    }

    mutating func documentStored(mediaID: String, document: StoredDocument) {
        if let upload = state.ticketUploads.first(where: { $0.mediaID == mediaID }) {
            state.ticketUploads.removeFirst { $0.mediaID == mediaID }
            let attachment = TicketAttachment(requirementID: nil, requirementTitle: nil, document: document)
            emit(.attachToTicket(number: upload.ticket, attachment: attachment))
            let key: Prompt =
                if FileKind.accepts(document.mimeType, in: [.voice]) {
                    .documentsVoiceKept
                } else if FileKind.accepts(document.mimeType, in: [.video]) {
                    upload.captioned == true ? .documentsVideoKeptWithCaption : .documentsVideoKept
                } else {
                    upload.captioned == true ? .documentsAttachedWithCaption : .documentsAttached
                }
            say(t(key, ["file": upload.filename, "ticket": String(upload.ticket)]))
            return
        }
        if case .intake(var draft) = state.step, let upload = draft.uploads.first(where: { $0.mediaID == mediaID }),
            !upload.isForChecklist || upload.guessed && draft.allInOne != true,
            let earlier = sameFile(as: document, in: draft), earlier.key != upload.requirementID
        {
            // The KTP sent again, as an attachment ("ktp (1).pdf") or as "scan.pdf" guessed onto the NPWP still
            // missing: not kept twice. A file said to hold every document is taken for them all; one named for a
            // document is taken as that document.
            draft.uploads.removeFirst { $0.mediaID == mediaID }
            return refuseDuplicate(upload.filename, of: earlier, draft: draft)
        }
        if case .intake(var draft) = state.step,
            let upload = draft.uploads.first(where: { $0.mediaID == mediaID && !$0.isForChecklist })
        {
            draft.uploads.removeFirst { $0.mediaID == mediaID && !$0.isForChecklist }
            draft.documents[upload.requirementID] = document
            completeDocumentsIfDone(&draft)
            state.step = .intake(draft)
            let kept =
                upload.insteadOfPDF == true
                ? keptInsteadOfPDF(upload.filename, mimeType: document.mimeType)
                : t(.attachmentsKept, ["file": upload.filename])
            // With other files still being received, the question follows the last of them.
            return draft.uploads.isEmpty ? promptCurrentStep(prefix: kept) : say(kept)
        }
        guard case .intake(var draft) = state.step,
            let upload = draft.uploads.first(where: { $0.mediaID == mediaID }),
            let service = service(of: draft),
            let requirement = service.requiredDocuments(for: draft.businessForm).first(where: {
                $0.id == upload.requirementID
            })
        else { return }
        draft.uploads.removeFirst { $0.mediaID == mediaID }
        let replaced = draft.documents[upload.requirementID].flatMap { $0.sha256 == document.sha256 ? nil : $0 }
        draft.documents[upload.requirementID] = document
        draft.lastGuessed = upload.guessed ? upload.requirementID : nil
        // "ktp dan npwp.pdf", one scan of both: the other missing items its name names are taken by it too; a
        // file said to hold them all takes every one.
        let name = upload.filename.lowercased()
        let allInOne = draft.allInOne == true
        draft.allInOne = nil
        let alsoNamed =
            upload.guessed && !allInOne
            ? []
            : missingDocuments(draft).filter { other in
                other.id != upload.requirementID
                    && !draft.uploads.contains { $0.requirementID == other.id }
                    && (allInOne || other.isNamed(in: name))
            }
        for other in alsoNamed { draft.documents[other.id] = document }
        let titles = ([requirement] + alsoNamed).map { $0.title.text(in: language) }
        var received = t(
            replaced != nil ? .documentsReplaced : alsoNamed.isEmpty ? .documentsReceived : .documentsReceivedSeveral,
            [
                "file": upload.filename, "document": titles[0], "documents": listed(titles),
                "previous": replaced?.filename ?? "",
            ])
        completeDocumentsIfDone(&draft)
        if upload.guessed && alsoNamed.isEmpty {
            // At the checklist a document's number moves the file; at the summary that follows the last one, a
            // number taps one of its buttons ("1" sent the request), so the way to the documents is named.
            received +=
                " "
                + (draft.stage == .summary
                    ? t(.documentsCorrectAtSummary, ["change": t(.buttonChange), "documents": t(.labelDocuments)])
                    : t(.documentsCorrect))
        }
        state.step = .intake(draft)
        if draft.uploads.isEmpty {
            promptCurrentStep(prefix: received)
        } else {
            say(received)
        }
    }

    /// Moves the form on to its summary once the checklist is complete and no file is still being downloaded,
    /// whichever download ends last: a checklist document, or an attachment sent with them.
    func completeDocumentsIfDone(_ draft: inout IntakeDraft) {
        if draft.stage == .documents && draft.uploads.isEmpty && missingDocuments(draft).isEmpty {
            draft.stage = .summary
        }
    }

    mutating func documentRejected(mediaID: String, reason: DocumentRejection) {
        if let upload = state.ticketUploads.first(where: { $0.mediaID == mediaID }) {
            state.ticketUploads.removeFirst { $0.mediaID == mediaID }
            return say(rejection(of: upload.filename, reason: reason, attachment: true))
        }
        guard case .intake(var draft) = state.step, let upload = draft.uploads.first(where: { $0.mediaID == mediaID })
        else { return }
        draft.uploads.removeFirst { $0.mediaID == mediaID }
        completeDocumentsIfDone(&draft)
        state.step = .intake(draft)
        promptCurrentStep(prefix: rejection(of: upload.filename, reason: reason, attachment: !upload.isForChecklist))
    }

    /// Why a downloaded file was refused. A checklist document is a PDF within the documents' limit; an
    /// `attachment` (a file about a ticket, a free attachment of a form) is not only PDF, and may be larger: it is
    /// told what is taken, and the attachments' limit.
    func rejection(of filename: String, reason: DocumentRejection, attachment: Bool) -> String {
        if attachment, reason == .notPDF { return t(.attachmentsKinds, ["file": filename]) }
        let key: Prompt =
            switch reason {
            case .notPDF: .documentsNotPDF
            case .tooLarge: .documentsTooLarge
            case .hashMismatch: .documentsDamaged
            case .unavailable: .documentsUnavailable
            }
        let limit = attachment ? catalogue.settings.maxAttachmentBytes : catalogue.settings.maxDocumentBytes
        return t(key, ["file": filename, "mb": String(limit / (1024 * 1024))])
    }

    /// The document of `draft`, and its key, whose bytes are `document`'s: the same file sent again.
    func sameFile(as document: StoredDocument, in draft: IntakeDraft) -> (key: String, document: StoredDocument)? {
        draft.documents.sorted { $0.key < $1.key }.first { $0.value.sha256 == document.sha256 }
            .map { (key: $0.key, document: $0.value) }
    }

    /// Says a file sent again is not kept twice, naming what it was taken as, and asks the form's question (the
    /// summary, when the checklist was only waiting for this file).
    mutating func refuseDuplicate(
        _ filename: String, of earlier: (key: String, document: StoredDocument), draft: IntakeDraft
    ) {
        var draft = draft
        completeDocumentsIfDone(&draft)
        state.step = .intake(draft)
        let title =
            service(of: draft)?.requiredDocuments(for: draft.businessForm).first { $0.id == earlier.key }?
            .title.text(in: language) ?? t(.labelAttachment)
        let said = t(
            .documentsDuplicate, ["file": filename, "previous": earlier.document.filename, "document": title])
        draft.uploads.isEmpty ? promptCurrentStep(prefix: said) : say(said)
    }

    /// Whether `text`, a short message, says the provider has nothing more to send ("udah itu aja", "itu aja
    /// min"): a phrase of `thatsAll` in `settings.json`, and nothing put off ("itu dulu ya, npwp nyusul").
    func saysThatsAll(_ text: String) -> Bool {
        text.wordCount <= Self.thatsAllWords && catalogue.settings.mentions(text: text, keywordsNamed: "thatsAll")
            && !putsOff(text)
    }

    /// The most words a message saying there is nothing more to send has ("sudah itu saja dulu ya min").
    static let thatsAllWords = 6

    /// Whether `text` says the files are being sent now: a phrase of `sendingNow` ("saya kirim", "kirim
    /// sekarang", "I will send"), with no word of `not` or `already` ("sudah saya kirim" says they were).
    func saysSendingNow(_ text: String) -> Bool {
        let settings = catalogue.settings
        let words = DialogSettings.spacedWords(text)
        return settings.mentions(words, keywordsNamed: "sendingNow")
            && !["not", "already"].contains { settings.mentions(words, keywordsNamed: $0) }
    }

    /// Whether `text` says the documents come as one file: a phrase of `allInOne` in `settings.json`.
    func saysAllInOne(_ text: String) -> Bool {
        catalogue.settings.mentions(text: text, keywordsNamed: "allInOne")
    }

    /// "semua dokumen sudah saya gabung jadi satu file" at the checklist: the file it means (the one stored
    /// last, when it can be told) is taken for every document still missing, which staff check; with no such
    /// file yet, the next one stored is. Staff read the message among the provider's notes.
    mutating func takeAllInOne(_ text: String, draft: IntakeDraft) {
        var draft = draft
        draft.addRemark(text)
        let stored = Set(draft.documents.values.map(\.sha256))
        let file =
            draft.lastGuessed.flatMap { draft.documents[$0] }
            ?? (stored.count == 1 ? draft.documents.values.first : nil)
        let missing = missingDocuments(draft).filter { requirement in
            !draft.uploads.contains { $0.requirementID == requirement.id }
        }
        guard let file, draft.uploads.isEmpty, !missing.isEmpty else {
            // The file is still being received, or yet to come: it will be taken for them all.
            draft.allInOne = true
            state.step = .intake(draft)
            return promptCurrentStep(prefix: t(.documentsAllInOneNext))
        }
        for requirement in missing { draft.documents[requirement.id] = file }
        draft.lastGuessed = nil
        completeDocumentsIfDone(&draft)
        state.step = .intake(draft)
        let titles = service(of: draft)?.requiredDocuments(for: draft.businessForm).map { $0.title.text(in: language) }
        promptCurrentStep(
            prefix: t(
                .documentsAllInOne,
                ["file": file.filename, "documents": listed(titles ?? [])]))
    }

    mutating func answerInDocuments(
        _ text: String, classification: Classification, draft: IntakeDraft, service: ServiceDefinition
    ) {
        if saysAllInOne(text), !isQuestion(text) { return takeAllInOne(text, draft: draft) }
        var draft = draft
        let required = service.requiredDocuments(for: draft.businessForm)
        if let number = Int(text.trimming(".)")) ?? classification.entities.choice,
            required.indices.contains(number - 1)
        {
            let chosen = required[number - 1]
            if let guessed = draft.lastGuessed, draft.documents[guessed] != nil, guessed != chosen.id {
                return moveGuessedFile(to: chosen, draft: draft)
            }
            draft.nextRequirement = chosen.id
            state.step = .intake(draft)
            return say(t(.documentsSendNow, ["document": chosen.title.text(in: language)]))
        }
        if draft.documentsPutOff == true, !missingDocuments(draft).isEmpty,
            !catalogue.settings.mentions(text: text, keywordsNamed: "already"),
            onlyAcknowledges(text, classification: classification)
        {
            // "ok" after "sisanya besok ya": the checklist waits, as it said; "sudah" or "selesai" is told what is
            // still missing.
            return say(t(.intakeLaterAcknowledged, ["field": missingDocumentNames(draft)]))
        }
        // "maaf salah kirim min", "npwp nya salah file": where the checklist kept the file and said "Kami menunggu
        // file PDF" with a wrong answer counted.
        if let (first, second) = swappedDocuments(text, draft: draft) { return swapFiles(first, second, draft: draft) }
        if takeBackWrongFile(text, draft: draft, service: service) { return }
        if let label = labelOfGuessedFile(text, draft: draft) {
            // "itu ktp direktur min", "file tadi surat kuasa ya": the file just guessed, named in words.
            return relabelGuessedFile(as: label, text: text, draft: draft)
        }
        if saysSendingNow(text), !isQuestion(text), !putsOff(text), documentHelp(in: text) == nil {
            // "ktp sama npwp saya kirim sekarang ya", "oke kami upload ya": the files are on their way, as the
            // checklist asks; it was kept for staff as if it told them something, or told what is missing. Sent
            // as photos or by email, how to send them comes instead.
            return say(t(.documentsGoAhead))
        }
        if isKeyword(text, "done") || classification.intent == .affirm || saysThatsAll(text) {
            let missing = missingDocuments(draft)
            if missing.isEmpty && draft.uploads.isEmpty {
                draft.stage = .summary
                state.step = .intake(draft)
                return promptCurrentStep(prefix: nil)
            }
            if missing.isEmpty { return say(t(.documentsStillChecking)) }
            return promptCurrentStep(prefix: t(.documentsMissing, ["list": missingDocumentNames(draft)]))
        }
        if let help = documentHelp(in: text) {
            let answer = documentHelpText(help)
            // "npwp sudah dikirim lewat email ya min", "saya kirim foto ktp nya ya" also tell staff something, as
            // does an e-mail address ("email akun budi@karya.co.id"); a question does not.
            if [.documentsSendHere, .documentsPhotoAsked].contains(help), !isQuestion(text),
                text.wordCount >= Self.explanationWords || FieldNormalizer.emailAddress(in: text) != nil,
                let written = FieldNormalizer.freeText(text)
            {
                return keepRemark(written, draft: draft, saying: t(.intakeRemarkKept) + " " + answer)
            }
            return promptCurrentStep(prefix: answer)
        }
        let settings = catalogue.settings
        let question = isQuestion(text)
        if let missing = explainedDocuments(in: text, among: missingDocuments(draft)).first,
            let help = missing.help?.text(in: language),
            question || ["not", "notSolved"].contains(where: { settings.mentions(text: text, keywordsNamed: $0) })
        {
            // "blm punya surat permohonannya": what the document is and how to make it; the checklist waits.
            let waits = question ? "" : "\n\n" + laterText(missing.title.text(in: language))
            if !question { waitForDocuments(&draft) }
            return promptCurrentStep(prefix: help + waits)
        }
        if answerWithoutADocument(text, draft: draft) { return }
        let missing = missingDocuments(draft)
        let later = putsOff(text) && !missing.isEmpty ? laterText(missingDocumentNames(draft)) : nil
        if later != nil { waitForDocuments(&draft) }
        if text.wordCount >= Self.explanationWords, let written = FieldNormalizer.freeText(text) {
            // "KTP direktur masih diperpanjang, nanti menyusul": for staff, with the ticket.
            // A question whether they may come later ("kalau ktp nya saya kirim besok bisa ga min?") is answered by
            // the wait; another goes to staff.
            let noted = later == nil ? kept(text) : t(.intakeRemarkKept)
            return keepRemark(written, draft: draft, saying: noted + (later.map { " " + $0 } ?? ""))
        }
        // "npwp nyusul ya": the checklist waits for what is missing; nothing was wrong.
        if let later { return say(later) }
        if noteAccount(text, draft: draft) { return }
        if text.carriesANumber {
            // "01.234.567.8-901.000": a number typed where its document is asked is the provider's, for staff;
            // the file is still needed.
            let written = Self.writtenNumber(text.filter(\.isASCIIDigitCharacter), in: text)
            let kind = Self.npwpOrNIP(in: text, entities: classification.entities).map { $0.kind + " " } ?? ""
            return keepRemark(
                FieldNormalizer.freeText(text) ?? text, draft: draft,
                saying: t(.documentsNumberNoted, ["number": kind + written]))
        }
        if isQuestion(text), !asksForTheList(text), let written = FieldNormalizer.freeText(text) {
            // "perlu materai gak?" is for staff, who answer it on the ticket; it got "Kami menunggu file PDF" with a
            // wrong answer counted. "apa aja min?", "apa ini?" still get that, which explains the checklist.
            return keepRemark(written, draft: draft, saying: t(.intakeQuestionKept))
        }
        invalid(t(.documentsExpectFile))
    }

    /// "npwp masih hilang, bisa lanjut dulu tanpa npwp?", "bisa tanpa ktp direktur?" at the checklist: a question
    /// with a word of `without` that names a missing document. It is still needed, with what it is when the
    /// catalogue says, and the form waits for it; the question is kept for staff. It was told the answer comes
    /// on the ticket, which the form cannot open without the document. False for anything else.
    mutating func answerWithoutADocument(_ text: String, draft: IntakeDraft) -> Bool {
        guard draft.stage == .documents, isQuestion(text),
            catalogue.settings.mentions(text: text, keywordsNamed: "without"),
            let named = missingDocuments(draft).first(where: { $0.isNamed(in: text.lowercased()) }),
            let written = FieldNormalizer.freeText(text)
        else { return false }
        var draft = draft
        waitForDocuments(&draft)
        let name = named.title.text(in: language)
        let help = named.help.map { $0.text(in: language) + "\n\n" } ?? ""
        keepRemark(
            written, draft: draft,
            saying: help + t(.documentsStillNeeded, ["document": name]) + " " + laterText(name))
        return true
    }

    /// Marks the documents still missing as put off, in `draft` and the state: a bare "ok" after it acknowledges
    /// the wait.
    mutating func waitForDocuments(_ draft: inout IntakeDraft) {
        draft.documentsPutOff = true
        state.step = .intake(draft)
    }

    /// The documents of `documents` that `text` names and the catalogue explains (their `help`), in order.
    func explainedDocuments(in text: String, among documents: [DocumentRequirement]) -> [DocumentRequirement] {
        let hint = text.lowercased()
        return documents.filter { $0.help != nil && $0.isNamed(in: hint) }
    }

    /// What a message at the checklist asks about sending the files it wants, answered before anything else
    /// the words may read as: a file too large ("file nya kebesaran, 8 mb": `tooLargeHelp`), a link or an email
    /// instead of a file ("bisa lewat google drive?": `sendHere`), no PDF to send ("gak punya scanner":
    /// `pdfHelp`), a photo instead of one ("boleh foto?", "file jpg bisa?": `photoWords`). Nil when it asks none
    /// of these.
    func documentHelp(in text: String) -> Prompt? {
        let words = DialogSettings.spacedWords(text)
        let helps: [(keywords: String, answer: Prompt)] = [
            ("tooLargeHelp", .documentsHowToShrink), ("sendHere", .documentsSendHere), ("pdfHelp", .documentsHowToPDF),
            ("photoWords", .documentsPhotoAsked),
        ]
        return helps.first { catalogue.settings.mentions(words, keywordsNamed: $0.keywords) }?.answer
    }

    /// The answer of `help`, one of `documentHelp(in:)`'s: a photo asked about is told it cannot be the
    /// document, and how to make the PDF.
    func documentHelpText(_ help: Prompt) -> String {
        let megabytes = String(catalogue.settings.maxDocumentBytes / (1024 * 1024))
        let answer = t(help, ["mb": megabytes])
        return help == .documentsPhotoAsked ? answer + " " + t(.documentsHowToPDF) : answer
    }

    /// The checklist document a message at the summary says is wrong ("ktp nya salah file", "npwp mau diganti"):
    /// the one whose keyword comes first, with a word of `resend` in `settings.json`. Nil for none.
    func documentToResend(_ text: String, draft: IntakeDraft) -> DocumentRequirement? {
        guard let service = service(of: draft) else { return nil }
        let words = DialogSettings.spacedWords(text)
        guard catalogue.settings.mentions(words, keywordsNamed: "resend") else { return nil }
        return DialogSettings.firstMentioned(in: words, among: service.requiredDocuments(for: draft.businessForm)) {
            $0.keywords
        }
    }

    /// What a file is said to be in words: a document of the checklist, or another the checklist does not ask for.
    enum FileLabel: Equatable {
        case document(DocumentRequirement)
        case another
    }

    /// What a message at the checklist, or at the summary that follows it, says the file just guessed onto a
    /// missing document is, where the checklist said "Jika salah, balas dengan nomor dokumen yang benar" and only
    /// its number moved the file: "itu ktp direktur min", "yang barusan ktp ya" got "Kami menunggu file PDF", "file
    /// tadi surat kuasa ya" the answer on powers of attorney, with the file left as the request letter, and "yang
    /// terakhir itu surat kuasa" at the summary was only noted for staff. A word pointing at the file
    /// (`thatFile`: "itu", "tadi", "barusan") and a document's keywords, or one of `documentWords` the checklist
    /// does not ask for ("kuasa", "akta"), whichever comes first, unless a word of `not` is just before it ("itu
    /// bukan ktp"); not in a question, nor with a word of `later` or `without` ("ktp nya nyusul"). Nil when it says
    /// no such thing.
    func labelOfGuessedFile(_ text: String, draft: IntakeDraft) -> FileLabel? {
        guard let guessed = draft.lastGuessed, draft.documents[guessed] != nil, let service = service(of: draft),
            !isQuestion(text)
        else { return nil }
        let settings = catalogue.settings
        let required = service.requiredDocuments(for: draft.businessForm)
        let asked = Set(required.flatMap(\.keywords))
        let others = (settings.keywords["documentWords"] ?? []).filter { !asked.contains($0) }
        let known = asked.union(others)
        // "ktpnya", "aktanya": the document's word.
        let words =
            " "
            + DialogSettings.spacedWords(text).wordsBetweenSpaces.map { word in
                word.hasSuffix("nya") && known.contains(String(word.dropLast(3))) ? word.dropLast(3) : word
            }.joined(separator: " ") + " "
        guard pointsAtAFile(words) else { return nil }
        var labels = required.compactMap { requirement in
            DialogSettings.firstMention(in: words, of: requirement.keywords).map {
                ($0, FileLabel.document(requirement))
            }
        }
        if let another = DialogSettings.firstMention(in: words, of: others) { labels.append((another, .another)) }
        // The first document named, unless turned down ("itu bukan ktp"); "itu ktp, bukan surat" is the ID card.
        guard let (offset, label) = labels.min(by: { $0.0 < $1.0 }) else { return nil }
        return turnedDown(words, at: offset) ? nil : label
    }

    /// Whether `words` (from `spacedWords`) point at a file, with a word of `thatFile` ("itu", "tadi"), and say
    /// nothing of it coming later (`later`, `without`: "ktp nya nyusul").
    private func pointsAtAFile(_ words: String) -> Bool {
        let settings = catalogue.settings
        return settings.mentions(words, keywordsNamed: "thatFile")
            && !["later", "without"].contains { settings.mentions(words, keywordsNamed: $0) }
    }

    /// Whether the word just before `offset` in `words` is a word of `not` ("itu bukan ktp").
    private func turnedDown(_ words: String, at offset: Int) -> Bool {
        guard let before = words.prefix(offset).wordsBetweenSpaces.last else { return false }
        return catalogue.settings.keywords["not"]?.contains(String(before)) ?? false
    }

    /// The document a message names for the file sent last before its checklist could take it (held until the
    /// privacy notice is accepted and the documents needed are known): "itu surat kuasa ya min" got the answer on
    /// powers of attorney, and the file was later guessed onto the request letter. A word of `thatFile` and the
    /// first of the service's document keywords or `documentWords` named, not turned down by a word of `not` just
    /// before it; not in a question, with a word of `later` or `without` or a number (an answer: "ini npwp kami
    /// 01.234…"), where a description is asked, or for a file already named. Nil when it names none.
    func documentNamedForHeldFile(_ text: String, draft: IntakeDraft) -> String? {
        guard let held = draft.heldFiles?.last, held.isPhoto != true, held.caption == nil,
            let service = service(of: draft), service.asksForDocuments, !asksForDescription, !isQuestion(text),
            !text.contains(where: \.isNumber)
        else { return nil }
        let words = DialogSettings.spacedWords(text)
        guard pointsAtAFile(words) else { return nil }
        let keywords = service.allDocuments.flatMap(\.keywords) + (catalogue.settings.keywords["documentWords"] ?? [])
        let named = keywords.compactMap { keyword in
            DialogSettings.firstMention(in: words, of: [keyword]).map { ($0, keyword) }
        }.min { $0.0 < $1.0 }
        guard let (offset, keyword) = named else { return nil }
        return turnedDown(words, at: offset) ? nil : keyword
    }

    /// The file sent last before its checklist, named (`documentNamedForHeldFile`): the document's word is kept
    /// with it, as its caption, for the checklist to read as it reads a file's name, and the message goes to
    /// staff among the provider's notes; the pending question is asked again.
    mutating func nameHeldFile(_ document: String, text: String, draft: IntakeDraft) {
        guard var held = draft.heldFiles, let last = held.indices.last else { return }
        var draft = draft
        held[last].caption = document
        draft.heldFiles = held
        draft.addRemark("\(held[last].file.filename): \(text)")
        state.step = .intake(draft)
        promptCurrentStep(prefix: t(.documentsHeldNamed, ["file": held[last].file.filename]))
    }

    /// The file just guessed (`labelOfGuessedFile`), relabelled: moved to the checklist's document it is said to
    /// be (the one it was guessed as, confirmed), or kept as an attachment for staff, with the message among the
    /// provider's notes, and the document it was guessed as asked again.
    mutating func relabelGuessedFile(as label: FileLabel, text: String, draft: IntakeDraft) {
        guard let guessed = draft.lastGuessed, let document = draft.documents[guessed] else { return }
        var draft = draft
        switch label {
        case .document(let named) where named.id != guessed:
            moveGuessedFile(to: named, draft: draft)
        case .document(let named):
            draft.lastGuessed = nil
            state.step = .intake(draft)
            promptCurrentStep(
                prefix: t(.documentsMoved, ["file": document.filename, "document": named.title.text(in: language)]))
        case .another:
            let title = service(of: draft)?.requiredDocuments(for: draft.businessForm).first { $0.id == guessed }?
                .title.text(in: language)
            draft.documents[guessed] = nil
            draft.keepAsAttachment(document)
            draft.addRemark("\(document.filename): \(text)")
            draft.lastGuessed = nil
            draft.stage = .documents
            state.step = .intake(draft)
            promptCurrentStep(
                prefix: t(.documentsKeptAside, ["file": document.filename, "document": title ?? ""]))
        }
    }

    /// The file last guessed onto a missing document moved to `chosen`, which gives its own file, if it had one,
    /// to the document the file was guessed as.
    mutating func moveGuessedFile(to chosen: DocumentRequirement, draft: IntakeDraft) {
        guard let guessed = draft.lastGuessed, let document = draft.documents[guessed] else { return }
        var draft = draft
        let displaced = draft.documents[chosen.id]
        draft.documents[chosen.id] = document
        draft.documents[guessed] = displaced
        draft.lastGuessed = nil
        state.step = .intake(draft)
        promptCurrentStep(
            prefix: t(.documentsMoved, ["file": document.filename, "document": chosen.title.text(in: language)]))
    }

    /// Whether `text` at the checklist or the summary says a file sent is wrong ("maaf salah kirim", "ktp nya
    /// salah file", "ganti ktp"): a word of `resend` in a message that asks nothing, once a checklist file is
    /// stored, with the document it names or a word of `fileWords` ("file", "kirim"), so "ada yang salah" at the
    /// summary still asks which part to change. The document it names, or else the one last guessed or the only
    /// one stored; `.some(nil)` when several are stored and none is named; nil when it says no such thing.
    /// "salah satu" ("one of") is no wrong file.
    func wrongFileSent(
        _ text: String, draft: IntakeDraft, among required: [DocumentRequirement]
    ) -> DocumentRequirement?? {
        let stored = required.filter { draft.documents[$0.id] != nil }
        let words = DialogSettings.spacedWords(text).replacingOccurrences(of: "salah satu", with: "")
        let settings = catalogue.settings
        guard !stored.isEmpty, !isQuestion(text), settings.mentions(words, keywordsNamed: "resend") else { return nil }
        if let named = DialogSettings.firstMentioned(in: words, among: required, phrases: \.keywords) {
            return stored.contains { $0.id == named.id } ? named : nil
        }
        guard settings.mentions(words, keywordsNamed: "fileWords") else { return nil }
        if let guessed = draft.lastGuessed, let document = stored.first(where: { $0.id == guessed }) {
            return document
        }
        return .some(stored.count == 1 ? stored[0] : nil)
    }

    /// A file said to be wrong (`wrongFileSent`) is sent again: back at the checklist, its next file replaces the
    /// one sent; with several stored and none named, the checklist asks which, by its number. False when `text`
    /// says no such thing.
    mutating func takeBackWrongFile(_ text: String, draft: IntakeDraft, service: ServiceDefinition) -> Bool {
        guard let wrong = wrongFileSent(text, draft: draft, among: service.requiredDocuments(for: draft.businessForm))
        else { return false }
        var draft = draft
        draft.stage = .documents
        draft.lastGuessed = nil
        guard let requirement = wrong else {
            state.step = .intake(draft)
            promptCurrentStep(prefix: t(.documentsWhichWrong))
            return true
        }
        draft.nextRequirement = requirement.id
        state.step = .intake(draft)
        let previous = draft.documents[requirement.id]?.filename ?? ""
        say(t(.documentsResendNow, ["document": requirement.title.text(in: language), "previous": previous]))
        return true
    }

    /// Whether `text` at the checklist or the summary of `draft` says a file sent is wrong (`wrongFileSent`).
    func saysAFileIsWrong(_ text: String, draft: IntakeDraft) -> Bool {
        guard let service = service(of: draft) else { return false }
        return wrongFileSent(text, draft: draft, among: service.requiredDocuments(for: draft.businessForm)) != nil
    }

    /// The two checklist documents whose files `text` says are the wrong way round ("itu kebalik min", "ktp sama
    /// npwp ketuker"): a word of `swapped` in a message that asks nothing, with the two documents it names, or,
    /// naming fewer, when only two are stored. Nil otherwise.
    func swappedDocuments(_ text: String, draft: IntakeDraft) -> (DocumentRequirement, DocumentRequirement)? {
        guard catalogue.settings.mentions(text: text, keywordsNamed: "swapped"), !isQuestion(text),
            let service = service(of: draft)
        else { return nil }
        let stored = service.requiredDocuments(for: draft.businessForm).filter { draft.documents[$0.id] != nil }
        let words = DialogSettings.spacedWords(text)
        let named = stored.filter { DialogSettings.firstMention(in: words, of: $0.keywords) != nil }
        let pair = named.count == 2 ? named : named.count < 2 && stored.count == 2 ? stored : []
        return pair.count == 2 ? (pair[0], pair[1]) : nil
    }

    /// The files of `first` and `second` traded, said so, and the checklist or the summary again: "itu kebalik
    /// min" at the summary was only noted for staff, and at the checklist got "Kami menunggu file PDF".
    mutating func swapFiles(_ first: DocumentRequirement, _ second: DocumentRequirement, draft: IntakeDraft) {
        guard let firstFile = draft.documents[first.id], let secondFile = draft.documents[second.id] else { return }
        var draft = draft
        draft.documents[first.id] = secondFile
        draft.documents[second.id] = firstFile
        draft.lastGuessed = nil
        state.step = .intake(draft)
        promptCurrentStep(
            prefix: t(
                .documentsSwapped,
                [
                    "first": firstFile.filename, "firstDocument": second.title.text(in: language),
                    "second": secondFile.filename, "secondDocument": first.title.text(in: language),
                ]))
    }

    /// Back to the checklist for `requirement`, whose next file replaces the one sent.
    mutating func resend(_ requirement: DocumentRequirement, draft: IntakeDraft) {
        var draft = draft
        draft.stage = .documents
        draft.nextRequirement = requirement.id
        state.step = .intake(draft)
        say(t(.documentsSendNow, ["document": requirement.title.text(in: language)]))
    }
}
