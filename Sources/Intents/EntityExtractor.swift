import Foundation

/// Finds every entity in a message, each token claimed by at most one of them: identifiers and phone numbers
/// first, then ticket numbers, kode tender, times, option choices and company names.
public struct EntityExtractor: Sendable {
    public init() {}

    /// The entities of `text`, times resolved against `now` in Asia/Jakarta.
    public func extract(from text: String, now: Date) -> Entities {
        self.extract(from: MessageLexer.tokens(of: text), now: now)
    }

    func extract(from tokens: [MessageToken], now: Date) -> Entities {
        var claimed = [Bool](repeating: false, count: tokens.count)
        var roles = [TokenRole](repeating: .free, count: tokens.count)
        return self.extract(from: tokens, now: now, claimed: &claimed, roles: &roles)
    }

    /// The entities of `tokens`, marking in `claimed` (one flag per token) the tokens they were read from and
    /// in `roles` which kind of entity took each.
    func extract(
        from tokens: [MessageToken], now: Date, claimed: inout [Bool], roles: inout [TokenRole]
    ) -> Entities {
        var entities = Entities()
        guard !tokens.isEmpty else { return entities }
        func mark(_ role: TokenRole, since before: [Bool]) {
            for index in claimed.indices where claimed[index] && !before[index] { roles[index] = role }
        }
        var before = claimed
        self.extractIdentifiers(tokens, claimed: &claimed, into: &entities)
        self.extractTicket(tokens, claimed: &claimed, into: &entities)
        self.extractKodeTender(tokens, claimed: &claimed, into: &entities)
        mark(.data, since: before)
        before = claimed
        let time = TimeExpressionParser(now: now).parse(tokens, claimed: &claimed)
        mark(.time, since: before)
        before = claimed
        if let time {
            entities.datetime = time.date
            entities.datetimeIncludesTime = time.includesTime
            entities.datetimeIncludesDay = time.includesDay
        }
        entities.choice = ChoiceExtractor.parse(tokens, claimed: &claimed)
        mark(.data, since: before)
        before = claimed
        entities.company = CompanyNameParser.parse(tokens, claimed: &claimed)
        mark(.company, since: before)
        return entities
    }

    private enum Identifier {
        case phone
        case npwp
        case nik
        case nip
    }

    private enum Context {
        case phone
        case npwp
        case nik
        case nip
        case ticket
        case tender
    }

    /// Runs of number tokens (as typed with spaces between groups) read as phones, NPWP, NIK or NIP, longest
    /// reading first.
    private func extractIdentifiers(_ tokens: [MessageToken], claimed: inout [Bool], into entities: inout Entities) {
        var index = 0
        while index < tokens.count {
            guard Self.isIdentifierPiece(tokens[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < tokens.count, Self.isIdentifierPiece(tokens[end]), !tokens[end].text.hasPrefix("+") {
                end += 1
            }
            let context = Self.context(before: index, in: tokens)
            var start = index
            while start < end {
                var matched = false
                for stop in stride(from: end, to: start, by: -1) {
                    let text = tokens[start..<stop].map(\.text).joined()
                    if let found = Self.identify(text, context: context) {
                        Self.store(found, in: &entities)
                        for position in start..<stop { claimed[position] = true }
                        start = stop
                        matched = true
                        break
                    }
                }
                if !matched { start += 1 }
            }
            index = end
        }
    }

    private static func isIdentifierPiece(_ token: MessageToken) -> Bool {
        token.kind == .number && !token.text.contains(":") && !token.text.contains("/")
    }

    private static func identify(_ text: String, context: Context?) -> (Identifier, String, Bool)? {
        let hasPlus = text.hasPrefix("+")
        let digits = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCIIDigit }))
        let count = digits.utf8.count
        guard count >= 9 else { return nil }
        if context == .ticket || context == .tender, !hasPlus, !digits.hasPrefix("0"), !digits.hasPrefix("62") {
            return nil
        }
        let phone = PhoneNumberExtractor.normalise(digits: digits, hasPlus: hasPlus)
        let looksLikeNPWP = Self.hasNPWPPunctuation(text)
        var order: [Identifier]
        switch context {
        case .npwp: order = [.npwp, .nik, .nip, .phone]
        case .nik: order = [.nik, .npwp, .nip, .phone]
        case .nip: order = [.nip, .nik, .npwp, .phone]
        case .phone, .ticket, .tender, .none: order = [.phone, .nip, .nik, .npwp]
        }
        if looksLikeNPWP { order = [.npwp] + order.filter { $0 != .npwp } }
        for kind in order {
            switch kind {
            case .phone:
                if let phone { return (.phone, phone, true) }
            case .nip:
                if count == 18, NIPValidator.isValid(digits: digits) { return (.nip, digits, true) }
            case .nik:
                if count == 16, NIKValidator.isValid(digits: digits) { return (.nik, digits, true) }
            case .npwp:
                guard !hasPlus, count == 15 || count == 16 else { continue }
                // A 16-digit number without "npwp" near it is a NIK when it can be one.
                if count == 16, digits.first != "0", context != .npwp { continue }
                if let result = NPWPValidator.validate(digits: digits) {
                    return (.npwp, result.digits, result.checkDigitMatches)
                }
            }
        }
        return nil
    }

    /// `99.999.999.9-999.999` as written on the card.
    private static func hasNPWPPunctuation(_ text: String) -> Bool {
        let shape = String(text.map { $0.isNumber ? "9" : $0 })
        return shape.hasSuffix("99.999.999.9-999.999")
    }

    private static func store(_ found: (Identifier, String, Bool), in entities: inout Entities) {
        let (kind, value, checkDigitMatches) = found
        switch kind {
        case .phone:
            if entities.phone == nil { entities.phone = value }
        case .npwp:
            if entities.npwp == nil {
                entities.npwp = value
                if !checkDigitMatches { entities.warnings.append(.npwpCheckDigitMismatch) }
            }
        case .nik:
            if entities.nik == nil { entities.nik = value }
        case .nip:
            if entities.nip == nil { entities.nip = value }
        }
    }

    /// The nearest naming word among the four words before `index`.
    private static func context(before index: Int, in tokens: [MessageToken]) -> Context? {
        var position = index - 1
        var words = 0
        while position >= 0, words < 4 {
            let token = tokens[position]
            if token.kind == .word {
                words += 1
                if let context = Self.contextWords[token.text] { return context }
            }
            position -= 1
        }
        return nil
    }

    private static let contextWords: [String: Context] = [
        "npwp": .npwp, "nik": .nik, "ktp": .nik, "nip": .nip, "hp": .phone, "wa": .phone, "whatsapp": .phone,
        "telp": .phone, "telepon": .phone, "tlp": .phone, "hape": .phone, "handphone": .phone, "phone": .phone,
        "kontak": .phone, "tiket": .ticket, "ticket": .ticket, "tiketnya": .ticket, "tender": .tender,
        "paket": .tender, "lelang": .tender,
    ]

    private func extractTicket(_ tokens: [MessageToken], claimed: inout [Bool], into entities: inout Entities) {
        for index in tokens.indices where !claimed[index] {
            let text = tokens[index].text
            var position: Int
            if text == "#" {
                // "opsi #2", "jadwal #3": an option's number, not a ticket's.
                if index > 0, Self.choiceLeads.contains(tokens[index - 1].text) { continue }
                position = index + 1
            } else if Self.ticketWords.contains(text) {
                position = index + 1
                var skipped = 0
                while position < tokens.count, skipped < 4, !claimed[position],
                    Self.ticketFillers.contains(tokens[position].text)
                {
                    position += 1
                    skipped += 1
                }
            } else {
                continue
            }
            guard position < tokens.count, !claimed[position], tokens[position].isPlainNumber,
                tokens[position].text.utf8.count <= 9, let value = Int(tokens[position].text)
            else { continue }
            for claimedIndex in index...position { claimed[claimedIndex] = true }
            entities.ticketNumber = value
            return
        }
    }

    private static let ticketWords: Set<String> = ["tiket", "ticket", "tiketnya", "tiketku", "tkt", "tix"]
    /// Words before "#" that make the number an option's: "opsi #2", "jadwal #3", "slot #1".
    private static let choiceLeads: Set<String> = [
        "opsi", "option", "pilihan", "pilih", "menu", "poin", "jadwal", "slot", "no", "nomor", "nomer",
    ]
    private static let ticketFillers: Set<String> = [
        "no", "nomor", "nomer", "nmr", "number", "nr", "num", "#", ":", ".", "saya", "sy", "kami", "aku", "yang", "yg",
        "dengan", "dgn", "id", "-", "my", "is", "nya",
    ]

    private func extractKodeTender(_ tokens: [MessageToken], claimed: inout [Bool], into entities: inout Entities) {
        for index in tokens.indices where !claimed[index] && Self.isTenderWord(tokens[index].text) {
            var position = index + 1
            var skipped = 0
            while position < tokens.count, skipped < 4, !claimed[position],
                Self.isTenderWord(tokens[position].text) || Self.tenderFillers.contains(tokens[position].text)
            {
                position += 1
                skipped += 1
            }
            guard position < tokens.count, !claimed[position], tokens[position].isPlainNumber,
                tokens[position].text.utf8.count >= 5
            else { continue }
            for claimedIndex in index...position { claimed[claimedIndex] = true }
            entities.kodeTender = tokens[position].text
            return
        }
    }

    private static let tenderWords: Set<String> = ["tender", "paket", "lelang", "kode", "kd", "rup"]

    /// A word of `tenderWords`, also with "-nya": "kode tendernya 10012345000", "kodenya 12345678".
    private static func isTenderWord(_ word: String) -> Bool {
        Self.tenderWords.contains(word) || word.hasSuffix("nya") && Self.tenderWords.contains(String(word.dropLast(3)))
    }
    private static let tenderFillers: Set<String> = [
        "no", "nomor", "nomer", "id", "#", ":", ".", "saya", "sy", "kami", "yang", "yg", "dengan", "dgn", "code",
        "-", "nya", "untuk", "utk",
    ]
}
