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

    /// Text beyond ASCII is compared by characters: a letter written as a base and a combining accent is the
    /// same letter.
    @Test func textBeyondASCIIMatchesByCharacters() {
        #expect(self.mentions("ke café dulu", "accented"))
        #expect(self.mentions("ke cafe\u{301} dulu", "accented"))
        #expect(self.mentions("selesai 👍", "done"))
        #expect(!self.mentions("cafe", "accented"))
    }
}
