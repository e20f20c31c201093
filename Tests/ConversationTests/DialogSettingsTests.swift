import Conversation
import Testing

/// Keyword phrases are found as whole words in what a provider wrote, whatever the punctuation and case.
struct DialogSettingsTests {
    let settings = DialogSettings(keywords: [
        "done": ["selesai", "sudah semua"], "privacy": ["data saya"], "accented": ["café"], "none": [],
    ])

    func mentions(_ text: String, _ name: String) -> Bool {
        self.settings.mentions(DialogSettings.spacedWords(text), keywordsNamed: name)
    }

    @Test func aPhraseIsFoundAsWholeWordsOnly() {
        #expect(self.mentions("Selesai", "done"))
        #expect(self.mentions("ok, SUDAH semua ya!", "done"))
        #expect(self.mentions("data saya apa saja?", "privacy"))
        #expect(!self.mentions("belum selesainya", "done"))
        #expect(!self.mentions("sudahsemua", "done"))
        #expect(!self.mentions("sudah", "done"))
        #expect(!self.mentions("", "done"))
        #expect(!self.mentions("selesai", "none"))
        #expect(!self.mentions("selesai", "unknown"))
    }

    /// ASCII text is spaced byte by byte, as the characters would be: letters lowercased, digits kept, anything
    /// else one space per character (a CR LF pair is one character).
    @Test func asciiTextIsSpacedAsItsCharactersAre() {
        func byCharacters(_ text: String) -> String {
            " " + String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }) + " "
        }
        let samples = [
            "", "Selesai", "ok, SUDAH semua ya!", "a\r\nb", "\r\n\r\n", "\n\r", "\r", "NPWP 01.234.567.8-901.000",
            "tab\there\u{7F}end", "~`!@#$%^&*()_+{}|:\"<>?[];',./ Zz09",
        ]
        for text in samples {
            #expect(DialogSettings.spacedWords(text) == byCharacters(text), "\(text.debugDescription)")
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 ,.\r\n\t-_!".unicodeScalars)
        for _ in 0..<500 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String(
                String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            #expect(DialogSettings.spacedWords(text) == byCharacters(text), "\(text.debugDescription)")
        }
    }

    /// Text beyond ASCII is compared by characters: a letter written as a base and a combining accent is the
    /// same letter.
    @Test func textBeyondASCIIMatchesByCharacters() {
        #expect(self.mentions("ke café dulu", "accented"))
        #expect(self.mentions("ke cafe\u{301} dulu", "accented"))
        #expect(self.mentions("selesai 👍", "done"))
        #expect(!self.mentions("cafe", "accented"))
    }
}
