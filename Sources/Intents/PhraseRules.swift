/// The rules that run before the statistical classifier: whole-message phrases with a known intent, and the
/// trimming of greetings, forms of address, closings and negated clauses so the classifier sees the ask.
struct PhraseRules: Equatable, Sendable {
    /// What is left of a message once greetings, closings and negated clauses are set aside.
    struct Focus: Equatable, Sendable {
        /// The words the classifier should read.
        var tokens: [String]
        /// The intent of a whole-message phrase rule, if one matched.
        var ruleIntent: Intent?
    }

    private var exact: [String: Intent] = [:]
    /// Greetings and forms of address, longest first.
    private var leading: [[String]] = []
    /// Closings and forms of address, longest first.
    private var trailing: [[String]] = []
    /// Closing courtesies, longest first.
    private var courtesies: [[String]] = []
    private var negators: [[String]] = []
    private var breakers: Set<String> = []
    /// Services that are not the helpdesk's, and the words that tie a message to it, by first word.
    private var outside: [String: [[String]]] = [:]
    private var anchors: [String: [[String]]] = [:]

    init(rules: [IntentData.PhraseRule], normaliser: TextNormaliser) {
        for rule in rules {
            let tokens = normaliser.tokens(rule.phrase).filter { $0 != "," }
            guard !tokens.isEmpty else { continue }
            switch rule.kind {
            case .exact:
                if let intent = rule.intent { self.exact[tokens.joined(separator: " ")] = intent }
            case .greeting:
                self.leading.append(tokens)
            case .address:
                self.leading.append(tokens)
                self.trailing.append(tokens)
            case .closing:
                self.trailing.append(tokens)
            case .courtesy:
                self.courtesies.append(tokens)
            case .negator:
                self.negators.append(tokens)
            case .breaker:
                self.breakers.formUnion(tokens)
            case .outside:
                self.outside[tokens[0], default: []].append(tokens)
            case .anchor:
                self.anchors[tokens[0], default: []].append(tokens)
            }
        }
        for keyPath in [\Self.leading, \Self.trailing, \Self.courtesies, \Self.negators] {
            self[keyPath: keyPath].sort { $0.count > $1.count }
        }
    }

    /// Whether the message names a service that is not the helpdesk's and nothing that ties it to the
    /// helpdesk: "jam buka bank bri sabtu" is about a bank, "rekening bri untuk tender di spse" is not.
    func namesAnotherService(_ tokens: [String]) -> Bool {
        Self.mentions(tokens, any: self.outside) && !Self.mentions(tokens, any: self.anchors)
    }

    private static func mentions(_ tokens: [String], any phrases: [String: [[String]]]) -> Bool {
        guard !phrases.isEmpty else { return false }
        for start in tokens.indices {
            guard let candidates = phrases[tokens[start]] else { continue }
            if candidates.contains(where: { Self.hasPrefix(tokens[start...], $0) }) { return true }
        }
        return false
    }

    /// The intent of a whole-message phrase, looking at the message with and without commas and `?`.
    func exactIntent(_ tokens: [String]) -> Intent? {
        let words = tokens.filter { $0 != "," && $0 != "?" }
        guard !words.isEmpty, words.count <= 6 else { return nil }
        return self.exact[words.joined(separator: " ")]
    }

    func focus(_ tokens: [String]) -> Focus {
        if let intent = self.exactIntent(tokens) {
            return Focus(tokens: tokens, ruleIntent: intent)
        }
        let trimmed = self.trim(tokens)
        if trimmed.isEmpty {
            return Focus(tokens: tokens, ruleIntent: nil)
        }
        if let intent = self.exactIntent(trimmed) {
            return Focus(tokens: trimmed, ruleIntent: intent)
        }
        let kept = self.droppingNegatedClauses(trimmed)
        if kept.count != trimmed.count, let intent = self.exactIntent(kept) {
            switch intent {
            case .cancel, .cancelBooking, .deny:
                // "ga jadi verifikasi, batalin aja": both clauses cancel; the negated one says what.
                return Focus(tokens: trimmed, ruleIntent: nil)
            case .greeting, .menu, .createTicket, .checkStatus, .schedule, .human, .requirements, .hours, .back,
                .affirm, .thanks, .language, .unknown:
                return Focus(tokens: kept, ruleIntent: intent)
            }
        }
        return Focus(tokens: kept, ruleIntent: nil)
    }

    /// Strips leading greetings and forms of address, and trailing closings and forms of address, while
    /// something else remains.
    private func trim(_ tokens: [String]) -> [String] {
        var slice = tokens[...]
        var changed = true
        while changed {
            changed = false
            while slice.first == "," || slice.first == "?" {
                slice = slice.dropFirst()
            }
            for phrase in self.leading where Self.hasPrefix(slice, phrase) {
                let rest = slice.dropFirst(phrase.count)
                // "pagi min 🙏" greets politely: the gesture alone is no thanks once the greeting is gone.
                if rest.contains(where: { $0 != "," && $0 != "?" && $0 != "🙏" }) {
                    slice = rest
                    changed = true
                    break
                }
            }
        }
        // A closing "?" stays, after what it closes: "masih aktif kak?" is "masih aktif?".
        let asks = slice.last == "?" && slice.contains { $0 != "," && $0 != "?" }
        if asks { slice = slice.dropLast() }
        changed = true
        while changed {
            changed = false
            while slice.last == "," {
                slice = slice.dropLast()
            }
            for phrase in self.trailing where Self.hasSuffix(slice, phrase) {
                let rest = slice.dropLast(phrase.count)
                if rest.contains(where: { $0 != "," && $0 != "?" }) {
                    slice = rest
                    changed = true
                    break
                }
            }
            if changed { continue }
            for phrase in self.courtesies where Self.hasSuffix(slice, phrase) {
                let rest = slice.dropLast(phrase.count)
                if rest.filter({ $0 != "," && $0 != "?" }).count >= 2 {
                    slice = rest
                    changed = true
                    break
                }
            }
        }
        return asks ? Array(slice) + ["?"] : Array(slice)
    }

    /// "saya tidak mau batal, mau ganti jadwal" → "mau ganti jadwal": a clause whose negator is followed
    /// by content is dropped when another clause carries content of its own.
    private func droppingNegatedClauses(_ tokens: [String]) -> [String] {
        var clauses: [ArraySlice<String>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token == "," || self.breakers.contains(token) {
            if index > start { clauses.append(tokens[start..<index]) }
            start = token == "," ? index + 1 : index
        }
        if start < tokens.count { clauses.append(tokens[start...]) }
        guard clauses.count > 1 else { return tokens }
        let negated = clauses.map { self.isNegated($0) }
        let hasPlainContent = zip(clauses, negated).contains { clause, isNegated in
            !isNegated && clause.contains { !self.breakers.contains($0) && $0 != "?" }
        }
        guard hasPlainContent, negated.contains(true) else { return tokens }
        var kept: [String] = []
        for (clause, isNegated) in zip(clauses, negated) where !isNegated {
            if !kept.isEmpty { kept.append(",") }
            kept.append(contentsOf: clause.filter { !self.breakers.contains($0) })
        }
        return kept
    }

    private func isNegated(_ clause: ArraySlice<String>) -> Bool {
        var index = clause.startIndex
        while index < clause.endIndex {
            for phrase in self.negators where Self.hasPrefix(clause[index...], phrase) {
                let after = clause[(index + phrase.count)...]
                return after.contains { $0 != "?" }
            }
            index += 1
        }
        return false
    }

    private static func hasPrefix(_ slice: ArraySlice<String>, _ phrase: [String]) -> Bool {
        slice.count >= phrase.count && zip(slice, phrase).allSatisfy { $0 == $1 }
    }

    private static func hasSuffix(_ slice: ArraySlice<String>, _ phrase: [String]) -> Bool {
        slice.count >= phrase.count && zip(slice.suffix(phrase.count), phrase).allSatisfy { $0 == $1 }
    }
}
