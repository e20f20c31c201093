/// Which language a provider writes in, from the function words of one message: "Hello, I need to
/// register my company" is English; "halo, saya mau daftar" and code-mixed lines with Indonesian words are
/// Indonesian. Only a clear case counts; anything else keeps the default.
enum LanguageGuess {
    static func isEnglish(_ text: String) -> Bool {
        let (english, indonesian) = functionWords(in: text)
        return english >= 2 && english >= 2 * indonesian + 2 || english >= 3 && indonesian == 0
    }

    /// Whether `text` has three English function words or more and no Indonesian one: "can we move it to friday?",
    /// not "PT The Best Company".
    static func isPlainlyEnglish(_ text: String) -> Bool {
        let (english, indonesian) = functionWords(in: text)
        return english >= 3 && indonesian == 0
    }

    /// How many of `text`'s words are English function words, and how many Indonesian ones.
    private static func functionWords(in text: String) -> (english: Int, indonesian: Int) {
        let words = Self.words(of: text)
        return (words.filter(Self.englishWords.contains).count, words.filter(Self.indonesianWords.contains).count)
    }

    /// `text`'s words in lower case, split at every character but a letter or an apostrophe; ASCII text byte by
    /// byte, where the letters are `a`–`z` and `A`–`Z`.
    static func words(of text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
        }
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"): word.append(byte)
            default:
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    private static let englishWords: Set<String> = [
        "i", "i'm", "im", "my", "me", "we", "our", "you", "your", "the", "a", "an", "to", "of", "for", "and", "is",
        "are", "am", "was", "be", "have", "has", "need", "want", "would", "like", "please", "hello", "hi", "good",
        "morning", "afternoon", "evening", "how", "what", "when", "where", "can", "could", "do", "does", "not",
        "with", "this", "that", "register", "registration", "company", "help", "thank", "thanks", "ticket",
        // Words an Indonesian chat rarely borrows, unlike "upload", "error", "failed" or "on progress".
        "it", "at", "from", "why", "will", "still", "about", "account", "forgot", "package", "cannot", "can't",
    ]

    private static let indonesianWords: Set<String> = [
        "saya", "aku", "kami", "mau", "ingin", "bisa", "tidak", "gak", "nggak", "yang", "untuk", "utk", "dengan",
        "dan", "apa", "bagaimana", "gimana", "kapan", "dimana", "sudah", "belum", "ini", "itu", "tolong", "mohon",
        "halo", "selamat", "pagi", "siang", "sore", "malam", "terima", "kasih", "daftar", "perusahaan", "pak", "bu",
        "kak", "min", "ada", "di", "ke", "dari", "ya", "tiket", "sy", "mhn",
    ]
}
