import Support

/// What became of one send call, as the retry policy sees it.
public enum GraphSendOutcome: Equatable, Sendable {
    /// Meta accepted the message and gave it this wamid (accepted, not yet delivered).
    case accepted(wamid: String)
    /// Meta (or something in front of it) answered with an error.
    case rejected(GraphAPIError)
    /// No answer arrived: connection failure or timeout.
    case unreachable(GraphTransportError)

    /// Classifies a raw answer of `POST /messages`.
    public static func classify(_ response: GraphHTTPResponse) -> GraphSendOutcome {
        if (200..<300).contains(response.status),
            let object = GraphJSONReading.object(response.body),
            let wamid = object["messages"]?.elements.lazy.compactMap({ $0["id"]?.stringValue }).first
        {
            return .accepted(wamid: wamid)
        }
        if (200..<300).contains(response.status),
            let object = GraphJSONReading.object(response.body),
            object["success"]?.bool == true
        {
            // Mark-as-read answers `{"success":true}` and carries no wamid.
            return .accepted(wamid: "")
        }
        if (200..<300).contains(response.status) {
            return .rejected(
                GraphAPIError(httpStatus: response.status, code: nil, message: "the answer carried no message id"))
        }
        return .rejected(GraphAPIError.parse(status: response.status, body: response.body))
    }
}
