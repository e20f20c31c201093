/// UU 27/2022 and the NIK's own rules: a NIK is never echoed back in full. A 16-digit number that does not
/// start with 0 is a NIK (an individual's NPWP since 2024 is their NIK; a company's 16-digit NPWP starts with
/// 0), and the chat shows it as its first six and last four digits: "320123••••••0001".
enum NIKMask {
    static func masked(_ text: String) -> String {
        let digits = Array(text.utf8)
        var runs: [Range<Int>] = []
        var index = 0
        while index < digits.count {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < digits.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[index]) { index += 1 }
            if index - start == 16, digits[start] != UInt8(ascii: "0") { runs.append(start..<index) }
        }
        guard !runs.isEmpty else { return text }
        var bytes = digits
        for run in runs.reversed() {
            let hidden = Array("••••••".utf8)
            bytes.replaceSubrange((run.lowerBound + 6)..<(run.upperBound - 4), with: hidden)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
