/// One parsed HTTP/1.1 request with its whole body.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target as sent: path plus optional `?query`.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The numeric address of the client's end of the connection (set by the server; nil in tests that build
    /// requests by hand). Behind a reverse proxy this is the proxy.
    public var remoteAddress: String?

    public init(
        method: String, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The path without the query.
    public var path: Substring {
        Self.path(of: self.target)
    }

    /// The raw query string after `?`, if any.
    public var query: Substring? {
        guard let mark = Self.queryMark(in: self.target) else { return nil }
        return self.target[self.target.utf8.index(after: mark)...]
    }

    /// `target` up to its query.
    static func path(of target: String) -> Substring {
        Self.queryMark(in: target).map { target[..<$0] } ?? target[...]
    }

    /// Where the `?` before the query is: found among the bytes, since looking for the character walks the
    /// target grapheme by grapheme, at a hundred times the cost on every request.
    private static func queryMark(in target: String) -> String.Index? {
        target.utf8.firstIndex(of: UInt8(ascii: "?"))
    }
}

/// The HTTP version of a request.
public struct HTTPVersion: Equatable, Sendable {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)
}

/// Header fields in arrival order; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// No fields yet, with room for `capacity` of them.
    init(capacity: Int) {
        self.fields.reserveCapacity(capacity)
    }

    public mutating func add(name: String, value: String) {
        self.fields.append((name: name, value: value))
    }

    /// The first value of `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        for field in self.fields where Self.namesMatch(field.name, name) { return field.value }
        return nil
    }

    /// Every value of `name`, compared case-insensitively, in arrival order.
    public func values(for name: String) -> [String] {
        self.fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Compares two field names ignoring ASCII case, without allocating.
    static func namesMatch(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard leftBytes.count == rightBytes.count else { return false }
                for index in 0..<leftBytes.count where leftBytes[index] != rightBytes[index] {
                    let a = leftBytes[index]
                    let b = rightBytes[index]
                    guard a | 0x20 == b | 0x20, (97...122).contains(a | 0x20) else { return false }
                }
                return true
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        self.fields.makeIterator()
    }
}
