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

    /// A phrase with punctuation or capitals ("don't have it yet", "e-mail") never matched: messages are read
    /// as spaced words ("don t"), and the phrase is read the same way now.
    @Test func aPhraseWithPunctuationIsFound() {
        let settings = DialogSettings(keywords: ["later": ["don't have it yet", "E-mail"]])
        #expect(settings.mentions(text: "sorry, I don't have it yet", keywordsNamed: "later"))
        #expect(settings.mentions(text: "sudah saya kirim lewat e-mail", keywordsNamed: "later"))
        #expect(settings.mentions(text: "kirim via e mail", keywordsNamed: "later"))
        #expect(!settings.mentions(text: "email", keywordsNamed: "later"))
    }

    /// A word repeated with a 2 ("tanya2", "data2") says what the word says, in a message and in a phrase: "mo
    /// tanya2 soal e-katalog" asks as "mau tanya" does. A 2 after a single letter or a number stays what it is.
    @Test func aWordRepeatedWithATwoIsTheWord() {
        let settings = DialogSettings(keywords: [
            "asking": ["mau tanya"], "erase": ["hapus data2"], "levels": ["level 2"], "short": ["a2"],
        ])
        #expect(settings.mentions(text: "mau tanya2 soal e-katalog", keywordsNamed: "asking"))
        #expect(settings.mentions(text: "hapus data2 saya", keywordsNamed: "erase"))
        #expect(settings.mentions(text: "hapus data saya", keywordsNamed: "erase"))
        #expect(settings.mentions(text: "eskalasi ke level 2", keywordsNamed: "levels"))
        #expect(!settings.mentions(text: "eskalasi ke level2", keywordsNamed: "levels"))
        #expect(settings.mentions(text: "kelas a2", keywordsNamed: "short"))
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

    /// An English possessive's apostrophe and "s" are left out, in ASCII and beyond it; an apostrophe elsewhere
    /// is punctuation, as before.
    @Test func aPossessiveReadsAsItsWord() {
        let spaced = [
            "our company's director": " our company director ", "OUR COMPANY'S DIRECTOR": " our company director ",
            "our company\u{2019}s director": " our company director ", "café\u{2019}s menu": " café menu ",
            "the director's": " the director ", "it's ok": " it ok ", "boss's office": " boss office ",
            "'s": "  s ", "5's": " 5 s ", "that'sall": " that sall ", "jum'at": " jum at ",
            "dogs' bowl": " dogs  bowl ",
            "company's's": " company ", "rock'n'roll": " rock n roll ", "\u{2019}s": "  s ",
        ]
        for (text, words) in spaced {
            #expect(DialogSettings.spacedWords(text) == words, "\(text.debugDescription)")
        }
        let settings = DialogSettings(keywords: ["director": ["company director"]])
        #expect(settings.mentions(text: "our company's director changed", keywordsNamed: "director"))
        #expect(!settings.mentions(text: "our company, director", keywordsNamed: "director"))
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

/// Keyword lists are read through an index by first word; it finds what reading phrase by phrase finds, at the
/// same place, for every list the dialogs ship and messages as providers write them.
struct PhraseIndexTests {
    @Test func theIndexFindsWhatEachPhraseFinds() throws {
        let settings = try DialogCatalogue.load(dialogsDirectory: Fixtures.dialogsDirectory).settings
        let messages = [
            "", "halo", "mau daftar akun spse utk perusahaan kami", "min sy mau update akta perubahan",
            "alamat kantor kami pindah ke jl sudirman", "mau, komplain", "mau komplain", "sudah  beres min",
            "ga usah survei min", "tolong dipercepat ya min, tender tutup besok", "cafe\u{301} di kantor",
            "Hi, I need to register my company, what documents do you need?", "sy udh daftar tp blm bs login2",
            "kok ga bisa upload dokumen kualifikasi ya?", "gimana caranya ikut tender?", "4 semua",
        ]
        for message in messages {
            let words = DialogSettings.spacedWords(message)
            for (name, phrases) in settings.keywords {
                #expect(
                    settings.firstMention(in: words, keywordsNamed: name)
                        == DialogSettings.firstMention(in: words, of: phrases),
                    "\(name) in \(message.debugDescription)")
            }
        }
    }

    /// Read through the recognizer's chat spellings, a phrase is found whichever spelling of its words a message
    /// uses: "blm bs" has "belum bisa"; a `filler` word keeps its own meaning ("min" is no "admin").
    @Test func chatSpellingsOfAPhrasesWordsFindIt() throws {
        let raw = try DialogCatalogue.load(dialogsDirectory: Fixtures.dialogsDirectory).settings
        let settings = try Fixtures.catalogue().settings
        let found: [(String, String)] = [
            ("dah kelar min", "done"), ("sy ntar kirim ya", "later"), ("msh sama aja", "notSolved"),
            ("udh bs login", "worksNow"), ("kpn jadwal vc nya", "questionWords"), ("bsk ada jdwl verif?", "booking"),
        ]
        for (message, name) in found {
            #expect(settings.mentions(text: message, keywordsNamed: name), "\(name) in \(message)")
            #expect(!raw.mentions(text: message, keywordsNamed: name), "\(name) listed for \(message) already")
        }
        for message in ["ok min", "mimin mau tanya", "halo min, sy mau daftar"] {
            #expect(!settings.mentions(text: message, keywordsNamed: "human"), "\(message)")
        }
        #expect(settings.mentions(text: "mau ke petugas aja", keywordsNamed: "human"))
        #expect(!DialogSettings(keywords: ["done": ["selesai"]]).spelled(with: ["kelar": "selesai"]).spellings.isEmpty)
    }

    @Test func canonicallyEquivalentSpellingsMatch() {
        let settings = DialogSettings(keywords: ["accented": ["café di kantor"]])
        #expect(settings.mentions(text: "Cafe\u{301} di kantor ya", keywordsNamed: "accented"))
        #expect(!settings.mentions(text: "cafe di kantor", keywordsNamed: "accented"))
    }

    @Test func changedKeywordsAreIndexedAgain() {
        var settings = DialogSettings(keywords: ["done": ["selesai"]])
        settings.keywords["done"] = ["sudah semua"]
        #expect(settings.mentions(text: "ok sudah semua", keywordsNamed: "done"))
        #expect(!settings.mentions(text: "selesai", keywordsNamed: "done"))
    }
}
