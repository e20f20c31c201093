/// Finds which listed option a reply picks: "2", "pilihan 3", "opsi 2", "no 2", "nomor dua", "yang kedua",
/// "yg ke-2", "the second", "option 3".
public enum ChoiceExtractor {
    /// The 1-based option chosen in `text`.
    public static func parse(_ text: String) -> Int? {
        let tokens = MessageLexer.tokens(of: text)
        var claimed = [Bool](repeating: false, count: tokens.count)
        return Self.parse(tokens, claimed: &claimed)
    }

    static func parse(_ tokens: [MessageToken], claimed: inout [Bool]) -> Int? {
        // A menu line echoed back: "3) Jadwal verifikasi", "2. Reset password" (the lexer keeps ")" in the number).
        if tokens.count >= 2, !claimed[0], tokens[0].kind == .number {
            let text = tokens[0].text
            if text.hasSuffix(")"), tokens[1].kind == .word, let value = Int(text.dropLast()), (1...20).contains(value)
            {
                claimed[0] = true
                return value
            }
            if tokens.count >= 3, tokens[1].text == "." || tokens[1].text == ")", tokens[2].kind == .word,
                let value = Self.value(tokens, at: 0)
            {
                claimed[0] = true
                claimed[1] = true
                return value
            }
        }
        // "yang paling atas", "paling atas aja": the first option.
        for index in tokens.indices.dropLast() where tokens[index].text == "paling" && !claimed[index] {
            if ["atas", "pertama", "awal"].contains(tokens[index + 1].text) {
                claimed[index] = true
                claimed[index + 1] = true
                return 1
            }
        }
        for index in tokens.indices where !claimed[index] && tokens[index].kind == .word {
            let text = tokens[index].text
            if Self.keywords.contains(text) {
                var position = index + 1
                while position < tokens.count,
                    tokens[position].text == "." || tokens[position].text == ":"
                        || tokens[position].text == "#" || tokens[position].text == "ke"
                {
                    position += 1
                }
                if position < tokens.count, !claimed[position], let value = Self.value(tokens, at: position) {
                    for claimedIndex in index...position { claimed[claimedIndex] = true }
                    return value
                }
            }
            if Self.ordinalLeads.contains(text), index + 1 < tokens.count, !claimed[index + 1] {
                if let value = Self.ordinals[tokens[index + 1].text] {
                    claimed[index] = true
                    claimed[index + 1] = true
                    return value
                }
                if tokens[index + 1].text == "ke" {
                    var position = index + 2
                    if position < tokens.count, tokens[position].text == "-" { position += 1 }
                    if position < tokens.count, !claimed[position], let value = Self.value(tokens, at: position) {
                        for claimedIndex in index...position { claimed[claimedIndex] = true }
                        return value
                    }
                }
            }
        }
        // A reply that is only a number or a number word, with polite words around it.
        var candidate: (index: Int, value: Int)?
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .symbol:
                continue
            case .word where Self.fillers.contains(token.text):
                continue
            case .word, .number:
                guard candidate == nil, !claimed[index],
                    let value = Self.value(tokens, at: index)
                        ?? Self.ordinals[token.text]
                else { return nil }
                candidate = (index, value)
            }
        }
        guard let candidate else { return nil }
        claimed[candidate.index] = true
        return candidate.value
    }

    private static func value(_ tokens: [MessageToken], at index: Int) -> Int? {
        let token = tokens[index]
        if let number = token.intValue, token.text.count <= 2, (1...20).contains(number) { return number }
        return Self.numberWords[token.text]
    }

    private static let keywords: Set<String> = [
        "pilihan", "pilih", "opsi", "option", "nomor", "nomer", "no", "angka", "number", "choice", "menu", "poin",
        "jadwal", "slot",
    ]
    private static let ordinalLeads: Set<String> = ["yang", "yg", "the", "pilihan", "opsi", "nomor", "no", "pilih"]
    private static let fillers: Set<String> = [
        "aja", "saja", "ya", "yaa", "kak", "min", "admin", "pak", "bu", "gan", "mas", "mbak", "deh", "dong", "sis",
        "please", "pls", "itu", "tolong", "mohon",
    ]
    private static let numberWords: [String: Int] = [
        "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
        "sepuluh": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10,
    ]
    private static let ordinals: [String: Int] = [
        "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
        "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10, "first": 1, "second": 2, "third": 3, "fourth": 4,
        "fifth": 5,
    ]
}
