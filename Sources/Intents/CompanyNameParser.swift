import Foundation
import Support

/// Finds a company name with its legal form and writes it the standard way: "PT. maju jaya" → "PT Maju Jaya"
/// (form PT), "cv. sinar abadi" → "CV Sinar Abadi", "pt (persero) pertamina" → "PT Pertamina (Persero)",
/// "kop. sejahtera" → "Koperasi Sejahtera", "fa. untung" → "Firma Untung", "perorangan a.n. Budi" → "Budi".
public enum CompanyNameParser {
    /// The first company named in `text`.
    public static func parse(_ text: String) -> Company? {
        let tokens = MessageLexer.tokens(of: text)
        var claimed = [Bool](repeating: false, count: tokens.count)
        return Self.parse(tokens, claimed: &claimed)
    }

    /// A direct answer to "what is the company's name?": the name as typed without its legal form, and the
    /// form when it is written before or after the name ("PT. Maju Jaya", "Sinar Abadi, CV"); nil when the
    /// answer holds no name (no letter, fewer than 2 or more than 120 characters). Words that only lead in to
    /// the name are left out: "saya perorangan, nama usaha Toko Budi" is Toko Budi, Perorangan. A name typed
    /// all in lower case, as phones leave it, is written with capitals ("pt maju jaya abadi" is Maju Jaya Abadi);
    /// any other is kept as typed ("MAJU JAYA", "eCommerce Nusantara").
    public static func answer(_ text: String) -> (name: String, form: BusinessForm?)? {
        let cleaned = Self.trimmed(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard cleaned.count >= 2, cleaned.count <= 120, cleaned.contains(where: \.isLetter) else { return nil }
        var words = Self.droppingTrailers(Self.droppingLeadIns(cleaned.split(separator: " ").map(String.init)))
        if let (form, length) = Self.fullForm(startingWith: words), words.count > length {
            // "usaha dagang sumber rejeki", "Perseroan Terbatas Maju Jaya": the form's full name before the name.
            words = Self.droppingLeadIns(Array(words.dropFirst(length)))
            return (Self.written(words), form)
        }
        if words.count > 1, let form = Self.form(Self.trimmed(words[0])) {
            words = Self.droppingLeadIns(Array(words.dropFirst()))
            return (Self.written(words), form)
        }
        if words.count > 1, let last = words.last, let form = Self.form(Self.trimmed(last)) {
            words.removeLast()
            return (Self.written(words), form)
        }
        // "Global Tech Solutions Pte Ltd": a foreign company, its legal form part of its name.
        return (Self.written(words), words.count > 1 && Self.endsWithForeignForm(words) ? .asing : nil)
    }

    /// The name `words` make, as an answer keeps it: with a capital at each word when it was typed all in lower
    /// case, except the joining words after the first ("toko budi dan anak" is Toko Budi dan Anak).
    private static func written(_ words: [String]) -> String {
        let name = Self.trimmed(words.joined(separator: " "))
        guard !name.contains(where: \.isUppercase) else { return name }
        return name.split(separator: " ").enumerated().map { index, word in
            if index > 0, Self.joiningWords.contains(String(word)) { return String(word) }
            // The first letter of each part: "sumber-rejeki" is Sumber-Rejeki, "(persero)" (Persero).
            var capitalizeNext = true
            return String(
                word.map { character -> String in
                    defer { if character == "-" { capitalizeNext = true } }
                    guard capitalizeNext, character.isLetter else { return String(character) }
                    capitalizeNext = false
                    return character.uppercased()
                }.joined())
        }.joined(separator: " ")
    }

    /// Words that join a name's words and keep their lower case in it.
    private static let joiningWords: Set<String> = ["dan", "and", "of", "the", "&"]

    /// Whether the last word of `words` is a foreign company's legal form ("Pte Ltd", "Sdn Bhd", "Inc.", "LLC",
    /// "GmbH"), written after its name as abroad.
    private static func endsWithForeignForm(_ words: [String]) -> Bool {
        guard let last = words.last else { return false }
        let key = Self.trimmed(last).lowercased().filter(\.isLetter)
        return Self.foreignForms.contains(key)
    }

    /// The last word of a foreign company's legal form, without its dots ("Pte. Ltd." ends in "ltd"). Not "Corp":
    /// an Indonesian business may style its name so.
    private static let foreignForms: Set<String> = [
        "ltd", "limited", "bhd", "berhad", "inc", "incorporated", "llc", "gmbh", "plc", "pty",
    ]

    /// Words that lead in to a name in an answer ("nama usaha", "perusahaan saya", "company name is"), longest
    /// first; each also with "-nya" ("nama perusahaannya").
    private static let leadIns: [[String]] = [
        ["nama", "badan", "usaha"], ["nama", "perusahaan"], ["nama", "usaha"], ["nama", "toko"],
        ["perusahaan", "saya"], ["perusahaan", "kami"], ["usaha", "saya"], ["usaha", "kami"], ["atas", "nama"],
        ["namanya"], ["saya"], ["sy"], ["kami"], ["adalah"], ["yaitu"], ["yakni"], ["ialah"],
        ["company", "name", "is"], ["company", "name"], ["our", "company", "is"], ["our", "company"],
        ["my", "company", "is"], ["my", "company"], ["the", "name", "is"], ["name", "is"], ["it", "is"], ["it's"],
        ["we", "are"], ["nya"], ["eh"], ["maaf"], ["sorry"], ["ralat"], ["salah"],
    ]

    /// Words that say an answer corrects an earlier one, after the name ("PT Sinar Jaya maksudnya", "… yang
    /// benar"): neither a name's end nor, in running text, part of it.
    private static let correctionWords: Set<String> = [
        "maksudnya", "maksud", "maksudku", "harusnya", "seharusnya", "mestinya", "benar", "bener", "betul",
    ]

    /// Words that end an answer without being the name's: how staff are addressed, particles, and
    /// `correctionWords` ("CV Sinar Jaya ya min"). "Mas" is not among them: it is gold in a name ("PT Anugerah
    /// Mas").
    private static let trailers: Set<String> = Self.correctionWords.union([
        "min", "mimin", "kak", "pak", "bu", "gan", "ya", "yah", "yaa", "dong", "deh", "nih", "sih", "aja",
        "saja", "kok", "yang", "yg", "please", "pls", "thanks", "makasih",
    ])

    /// `words` without the trailers at their end, keeping at least one word. A word is compared as typed without
    /// its punctuation.
    private static func droppingTrailers(_ words: [String]) -> [String] {
        var end = words.count
        while end > 1, Self.trailers.contains(Self.trimmed(words[end - 1]).lowercased()) { end -= 1 }
        return Array(words[..<end])
    }

    /// `words` without the lead-ins at their start, keeping at least one word. A word is compared as typed
    /// without its punctuation and colon, alone or with "-nya".
    private static func droppingLeadIns(_ words: [String]) -> [String] {
        let keys = words.map(Self.key(of:))
        var start = 0
        // Most answers start with no lead-in: one look at the first word tells.
        while start < keys.count, Self.leadInFirstWords.contains(keys[start]),
            let leadIn = Self.leadIns.first(where: { leadIn in
                keys.count - start > leadIn.count
                    && zip(keys[start...], leadIn).allSatisfy { Self.word($0, isOrHasNya: $1) }
            })
        {
            start += leadIn.count
        }
        return Array(words[start...])
    }

    /// Whether `key` is `word`, or `word` with "-nya".
    private static func word(_ key: String, isOrHasNya word: String) -> Bool {
        key == word || (key.utf8.count == word.utf8.count + 3 && key.hasSuffix("nya") && key.hasPrefix(word))
    }

    /// The first words of `leadIns`, alone and with "-nya".
    private static let leadInFirstWords = Set(Self.leadIns.flatMap { [$0[0], $0[0] + "nya"] })

    /// The legal form a word or short answer names ("pt", "P.T.", "Perorangan", "asing", "bentuknya
    /// persekutuan komanditer", "usaha dagang"), or nil.
    public static func form(_ text: String) -> BusinessForm? {
        let key = text.trimmingWhitespace().lowercased()
        if let form = Self.formWords[key] { return form }
        // A form's full name anywhere in the answer, word for word.
        let words = key.split { !$0.isLetter }
        return Self.fullNameWords.first { name in
            words.indices.contains { words[$0...].starts(with: name.words) }
        }?.form
    }

    /// The legal form an answer to "what is the legal form?" names: as `form(_:)` reads it, or a form's word in
    /// a short answer that names no other ("it's a foreign company", "bentuknya CV min"). Not for an answer
    /// where a name is asked, in which "PT Maju Jaya" names a company.
    public static func form(answering text: String) -> BusinessForm? {
        if let form = Self.form(text) { return form }
        let words = text.lowercased().split { !$0.isLetter }
        guard words.count <= Self.wordsOfAFormAnswer else { return nil }
        let named = Set(
            words.compactMap { word in
                Self.ambiguousFormWords.contains(String(word)) ? nil : Self.formWords[String(word)]
            })
        if named.count == 1 { return named.first }
        let spaced = " " + words.joined(separator: " ") + " "
        return named.isEmpty ? Self.describedForms.first { spaced.utf8.contains(" \($0.words) ".utf8) }?.form : nil
    }

    /// How a provider describes a form without its name, taken where the form is asked: in a company's name
    /// they are a name's words ("Global Cooperative").
    private static let describedForms: [(words: String, form: BusinessForm)] = [
        ("sole proprietor", .perorangan), ("luar negeri", .asing), ("cooperative", .koperasi),
    ]

    /// The most words an answer naming a legal form among others has.
    static let wordsOfAFormAnswer = 6

    /// Form words that are also ordinary words, taken only as the whole answer ("kop" is a letterhead, "fa"
    /// anything).
    private static let ambiguousFormWords: Set<String> = ["kop", "fa"]

    /// Whether an answer starts with a form's full name of two words or more and names the company after it
    /// ("usaha dagang sumber rejeki"), rather than only the form ("usaha dagang").
    public static func startsWithFullForm(_ text: String) -> Bool {
        let words = Self.droppingLeadIns(text.split(whereSeparator: \.isWhitespace).map(String.init))
        guard let (_, length) = Self.fullForm(startingWith: words) else { return false }
        return words.dropFirst(length).contains { $0.contains(where: \.isLetter) }
    }

    /// The form whose full name of two words or more `words` start with, and how many words it takes.
    private static func fullForm(startingWith words: [String]) -> (form: BusinessForm, length: Int)? {
        guard let first = words.first, Self.fullNameFirstWords.contains(Self.key(of: first)) else { return nil }
        let keys = words.prefix(3).map(Self.key(of:))
        for (parts, form) in Self.fullNameWords
        where parts.count > 1 && keys.count >= parts.count && zip(keys, parts).allSatisfy({ $0 == $1 }) {
            return (form, parts.count)
        }
        return nil
    }

    /// A word as lead-ins and full names are compared with it: without its punctuation and colon, in lower case.
    private static func key(of word: String) -> String {
        Self.trimmed(word).trimming { $0 == ":" }.lowercased()
    }

    /// The first words of the forms' full names.
    private static let fullNameFirstWords = Set(Self.fullNameWords.compactMap { $0.words.first.map(String.init) })

    /// The forms' full names, as the deed writes them, in English too; "Tbk" is a public PT.
    private static let fullNames: [(name: String, form: BusinessForm)] = [
        ("perseroan terbatas", .pt), ("tbk", .pt), ("limited liability company", .pt),
        ("persekutuan komanditer", .cv), ("commanditaire vennootschap", .cv), ("usaha dagang", .ud),
        ("persekutuan firma", .firma), ("perusahaan perseorangan", .perorangan), ("perusahaan perorangan", .perorangan),
        ("usaha perseorangan", .perorangan), ("usaha perorangan", .perorangan), ("sole proprietorship", .perorangan),
    ]

    /// `fullNames` split into words, as `form(_:)` compares them.
    private static let fullNameWords = Self.fullNames.map { (words: $0.name.split(separator: " "), form: $0.form) }

    private static func trimmed(_ text: String) -> String {
        text.trimming { $0 == "," || $0 == "." || $0.isSpaceOrTab }
    }

    static func parse(_ tokens: [MessageToken], claimed: inout [Bool]) -> Company? {
        for index in tokens.indices where !claimed[index] && tokens[index].kind == .word {
            let text = tokens[index].text
            guard let form = Self.markers[text] else { continue }
            var position = index + 1
            let dotted = position < tokens.count && tokens[position].text == "."
            if dotted { position += 1 }
            // "CV 'Maju Bersama'", "PT “Sinar Abadi”": the name inside its quotes.
            if position < tokens.count, Self.quotes.contains(tokens[position].text) { position += 1 }
            // "kop surat" (letterhead): "kop" names a cooperative only when dotted or capitalised.
            if Self.ambiguousMarkers.contains(text), !dotted, tokens[index].raw == text { continue }
            if form == .perorangan {
                return Self.individual(tokens, from: position, markerAt: index, claimed: &claimed)
            }
            var isPersero = false
            if Self.isPersero(tokens, at: position) {
                isPersero = true
                position += 3
            }
            let (words, end) = Self.nameWords(tokens, from: position, claimed: claimed)
            guard !words.isEmpty else { continue }
            var last = end
            if Self.isPersero(tokens, at: end) {
                isPersero = true
                last = end + 3
            }
            for claimedIndex in index..<min(last, tokens.count) { claimed[claimedIndex] = true }
            let name = Self.styled(words)
            switch form {
            case .pt where isPersero, .persero:
                return Company(name: "PT \(name) (Persero)", form: .persero)
            case .pt, .cv, .ud, .koperasi, .firma:
                return Company(name: "\(form.rawValue) \(name)", form: form)
            case .perorangan, .asing:
                continue
            }
        }
        return nil
    }

    private static func individual(
        _ tokens: [MessageToken], from start: Int, markerAt index: Int, claimed: inout [Bool]
    ) -> Company {
        claimed[index] = true
        var position = start
        let lower = tokens.map(\.text)
        func at(_ offset: Int) -> String? { position + offset < lower.count ? lower[position + offset] : nil }
        if at(0) == "atas", at(1) == "nama" {
            position += 2
        } else if at(0) == "a", at(1) == ".", at(2) == "n" {
            position += at(3) == "." ? 4 : 3
        } else if at(0) == "an", at(1) == "." {
            position += 2
        } else {
            return Company(name: "", form: .perorangan)
        }
        let (words, end) = Self.nameWords(tokens, from: position, claimed: claimed)
        for claimedIndex in index..<min(end, tokens.count) { claimed[claimedIndex] = true }
        return Company(name: Self.styled(words), form: .perorangan)
    }

    /// `( persero )` at `position`.
    private static func isPersero(_ tokens: [MessageToken], at position: Int) -> Bool {
        position + 2 < tokens.count && tokens[position].text == "(" && tokens[position + 1].text == "persero"
            && tokens[position + 2].text == ")"
    }

    private static func nameWords(
        _ tokens: [MessageToken], from start: Int, claimed: [Bool]
    ) -> (words: [String], end: Int) {
        var words: [String] = []
        var position = start
        while position < tokens.count, words.count < 6, !claimed[position] {
            let token = tokens[position]
            if token.kind == .word, !Self.stopWords.contains(token.text), Self.markers[token.text] == nil {
                words.append(token.raw)
            } else if token.kind == .word, Self.isNameWord(tokens, at: position, after: words) {
                words.append(token.raw)
            } else if token.kind == .number, token.isPlainNumber, token.text.count <= 4, !words.isEmpty {
                words.append(token.raw)
            } else if token.text == "&", !words.isEmpty, position + 1 < tokens.count, tokens[position + 1].kind == .word
            {
                words.append("&")
            } else if token.text == "-", let last = words.last, last != "&", position + 1 < tokens.count,
                tokens[position + 1].kind == .word, !Self.stopWords.contains(tokens[position + 1].text)
            {
                // "CV Al-Amin", "PT Bina-Karya": one word of the name, as written.
                words[words.count - 1] = last + "-" + tokens[position + 1].raw
                position += 1
            } else {
                break
            }
            position += 1
        }
        while words.last == "&" { words.removeLast() }
        return (words, position)
    }

    /// Title case, keeping acronyms typed in capitals inside a name that is not all capitals.
    private static func styled(_ words: [String]) -> String {
        let allCapitals = words.allSatisfy { $0 == $0.uppercased() }
        return words.map { word in
            if word.lowercased() == "tbk" { return "Tbk" }
            if !allCapitals && word.count >= 2 && word == word.uppercased() { return word }
            return word.split(separator: "-", omittingEmptySubsequences: false).map {
                $0.prefix(1).uppercased() + $0.dropFirst().lowercased()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// The words that name a legal form in running text, before the name ("PT", "kop.", "perorangan a.n.").
    private static let markers: [String: BusinessForm] = [
        "pt": .pt, "cv": .cv, "ud": .ud, "koperasi": .koperasi, "kop": .koperasi, "firma": .firma, "fa": .firma,
        "persero": .persero, "perorangan": .perorangan, "perseorangan": .perorangan,
    ]

    /// The quotes a name may be written in.
    private static let quotes: Set<String> = ["\"", "'", "“", "”", "‘", "’"]

    /// Markers that are also ordinary words.
    private static let ambiguousMarkers: Set<String> = ["kop"]

    /// The ways a provider writes a legal form when asked for it: the markers, their dotted spellings and
    /// the forms without a marker ("asing", "individual").
    private static let formWords: [String: BusinessForm] = Self.markers.merging([
        "p.t": .pt, "p.t.": .pt, "c.v": .cv, "c.v.": .cv, "u.d": .ud, "u.d.": .ud, "(persero)": .persero,
        "individual": .perorangan, "asing": .asing, "foreign": .asing, "perusahaan asing": .asing,
        "foreign company": .asing,
    ]) { first, _ in first }

    /// Whether the ordinary word at `position` ("baru", "pagi", "usaha") is the name's, after `words` of it: written
    /// capitalised ("CV Harapan Baru ingin mendaftar", "PT Selamat Sempurna" before another word of the name), or
    /// ending it ("cv harapan baru, mau daftar"), but never a name alone ("mau daftar cv baru"). Lowercase before
    /// more words ("pt maju jaya baru berdiri"), it is the sentence's.
    private static func isNameWord(_ tokens: [MessageToken], at position: Int, after words: [String]) -> Bool {
        let token = tokens[position]
        guard Self.nameOrOrdinaryWords.contains(token.text) else { return false }
        let next = position + 1 < tokens.count ? tokens[position + 1] : nil
        let capitalised = token.raw.first?.isUppercase ?? false
        guard !words.isEmpty else {
            // Before another word of the name ("PT Selamat Sempurna"), never alone.
            return capitalised
                && (next.map { $0.kind == .word && !Self.stopWords.contains($0.text) && Self.markers[$0.text] == nil }
                    ?? false)
        }
        let endsTheName = next.map { $0.kind != .word && $0.kind != .number } ?? true
        return capitalised || endsTheName
    }

    /// Ordinary words, among `stopWords`, that names are also made of: "CV Harapan Baru", "CV Sinar Pagi", "UD Karya
    /// Usaha", "CV Mitra Kerja", "PT Selamat Sempurna", "CV Kasih Ibu", "CV Terang Bulan", "PT Data Prima".
    private static let nameOrOrdinaryWords: Set<String> = [
        "baru", "lama", "pagi", "siang", "sore", "malam", "hari", "bulan", "minggu", "usaha", "kerja", "selamat",
        "kasih", "data", "sama",
    ]

    private static let stopWords: Set<String> = Self.correctionWords.union([
        "mau", "ingin", "pengen", "pgn", "mo", "yang", "yg", "dengan", "dgn", "untuk", "utk", "sudah", "sdh", "udah",
        "udh", "belum", "blm", "kami", "saya", "sy", "aku", "kita", "mohon", "mhn", "tolong", "bisa", "bs", "ada",
        "npwp", "nik", "nib", "ktp", "tiket", "di", "ke", "dari", "no", "nomor", "ini", "itu", "tsb", "tersebut",
        "apakah", "kenapa", "knp", "kok", "gimana", "gmn", "bagaimana", "tapi", "dan", "atau", "sebagai", "perlu",
        "butuh", "mendaftar", "daftar", "verifikasi", "verif", "lupa", "reset", "minta", "ganti", "ubah", "tidak",
        "tdk", "gak", "ga", "nggak", "jam", "besok", "bsk", "akan", "sedang", "lagi", "punya", "milik", "atas",
        "nama", "kak", "min", "pak", "bu", "gan", "admin", "mas", "mbak", "ya", "dong", "nih", "deh", "sih", "kah",
        "the", "is", "for", "and", "want", "need", "to", "we", "our", "my", "email", "password", "user", "akun",
        "login", "hp", "wa", "telp", "kontak", "alamat", "tgl", "tanggal", "kode", "tender", "paket", "lelang",
        "registrasi", "kemarin", "sekarang", "skrg", "hari", "bulan", "minggu", "baru", "lama", "sebelumnya",
        "juga", "jg", "masih", "mengajukan", "ajukan", "apa", "kapan", "berapa", "brp", "status", "jadwal",
        "perusahaan", "badan", "usaha", "bagian", "selaku", "adalah", "pemilik", "direktur", "dirut", "sama",
        "terima", "kasih", "makasih", "thanks", "thx", "tq", "halo", "selamat", "pagi", "siang", "sore", "malam",
        "gagal", "error", "upload", "unggah", "belom", "data", "berkas", "dokumen", "syarat", "has", "have", "was",
        "cannot", "can't", "already", "please", "pls", "mengalami", "kendala", "masalah", "tentang", "soal",
        "dokumennya", "berkasnya", "syaratnya", "lamaran", "kerja", "lain", "lainnya", "lainya", "berbeda",
        "another", "other", "ralat", "salah", "eh", "maaf", "sorry", "nya", "anda",
    ])
}
