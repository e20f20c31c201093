import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), as the Graph API stand-in reads a media upload.
struct MultipartForm {
    struct Part: Equatable {
        /// The form field's name.
        var name: String
        /// The file name a file part carries (empty for other fields).
        var filename: String
        var bytes: [UInt8]

        var text: String { String(decoding: self.bytes, as: UTF8.self) }
    }

    /// The parts of `body` separated by `boundary`, or nil when the body is not a well-formed form: it must start
    /// with the first boundary, end with the closing one, and give each part a `Content-Disposition` name.
    static func parts(of body: [UInt8], boundary: String) -> [Part]? {
        let first = Array("--\(boundary)\r\n".utf8)
        guard body.count >= first.count, Array(body[0..<first.count]) == first else { return nil }
        let separator = Array("\r\n--\(boundary)".utf8)
        var parts: [Part] = []
        var start = first.count
        while true {
            guard let end = body[start...].firstRange(of: separator)?.lowerBound else { return nil }
            guard let part = Self.part(body[start..<end]) else { return nil }
            parts.append(part)
            let after = end + separator.count
            guard after + 2 <= body.count else { return nil }
            if body[after] == UInt8(ascii: "-") && body[after + 1] == UInt8(ascii: "-") { return parts }
            guard body[after] == 13 && body[after + 1] == 10 else { return nil }
            start = after + 2
        }
    }

    /// One part: header lines, an empty line, the content.
    private static func part(_ bytes: ArraySlice<UInt8>) -> Part? {
        guard let blank = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let head = String(decoding: bytes[..<blank.lowerBound], as: UTF8.self)
        guard
            let disposition = head.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }),
            let name = Self.parameter("name", in: disposition)
        else { return nil }
        return Part(
            name: name, filename: Self.parameter("filename", in: disposition) ?? "",
            bytes: Array(bytes[blank.upperBound...]))
    }

    /// The quoted value of `key` in a header line such as `form-data; name="file"; filename="a.pdf"`.
    private static func parameter(_ key: String, in line: Substring) -> String? {
        for field in line.split(separator: ";").dropFirst() {
            let pair = field.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix(key + "=\"") && pair.hasSuffix("\"") && pair.count >= key.count + 3 else { continue }
            return String(pair.dropFirst(key.count + 2).dropLast())
        }
        return nil
    }
}
