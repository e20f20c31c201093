import Testing

@testable import Intents

struct MessageLexerTests {
    /// Words keep their written form and are lowercased in `text`, ASCII or not; numbers keep the separators
    /// people type inside them; a 2 straight after a word repeats it.
    @Test func tokensKeepTheWrittenFormBesideTheLowercasedOne() {
        let tokens = MessageLexer.tokens(of: "Halo PT ÄBC Jaya, NPWP 01.234.567.8-901.000 Bapak’s pikir2 +62 812\nOK")
        let expected: [(MessageToken.Kind, String, String)] = [
            (.word, "halo", "Halo"), (.word, "pt", "PT"), (.word, "äbc", "ÄBC"), (.word, "jaya", "Jaya"),
            (.symbol, ",", ","), (.word, "npwp", "NPWP"), (.number, "01.234.567.8-901.000", "01.234.567.8-901.000"),
            (.word, "bapak's", "Bapak’s"), (.word, "pikir", "pikir"), (.word, "pikir", "pikir"),
            (.number, "+62", "+62"), (.number, "812", "812"), (.symbol, "\n", "\n"), (.word, "ok", "OK"),
        ]
        #expect(tokens == expected.map { MessageToken(kind: $0.0, text: $0.1, raw: $0.2) })
    }
}
