extension GraphAPIStandIn {
    /// The token the sandbox stand-in expects and its transport sends.
    public static let sandboxAccessToken = "sandbox-token"

    /// The stand-in Loket talks to in sandbox mode (started without WhatsApp credentials): every Graph API
    /// call is answered in-process, recorded and logged as one line.
    public static func sandbox(log: @escaping @Sendable (String) -> Void) -> GraphAPIStandIn {
        GraphAPIStandIn(
            configuration: Configuration(
                accessToken: Self.sandboxAccessToken, publicBaseURL: "http://graph-sandbox.invalid/v21.0", log: log))
    }

    /// An in-process transport to this stand-in carrying its token, for `OutboxSender` and `MediaDownloader`.
    public func localTransport(timeout: Double = 20) -> LocalGraphTransport {
        LocalGraphTransport(responder: self, accessToken: self.configuration.accessToken, timeout: timeout)
    }
}
