/// An incremental HTTP/1.1 request parser: a pure state machine fed arbitrary byte chunks.
///
/// Append bytes as they arrive, then call `next()` until it returns `nil`. Each call yields at most
/// one event: a complete request (request line, headers and its `Content-Length` body), a request
/// for an interim `100 Continue`, or an error after which the parser yields nothing more.
public struct HTTPParser: Sendable {
    /// What the parser found in the bytes received so far.
    public enum Event: Equatable, Sendable {
        /// A complete request.
        case request(HTTPRequest)
        /// The client waits for `100 Continue` before sending the body of the request being read.
        case continueRequested
        /// The bytes are not a valid request; answer `error.status` and close the connection.
        case failed(HTTPParserError)
    }

    /// Size limits the parser enforces.
    public struct Limits: Equatable, Sendable {
        /// The largest header section (request line and fields, with line ends) accepted; beyond it 431.
        public var maxHeaderBytes: Int
        /// The largest body accepted, decided from `Content-Length` before reading it; beyond it 413.
        public var maxBodyBytes: Int
        /// The largest body of a request to one of these paths (without the query), larger than `maxBodyBytes`
        /// (uploads); a `*` segment stands for any one segment (`/api/tickets/*/files`).
        public var maxBodyBytesByPath: [String: Int]

        public init(
            maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 4 * 1024 * 1024,
            maxBodyBytesByPath: [String: Int] = [:]
        ) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
            self.maxBodyBytesByPath = maxBodyBytesByPath
        }

        /// The largest body a request to `path` may have (a scan of the few paths with a limit of their own:
        /// no allocation on the request path).
        func maxBodyBytes(forPath path: Substring) -> Int {
            for (special, limit) in self.maxBodyBytesByPath where Self.path(path, matches: special) { return limit }
            return self.maxBodyBytes
        }

        /// Whether `path` matches `pattern` segment by segment, `*` matching any one non-empty segment.
        static func path(_ path: Substring, matches pattern: String) -> Bool {
            let slash = UInt8(ascii: "/")
            var rest = path.utf8[...]
            var wanted = pattern.utf8[...]
            while true {
                let segment = rest.prefix { $0 != slash }
                let expected = wanted.prefix { $0 != slash }
                let wildcard = expected.count == 1 && expected.first == UInt8(ascii: "*")
                guard wildcard ? !segment.isEmpty : segment.elementsEqual(expected) else { return false }
                rest = rest.dropFirst(segment.count)
                wanted = wanted.dropFirst(expected.count)
                if rest.isEmpty || wanted.isEmpty { return rest.isEmpty && wanted.isEmpty }
                rest = rest.dropFirst()
                wanted = wanted.dropFirst()
            }
        }
    }

    private enum State: Sendable {
        /// Looking for the end of a header section; `scanned` bytes after `start` hold no terminator.
        case head(scanned: Int)
        /// Waiting for `length` body bytes of `request`.
        case body(HTTPRequest, length: Int, expectsContinue: Bool)
        case failed
    }

    public let limits: Limits
    private var state: State = .head(scanned: 0)
    private var buffer: [UInt8] = []
    /// Index of the first byte of `buffer` not consumed yet.
    private var start = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        self.compact()
        self.buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { self.append($0) }
    }

    /// True when no byte of a next request has arrived and no request is partly read.
    public var isIdle: Bool {
        switch self.state {
        case .head: self.start == self.buffer.count
        case .body, .failed: false
        }
    }

    /// The request whose body is being received, while one is.
    public var requestAwaitingBody: HTTPRequest? {
        if case .body(let request, _, _) = self.state { return request }
        return nil
    }

    /// The declared length of the body being received, while one is.
    public var bodyLength: Int? {
        if case .body(_, let length, _) = self.state { return length }
        return nil
    }

    /// True while the header section of a request is being received.
    public var isReadingHead: Bool {
        switch self.state {
        case .head: self.start < self.buffer.count
        case .body, .failed: false
        }
    }

    /// The next event the buffered bytes complete, or `nil` when more bytes are needed.
    public mutating func next() -> Event? {
        switch self.state {
        case .failed:
            return nil
        case .head(let scanned):
            return self.nextHead(scanned: scanned)
        case .body(let request, let length, let expectsContinue):
            return self.nextBody(request, length: length, expectsContinue: expectsContinue)
        }
    }

    private mutating func nextHead(scanned: Int) -> Event? {
        self.skipLeadingLineEnds()
        let available = self.buffer.count - self.start
        guard let headLength = self.findHeadEnd(from: scanned) else {
            if available > self.limits.maxHeaderBytes {
                return self.fail(.headersTooLarge(limit: self.limits.maxHeaderBytes))
            }
            self.state = .head(scanned: max(0, available - 3))
            return nil
        }
        if headLength > self.limits.maxHeaderBytes {
            return self.fail(.headersTooLarge(limit: self.limits.maxHeaderBytes))
        }
        let parsed = self.buffer.withUnsafeBufferPointer { all in
            HTTPRequestHead.parse(UnsafeBufferPointer(rebasing: all[self.start..<(self.start + headLength - 2)]))
        }
        self.start += headLength
        let head: HTTPRequestHead
        switch parsed {
        case .success(let value): head = value
        case .failure(let error): return self.fail(error)
        }
        // The paths with a larger limit are looked at only for a body above the default one.
        if head.contentLength > self.limits.maxBodyBytes {
            let maxBodyBytes = self.limits.maxBodyBytes(forPath: head.request.path)
            if head.contentLength > maxBodyBytes {
                return self.fail(.bodyTooLarge(length: head.contentLength, limit: maxBodyBytes))
            }
        }
        if head.contentLength == 0 {
            self.state = .head(scanned: 0)
            return .request(head.request)
        }
        return self.nextBody(head.request, length: head.contentLength, expectsContinue: head.expectsContinue)
    }

    private mutating func nextBody(_ request: HTTPRequest, length: Int, expectsContinue: Bool) -> Event? {
        guard self.buffer.count - self.start >= length else {
            self.state = .body(request, length: length, expectsContinue: false)
            return expectsContinue ? .continueRequested : nil
        }
        var complete = request
        complete.body = Array(self.buffer[self.start..<(self.start + length)])
        self.start += length
        self.state = .head(scanned: 0)
        return .request(complete)
    }

    private mutating func fail(_ error: HTTPParserError) -> Event {
        self.state = .failed
        self.buffer = []
        self.start = 0
        return .failed(error)
    }

    /// Ignores empty lines before a request line, as RFC 9112 section 2.2 allows.
    private mutating func skipLeadingLineEnds() {
        while self.start < self.buffer.count, self.buffer[self.start] == 13 || self.buffer[self.start] == 10 {
            if self.buffer[self.start] == 13 {
                guard self.start + 1 < self.buffer.count else { return }
                guard self.buffer[self.start + 1] == 10 else { return }
                self.start += 2
            } else {
                self.start += 1
            }
        }
    }

    /// The length of the header section including its final empty line, when it is complete.
    private func findHeadEnd(from scanned: Int) -> Int? {
        self.buffer.withUnsafeBufferPointer { all -> Int? in
            let end = all.count
            var index = self.start + scanned
            while index + 3 < end {
                if all[index + 3] != 10 {
                    index += all[index + 3] == 13 ? 1 : 4
                    continue
                }
                if all[index] == 13, all[index + 1] == 10, all[index + 2] == 13 {
                    return index + 4 - self.start
                }
                index += 1
            }
            return nil
        }
    }

    /// Drops consumed bytes so the buffer does not grow with the connection's lifetime.
    private mutating func compact() {
        if self.start == self.buffer.count {
            self.buffer.removeAll(keepingCapacity: true)
            self.start = 0
        } else if self.start > 4096, self.start * 2 > self.buffer.count {
            self.buffer.removeFirst(self.start)
            self.start = 0
        }
    }
}
