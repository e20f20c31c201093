// What a WhatsApp message shares that is neither text nor a file: a contact card or a location. The webhook's
// parser builds them and the conversation reads them, as one type each.

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
