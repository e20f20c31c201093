/// The parsed header section of one request, before its body arrives.
struct HTTPRequestHead: Sendable {
    var request: HTTPRequest
    var contentLength: Int
    var expectsContinue: Bool

    /// Parses a request line and header fields, each line ending in CRLF (the final empty line excluded).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<HTTPRequestHead, HTTPParserError> {
        var lines = HTTPLineCursor(bytes: bytes)
        guard let requestLine = lines.nextLine() else { return .failure(.badRequestLine) }
        let method: String
        let target: String
        let version: HTTPVersion
        switch parseRequestLine(requestLine) {
        case .success(let line): (method, target, version) = line
        case .failure(let error): return .failure(error)
        }

        var headers = HTTPHeaders(capacity: 16)
        var contentLength: Int?
        var hostCount = 0
        var transferEncoding: String?
        var expectsContinue = false
        while let line = lines.nextLine() {
            guard let (name, value) = parseField(line) else { return .failure(.badHeader) }
            let nameString = String(decoding: name, as: UTF8.self)
            let valueString = String(decoding: value, as: UTF8.self)
            headers.add(name: nameString, value: valueString)
            switch name.count {
            case 4 where name.equalsLowercase("host"):
                hostCount += 1
            case 6 where name.equalsLowercase("expect"):
                guard valueString.lowercased() == "100-continue" else { return .failure(.unsupportedExpectation) }
                expectsContinue = version == .http11
            case 14 where name.equalsLowercase("content-length"):
                guard let length = parseContentLength(value), contentLength == nil || contentLength == length else {
                    return .failure(.badContentLength)
                }
                contentLength = length
            case 17 where name.equalsLowercase("transfer-encoding"):
                transferEncoding = (transferEncoding.map { $0 + "," } ?? "") + valueString
            default:
                break
            }
        }
        if let transferEncoding {
            guard contentLength == nil, version == .http11 else { return .failure(.badTransferEncoding) }
            let codings = transferEncoding.split(separator: ",").map { $0.trimmingSpaces().lowercased() }
            guard codings.last == "chunked" else { return .failure(.badTransferEncoding) }
            return .failure(.chunkedBodyUnsupported)
        }
        if version == .http11, hostCount != 1 { return .failure(.missingHost) }
        if hostCount > 1 { return .failure(.missingHost) }
        let request = HTTPRequest(method: method, target: target, version: version, headers: headers)
        return .success(
            HTTPRequestHead(request: request, contentLength: contentLength ?? 0, expectsContinue: expectsContinue))
    }

    private static func parseRequestLine(
        _ line: UnsafeBufferPointer<UInt8>
    ) -> Result<(String, String, HTTPVersion), HTTPParserError> {
        guard let firstSpace = line.firstIndex(of: 32), firstSpace > 0 else { return .failure(.badRequestLine) }
        let methodBytes = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        guard methodBytes.allSatisfy(\.isTokenByte) else { return .failure(.badRequestLine) }
        let rest = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)...])
        guard let secondSpace = rest.firstIndex(of: 32), secondSpace > 0 else { return .failure(.badRequestLine) }
        let targetBytes = UnsafeBufferPointer(rebasing: rest[..<secondSpace])
        guard targetBytes.allSatisfy({ $0 > 32 && $0 < 127 }) else { return .failure(.badRequestLine) }
        let versionBytes = UnsafeBufferPointer(rebasing: rest[(secondSpace + 1)...])
        guard versionBytes.count == 8, versionBytes[0] == 72, versionBytes[1] == 84, versionBytes[2] == 84,
            versionBytes[3] == 80, versionBytes[4] == 47, versionBytes[6] == 46,
            (48...57).contains(versionBytes[5]), (48...57).contains(versionBytes[7])
        else { return .failure(.badRequestLine) }
        let version = HTTPVersion(major: Int(versionBytes[5] - 48), minor: Int(versionBytes[7] - 48))
        guard version == .http11 || version == .http10 else { return .failure(.unsupportedVersion) }
        return .success(
            (String(decoding: methodBytes, as: UTF8.self), String(decoding: targetBytes, as: UTF8.self), version))
    }

    /// Splits `name: value` with optional whitespace around the value; rejects folding and control bytes.
    private static func parseField(
        _ line: UnsafeBufferPointer<UInt8>
    ) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)? {
        guard let colon = line.firstIndex(of: 58), colon > 0 else { return nil }
        let name = UnsafeBufferPointer(rebasing: line[..<colon])
        guard name.allSatisfy(\.isTokenByte) else { return nil }
        var lower = colon + 1
        var upper = line.count
        while lower < upper, line[lower] == 32 || line[lower] == 9 { lower += 1 }
        while upper > lower, line[upper - 1] == 32 || line[upper - 1] == 9 { upper -= 1 }
        let value = UnsafeBufferPointer(rebasing: line[lower..<upper])
        guard value.allSatisfy({ $0 >= 32 && $0 != 127 || $0 == 9 }) else { return nil }
        return (name, value)
    }

    /// A decimal length, or a comma-separated list of identical ones; `nil` when invalid.
    private static func parseContentLength(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        var result: Int?
        var rest = value[...]
        while true {
            // One comma-separated part at a time, without collecting them first.
            let comma = rest.firstIndex(of: 44)
            var digits = rest[..<(comma ?? rest.endIndex)]
            while let first = digits.first, first == 32 || first == 9 { digits = digits.dropFirst() }
            while let last = digits.last, last == 32 || last == 9 { digits = digits.dropLast() }
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var length = 0
            for digit in digits {
                guard (48...57).contains(digit) else { return nil }
                length = length * 10 + Int(digit - 48)
            }
            guard result == nil || result == length else { return nil }
            result = length
            guard let comma else { return result }
            rest = rest[(comma + 1)...]
        }
    }
}

/// Walks CRLF-terminated lines of a header section.
private struct HTTPLineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func nextLine() -> UnsafeBufferPointer<UInt8>? {
        guard self.position < self.bytes.count else { return nil }
        var index = self.position
        while index + 1 < self.bytes.count, !(self.bytes[index] == 13 && self.bytes[index + 1] == 10) {
            index += 1
        }
        let line = UnsafeBufferPointer(rebasing: self.bytes[self.position..<min(index, self.bytes.count)])
        self.position = index + 2
        return line
    }
}

extension UInt8 {
    /// A `tchar` of RFC 9110: the bytes allowed in methods and field names.
    fileprivate var isTokenByte: Bool {
        switch self {
        case 48...57, 65...90, 97...122: true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: true
        default: false
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes equal the given lowercase ASCII text, ignoring ASCII case.
    fileprivate func equalsLowercase(_ lowercase: StaticString) -> Bool {
        guard self.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for index in 0..<self.count {
            let byte = self[index]
            let folded = (65...90).contains(byte) ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
