import Foundation
import Support

/// Splits long texts into WhatsApp-sized messages at paragraph, then sentence, then word boundaries.
enum TextSplitter {
    static func split(_ text: String, limit: Int = 4096) -> [String] {
        guard text.count > limit else { return [text] }
        var parts: [String] = []
        var current = ""
        for piece in pieces(of: text, limit: limit) {
            if current.isEmpty {
                current = piece
            } else if current.count + piece.count <= limit {
                current += piece
            } else {
                parts.append(current.trimmingWhitespace())
                current = piece
            }
        }
        if !current.isEmpty { parts.append(current.trimmingWhitespace()) }
        return parts.filter { !$0.isEmpty }
    }

    /// Pieces no longer than `limit`, each keeping its trailing separator.
    private static func pieces(of text: String, limit: Int) -> [String] {
        var result: [String] = []
        for paragraph in cut(text, after: "\n") {
            if paragraph.count <= limit {
                result.append(paragraph)
                continue
            }
            for sentence in cut(paragraph, after: ".!?") {
                if sentence.count <= limit {
                    result.append(sentence)
                    continue
                }
                for word in cut(sentence, after: " ") {
                    var rest = Substring(word)
                    while rest.count > limit {
                        result.append(String(rest.prefix(limit)))
                        rest = rest.dropFirst(limit)
                    }
                    result.append(String(rest))
                }
            }
        }
        return result
    }

    private static func cut(_ text: String, after separators: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if separators.contains(character) {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
