import Intents

/// A service request being filled in, before it becomes a ticket.
public struct IntakeDraft: Equatable, Codable, Sendable {
    public var serviceID: String
    public var stage: Stage
    /// Normalised answers by field id.
    public var answers: [String: String]
    public var businessForm: BusinessForm?
    /// Stored documents by requirement id.
    public var documents: [String: StoredDocument]
    /// Files being downloaded, each already assigned to a requirement.
    public var uploads: [Upload]
    /// The requirement the contact said the next file is (by typing its number).
    public var nextRequirement: String?
    /// The requirement a file was last assigned to without the contact saying so (they may correct it).
    public var lastGuessed: String?
    /// The description as the contact edited it; nil uses the catalogue's template.
    public var customDescription: String?
    /// Files sent before the privacy notice was accepted, downloaded once it is (nil when none; optional so
    /// that drafts stored before it existed still read).
    public var heldFiles: [HeldFile]?
    /// What the contact wrote during the form that no field of it holds ("alamat kami di Jl. Merdeka 10" where
    /// the director's number is asked), one entry per message, for staff: the ticket's description ends with
    /// them (nil when none; optional so that drafts stored before it existed still read).
    public var remarks: [String]?
    /// The company a provider named in a form that asks for none (a tender problem, a question), "PT Maju
    /// Jaya": the ticket's company, which staff search by (nil when none; optional so that drafts stored
    /// before it existed still read).
    public var namedCompany: String?
    /// Whether the provider said their documents come as one file ("semua dokumen saya gabung jadi satu file")
    /// before it was stored: the next checklist file stored is taken for every document still missing (nil
    /// when not; optional so that drafts stored before it existed still read).
    public var allInOne: Bool?
    /// The question, by its field's index, whose answer the provider said comes later ("belum tau nomor
    /// direkturnya"), while it is still unanswered: a bare "ok" after it acknowledges the wait and answers nothing
    /// (nil when none; optional so that drafts stored before it existed still read).
    public var putOff: Int?
    /// Whether the provider said the documents still missing come later ("sisanya besok ya"), and sent no file
    /// since: a bare "ok" after it acknowledges the wait, where it was told the documents still missing again (nil
    /// when not; optional so that drafts stored before it existed still read).
    public var documentsPutOff: Bool?

    public init(serviceID: String, stage: Stage) {
        self.serviceID = serviceID
        self.stage = stage
        self.answers = [:]
        self.businessForm = nil
        self.documents = [:]
        self.uploads = []
        self.nextRequirement = nil
        self.lastGuessed = nil
        self.customDescription = nil
    }

    /// Adds `remark` after the contact's earlier ones.
    public mutating func addRemark(_ remark: String) {
        self.remarks = (self.remarks ?? []) + [remark]
    }

    /// The question being asked.
    public enum Stage: Equatable, Codable, Sendable {
        /// Asking the field at this index; `editing` returns to the summary after it.
        case field(index: Int, editing: Bool)
        case consent
        case documents
        case summary
        /// The "what do you want to change?" list.
        case choosingChange
        case editingDescription
        /// `openTicket` was emitted; waiting for `ticketOpened`.
        case submitting
    }

    /// A file received before consent, with the caption that may say what it is.
    public struct HeldFile: Equatable, Codable, Sendable {
        public var file: TicketFile
        public var caption: String?
        /// An attachment, never a checklist document: sent as an image or a video message (a screenshot, a photo,
        /// a screen recording), or any file a form keeps for staff before its privacy notice is accepted.
        public var isPhoto: Bool?

        public init(file: TicketFile, caption: String?, isPhoto: Bool = false) {
            self.file = file
            self.caption = caption
            self.isPhoto = isPhoto ? true : nil
        }
    }

    /// A file in download, assigned to a requirement, or (`attachment-N`) an attachment of a form without a
    /// checklist, such as a screenshot of a problem.
    public struct Upload: Equatable, Codable, Sendable {
        /// Whether the upload fills a checklist requirement (not a free attachment).
        public var isForChecklist: Bool { !Self.isAttachmentKey(self.requirementID) }

        /// The key of a free attachment in `uploads` and `documents`.
        public static func attachmentKey(_ index: Int) -> String { Self.attachmentPrefix + String(index) }

        public static func isAttachmentKey(_ key: String) -> Bool { key.hasPrefix(Self.attachmentPrefix) }

        /// The number of a free attachment's key (`attachment-3` → 3), nil for a requirement id.
        static func attachmentIndex(_ key: String) -> Int? {
            guard Self.isAttachmentKey(key) else { return nil }
            return Int(key.dropFirst(Self.attachmentPrefix.count))
        }

        private static let attachmentPrefix = "attachment-"

        public var mediaID: String
        public var requirementID: String
        public var filename: String
        /// True when the contact did not say which document it is (we picked the next missing one).
        public var guessed: Bool
        /// True for a free attachment sent where the checklist wants a PDF (a photo of the KTP, a Word file): its
        /// confirmation says how to make the PDF.
        public var insteadOfPDF: Bool?

        public init(
            mediaID: String, requirementID: String, filename: String, guessed: Bool, insteadOfPDF: Bool = false
        ) {
            self.mediaID = mediaID
            self.requirementID = requirementID
            self.filename = filename
            self.guessed = guessed
            self.insteadOfPDF = insteadOfPDF ? true : nil
        }
    }
}

extension IntakeDraft {
    /// The free attachments stored so far, in the order they were sent.
    var storedAttachments: [StoredDocument] {
        self.documents.compactMap { key, document in Upload.attachmentIndex(key).map { ($0, document) } }
            .sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Keeps `document`, already stored, as the next free attachment.
    mutating func keepAsAttachment(_ document: StoredDocument) {
        self.documents[self.nextAttachmentKey] = document
    }

    /// The key of the next free attachment: after those stored and those in download.
    private var nextAttachmentKey: String {
        let taken =
            self.documents.keys.filter(Upload.isAttachmentKey).count + self.uploads.filter { !$0.isForChecklist }.count
        return Upload.attachmentKey(taken + 1)
    }

    /// Puts `mediaID` in download as the next free attachment, and returns its key.
    mutating func addAttachmentUpload(mediaID: String, filename: String, insteadOfPDF: Bool = false) -> String {
        let key = self.nextAttachmentKey
        let upload = Upload(
            mediaID: mediaID, requirementID: key, filename: filename, guessed: false, insteadOfPDF: insteadOfPDF)
        self.uploads.append(upload)
        return key
    }
}
