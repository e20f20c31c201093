/// A choice offered as a button or list row; typed numbers pick by position.
struct ChoiceOption: Equatable {
    var reply: ReplyID
    var title: String
    var description: String?

    init(_ reply: ReplyID, title: String, description: String? = nil) {
        self.reply = reply
        self.title = title
        self.description = description
    }

    /// The id WhatsApp sends back when the option is tapped.
    var id: String { self.reply.rawValue }
}
