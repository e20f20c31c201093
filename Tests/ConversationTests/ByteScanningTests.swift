import Foundation
import Testing

@testable import Conversation

/// The reader's byte-by-byte shortcuts for ASCII text give what the character-by-character readings they replace
/// give, for ASCII text and for any other: accents in one character or with a combining mark, other scripts,
/// emoji, CR LF and the other whitespace.
struct ByteScanningTests {
    static let texts = [
        "", " ", "  ", "halo", "Selamat siang Bapak/Ibu, saya dari CV Maju Bersama. Mohon info jadwal?",
        "mau tanya\tjadwal\nverifikasi\r\nbesok\u{0B}ya\u{0C}min\r", "  spasi   di  depan dan belakang  ",
        "Café ÑANDÚ 12 naïve", "cafe\u{301} de\u{301}ja\u{300} vu", "a ,\u{301}b", "こんにちは 世界, 123",
        "emoji 👍🏽 ok 🇮🇩", "no-break\u{00A0}space and\u{2003}em space", "it's the director's number",
        "biayanya berapa? datanya dan nya ", "??", "123 456", "ÀÉÎ sampai àéî", "@[]`{}~ 123 !?",
        "email budi@maju.co.id",
    ]

    @Test(arguments: Self.texts)
    func wordsAreCountedAsAtWhitespaceCharacters(text: String) {
        #expect(text.wordCount == text.split(whereSeparator: \.isWhitespace).count)
        #expect(text.dropFirst().wordCount == text.dropFirst().split(whereSeparator: \.isWhitespace).count)
    }

    @Test(arguments: Self.texts)
    func wordsBetweenSpacesAreThoseOfACharacterSplit(text: String) {
        let words = DialogSettings.spacedWords(text)
        #expect(words.wordsBetweenSpaces == words.split(separator: " "))
        #expect(words.dropFirst(2).wordsBetweenSpaces == words.dropFirst(2).split(separator: " "))
        let everyWord = words.split(separator: " ", omittingEmptySubsequences: false)
        #expect(words.splitAtSpaceBytes(omittingEmpty: false) == everyWord)
    }

    @Test(arguments: Self.texts)
    func aLetterAndAQuestionMarkAreFoundAsCharacters(text: String) {
        #expect(text.containsLetter == text.contains(where: \.isLetter))
        #expect(text.containsASCII("?") == text.contains("?"))
    }

    @Test(arguments: Self.texts)
    func anASCIIReplacementIsFoundationsLiteralOne(text: String) {
        #expect(text.replacingASCII("nya ", with: " ") == text.replacingOccurrences(of: "nya ", with: " "))
        #expect(text.replacingASCII("?", with: "") == text.replacingOccurrences(of: "?", with: ""))
    }

    @Test(arguments: Self.texts)
    func functionWordsAreSplitAsLetters(text: String) {
        let characters = text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
        #expect(LanguageGuess.words(of: text) == characters)
    }
}
