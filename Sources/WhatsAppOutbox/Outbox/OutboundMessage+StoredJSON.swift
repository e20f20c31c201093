import Support

extension OutboundMessage {
    /// The message as the outbox stores it: exactly the JSON a `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` writes for the synthesized `Codable` conformance (so `JSONDecoder` reads
    /// it back, and rows written either way look alike), built by hand because the dispatcher queues two
    /// messages per inbound one and `JSONEncoder` cost more than the rest of the insert.
    var storedJSON: String {
        var writer = JSONWriter()
        writer.object { object in
            if let template = self.fallbackTemplate {
                object.member("fallbackTemplate") { $0.template(template) }
            }
            object.member("payload") { $0.payload(self.payload) }
            if let replyTo = self.replyTo {
                object.member("replyTo") { $0.string(replyTo) }
            }
            object.member("to") { $0.string(self.to) }
        }
        return writer.output
    }
}
