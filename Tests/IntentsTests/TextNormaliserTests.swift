import Testing

@testable import Intents

struct TextNormaliserTests {
    let normaliser = TextNormaliser(
        slang: [
            "sy": "saya", "gmn": "bagaimana", "tdk": "tidak", "gak": "tidak", "tq": "terima kasih", "uid": "user id",
        ],
        typos: ["pasword": "password", "terimakasih": "terima kasih"],
        vocabulary: ["halo", "maaf", "saat", "mau", "reset", "password", "oke", "siap"])

    @Test func foldsCaseAndSlang() {
        #expect(self.normaliser.normalise("Sy GAK bisa, gmn?") == "saya tidak bisa bagaimana ?")
    }

    @Test func expandsAbbreviationsIntoSeveralWords() {
        #expect(self.normaliser.normalise("tq, uid saya") == "terima kasih user id saya")
    }

    @Test func correctsTypos() {
        #expect(self.normaliser.normalise("mau reset pasword") == "mau reset password")
        #expect(self.normaliser.normalise("terimakasih") == "terima kasih")
    }

    @Test func collapsesRepeatedLettersToAKnownWord() {
        #expect(self.normaliser.normalise("haloooo") == "halo")
        #expect(self.normaliser.normalise("okeee siaaap") == "oke siap")
        #expect(self.normaliser.normalise("maaaaf") == "maaf")
    }

    @Test func keepsLegitimateDoubleLetters() {
        #expect(self.normaliser.normalise("maaf saat") == "maaf saat")
    }

    @Test func foldsUnknownRunsOfThreeOrMoreToOneLetter() {
        #expect(self.normaliser.normalise("wkwkwkkkk hmmmm") == "wkwkwk hm")
    }

    @Test func keepsMeaningfulEmojiAsTokens() {
        #expect(self.normaliser.tokens("oke 👍") == ["oke", "👍"])
        #expect(self.normaliser.tokens("🙏🏻") == ["🙏"])
    }

    @Test func readsATwoAfterAWordAsItsRepetition() {
        #expect(self.normaliser.normalise("pikir2 dulu") == self.normaliser.normalise("pikir-pikir dulu"))
        #expect(self.normaliser.tokens("apa2") == ["apa", "apa"])
        #expect(self.normaliser.tokens("jam 2") == ["jam", "<num>"])
        #expect(self.normaliser.tokens("lantai2b") == ["lantai", "<num>", "b"])
    }

    @Test func correctsOneSlipInALongUnknownWordToTheOnlyKnownWordThatClose() {
        let normaliser = TextNormaliser(
            slang: [:], typos: ["tiker": "tiket"],
            vocabulary: ["dokumen", "pendaftaran", "password", "kantor", "kontar", "email"])
        #expect(normaliser.normalise("dokumne") == "dokumen")
        #expect(normaliser.normalise("pendaftran") == "pendaftaran")
        #expect(normaliser.normalise("pasword") == "password")
        // Two known words are one slip away: nothing is guessed.
        #expect(normaliser.normalise("kontor") == "kontor")
        // Short words and listed misspellings are not targets: "gmail" stays, "stiker" does not become "tiker".
        #expect(normaliser.normalise("gmail") == "gmail")
        #expect(normaliser.normalise("stiker") == "stiker")
    }

    @Test func marksClauseBreaksAndNumberShapes() {
        #expect(self.normaliser.tokens("tiket 1259. hp 081234567890") == ["tiket", "<num>", ",", "hp", "<long>"])
    }
}
