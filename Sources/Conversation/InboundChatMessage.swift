import Intents

/// One message from the provider, as parsed from the webhook (already classified when it is text).
public struct InboundChatMessage: Equatable, Sendable {
    /// The wamid.
    public var id: String
    public var kind: Kind

    public init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// The message types WhatsApp delivers, reduced to what the conversation needs.
    public enum Kind: Equatable, Sendable {
        case text(String, Classification)
        case buttonReply(id: String, title: String)
        case listReply(id: String, title: String)
        case document(
            mediaID: String, filename: String, mimeType: String, size: Int?, sha256: String?, caption: String?)
        case image(mediaID: String, caption: String?)
        /// A voice note or an audio file, with the MIME type WhatsApp declared and its SHA-256 if given.
        case audio(mediaID: String, mimeType: String, sha256: String?)
        case video
        case sticker
        case location(SharedLocation)
        case contacts([ContactCard])
        /// An emoji put on one of the chat's messages; nil when it was taken back.
        case reaction(emoji: String?)
        case unsupported
    }
}

/// A contact card the provider shared ("share contact" on the phone): the name it shows and its numbers.
public struct ContactCard: Equatable, Sendable {
    public var name: String?
    public var phones: [Phone]

    public init(name: String?, phones: [Phone]) {
        self.name = name
        self.phones = phones
    }

    /// One number on the card: as saved in the phone book, and the WhatsApp id when the number uses WhatsApp.
    public struct Phone: Equatable, Sendable {
        public var number: String?
        public var waID: String?

        public init(number: String?, waID: String?) {
            self.number = number
            self.waID = waID
        }

        /// The number to read: the WhatsApp id (which the app has checked) before the phone book's spelling.
        public var written: String? { self.waID.map { "+" + $0 } ?? self.number }
    }
}

/// A location the provider shared: a pin, with the place's name and address when WhatsApp gives them.
public struct SharedLocation: Equatable, Sendable {
    public var latitude: Double?
    public var longitude: Double?
    public var name: String?
    public var address: String?

    public init(latitude: Double?, longitude: Double?, name: String? = nil, address: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.name = name
        self.address = address
    }
}
