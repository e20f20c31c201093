/// What the HTTP server hands each complete request to.
///
/// `respond` may complete on any thread, at any later time (for example after a group commit);
/// the server writes responses of pipelined requests in request order whatever order they complete in.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, completion: @escaping @Sendable (HTTPResponse) -> Void)
}
