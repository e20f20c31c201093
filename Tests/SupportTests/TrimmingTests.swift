import Foundation
import Support
import Testing

/// The standard-library trimming gives what Foundation's does, for every scalar either one would trim.
struct TrimmingTests {
    /// Every scalar of the Basic Multilingual Plane and a few beyond, each alone and around a word.
    private static let scalars: [Unicode.Scalar] =
        (0...0xFFFF).compactMap(Unicode.Scalar.init)
        + [Unicode.Scalar(0x1F44B)!, Unicode.Scalar(0xE0020)!]

    @Test func whitespaceIsWhatFoundationTrimsAsWhitespaceAndNewlines() {
        for scalar in Self.scalars {
            let text = "\(scalar)kata\(scalar)"
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "U+\(String(scalar.value, radix: 16))")
        }
        #expect("  \t Selesai 👍\r\n\u{00A0}".trimmingWhitespace() == "Selesai 👍")
        #expect(" \n ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }

    @Test func spacesTabsAndPunctuationAreFoundationsSets() {
        // Foundation's tables predate Unicode 16, which added punctuation of its own.
        for scalar in Self.scalars where (scalar.properties.age.map { $0.major < 16 } ?? true) {
            #expect(
                scalar.isSpaceOrTab == CharacterSet.whitespaces.contains(scalar), "U+\(String(scalar.value, radix: 16))"
            )
            #expect(
                scalar.isPunctuation == CharacterSet.punctuationCharacters.contains(scalar),
                "U+\(String(scalar.value, radix: 16))")
        }
        #expect("...  selesai!! \n".trimming { $0.isPunctuation || $0.isSpaceOrTab } == "selesai!! \n")
    }
}
