import Testing

@testable import Intents

struct ChoiceExtractorTests {
    @Test(arguments: [
        ("2", 2), ("pilihan 3", 3), ("yang kedua", 2), ("no 2", 2), ("nomor dua", 2), ("yg ke-3 aja", 3),
        ("opsi 1", 1), ("4 kak", 4), ("the second", 2), ("option 5", 5), ("pilih yang pertama", 1),
    ])
    func readsTheChosenOption(_ input: String, _ expected: Int) {
        #expect(ChoiceExtractor.parse(input) == expected)
    }

    @Test(arguments: ["sudah 2 hari belum ada kabar", "1259", "0", "pertama kali daftar", "ya"])
    func findsNoChoiceInOrdinaryText(_ input: String) {
        #expect(ChoiceExtractor.parse(input) == nil)
    }
}
