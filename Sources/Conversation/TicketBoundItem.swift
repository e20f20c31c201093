/// Something the provider sent while several tickets are open, kept until they say which ticket it is about.
public enum TicketBoundItem: Equatable, Codable, Sendable {
    case message(ReporterMessage)
    case file(TicketFile)
    /// "batalkan tiket" with several open and none named: the ticket chosen is withdrawn with this message.
    case withdrawal(ReporterMessage)
}
