import Foundation
import Support

/// Reads a provider's chat message: normalises it, applies the phrase rules, classifies the rest with a
/// logistic regression (or, as an option, naive Bayes) trained at start-up on `Dialogs/intents/examples`, and
/// extracts the entities.
///
/// A value type with only immutable state, so one instance may be shared by every conversation lane.
public struct IntentRecognizer: IntentRecognizing {
    /// What training measured, for the start-up log.
    public struct TrainingReport: Equatable, Sendable {
        public var exampleCount: Int
        /// Held-out accuracy of the statistical classifier alone on the training examples: leave-one-out for
        /// naive Bayes, 2-fold for logistic regression.
        public var leaveOneOutAccuracy: Double
        /// Expected calibration error of the tempered probabilities, leave-one-out.
        public var calibrationError: Double
        public var temperature: Double
    }

    /// The confidence given to a whole-message phrase rule or a message identical to a training example.
    static let ruleConfidence = 0.97
    /// The highest confidence the classifier gives: a statistical model is never certain.
    static let classifierCeiling = 0.99
    /// The confidence of `unknown` when no feature of the message was ever seen in training.
    static let unseenConfidence = 0.6

    public let normaliser: TextNormaliser
    public let extractor: EntityExtractor
    public let trainingReport: TrainingReport
    private let rules: PhraseRules
    private let hasher: FeatureHasher
    private let model: any IntentModel
    private let memorised: [String: Intent]

    /// Loads and validates `Dialogs/intents` under `dialogsDirectory` (the `Dialogs` folder or the `intents`
    /// folder itself) and trains.
    public init(dialogsDirectory: URL, options: Options = Options()) throws(DialogError) {
        try self.init(data: try IntentData.load(from: dialogsDirectory), options: options)
    }

    public init(data: IntentData, options: Options = Options()) throws(DialogError) {
        var vocabulary = Set<String>()
        for text in data.examples.map(\.text) + data.rules.map(\.phrase) {
            for token in MessageLexer.tokens(of: text) where token.kind == .word {
                vocabulary.insert(token.text)
            }
        }
        let normaliser = TextNormaliser(slang: data.slang, typos: data.typos, vocabulary: vocabulary)
        let rules = PhraseRules(rules: data.rules, normaliser: normaliser)
        let hasher = FeatureHasher(options: options)
        let classes = Intent.allCases
        // Each example read as a message would be, in chunks on the machine's cores.
        let examples = data.examples
        let chunkCount = min(8, max(examples.count, 1))
        let readExamples = concurrentResults(count: chunkCount) { chunk in
            let range = (chunk * examples.count / chunkCount)..<((chunk + 1) * examples.count / chunkCount)
            return examples[range].map { example in
                let tokens = Self.classifierTokens(example.text, normaliser: normaliser, extractor: EntityExtractor())
                return (key: Self.memoryKey(tokens), features: hasher.features(rules.focus(tokens).tokens))
            }
        }.joined()
        var memorised: [String: (Intent, String)] = [:]
        var samples: [IntentSample] = []
        samples.reserveCapacity(examples.count)
        for (example, reading) in zip(examples, readExamples) {
            if let (other, source) = memorised[reading.key], other != example.intent {
                let parts = example.source.split(separator: ":")
                throw .conflictingExample(
                    file: String(parts.first ?? ""), line: Int(parts.last ?? "") ?? 0, other: source)
            }
            memorised[reading.key] = (example.intent, example.source)
            samples.append(
                IntentSample(features: reading.features, label: classes.firstIndex(of: example.intent) ?? 0))
        }
        let model: any IntentModel =
            options.logistic
            ? LogisticModel(samples: samples, classCount: classes.count)
            : NaiveBayesModel(
                samples: samples, classCount: classes.count, smoothing: options.smoothing,
                complement: options.complement)
        self.normaliser = normaliser
        self.rules = rules
        self.hasher = hasher
        self.model = model
        self.memorised = memorised.mapValues(\.0)
        self.extractor = EntityExtractor()
        self.trainingReport = TrainingReport(
            exampleCount: data.examples.count, leaveOneOutAccuracy: model.validation.accuracy,
            calibrationError: model.validation.calibrationError, temperature: model.validation.temperature)
    }

    public func classify(_ text: String, now: Date) -> Classification {
        let lexed = MessageLexer.tokens(of: text)
        var claimed = [Bool](repeating: false, count: lexed.count)
        var roles = [TokenRole](repeating: .free, count: lexed.count)
        let entities = self.extractor.extract(from: lexed, now: now, claimed: &claimed, roles: &roles)
        if let intent = Self.dataOnlyIntent(lexed, claimed: claimed, roles: roles, entities: entities) {
            return Classification(intent: intent, confidence: Self.ruleConfidence, entities: entities)
        }
        let tokens = self.normaliser.tokens(of: lexed, roles: roles)
        let (intent, confidence) = self.intent(ofTokens: tokens)
        return Classification(intent: intent, confidence: confidence, entities: entities, normalizedTokens: tokens)
    }

    /// The intent of a message that only supplies data: a time alone asks for that slot (`schedule`), a ticket
    /// number alone asks about that ticket (`check_status`), anything else (a phone, an NPWP, a company, an
    /// option number, or digits that are none of these) is an answer whose meaning the conversation's current
    /// step knows (`unknown`).
    static func dataOnlyIntent(
        _ tokens: [MessageToken], claimed: [Bool], roles: [TokenRole], entities: Entities
    ) -> Intent? {
        var hasNumber = false
        for (token, isClaimed) in zip(tokens, claimed) {
            switch token.kind {
            case .word:
                if !isClaimed && !Self.dataLabels.contains(token.text) { return nil }
            case .number:
                hasNumber = true
            case .symbol:
                continue
            }
        }
        guard hasNumber || !entities.isEmpty else { return nil }
        // An impossible time ("tgl 31 feb jam 10") still asks for a slot.
        if entities.isEmpty { return roles.contains(.time) ? .schedule : .unknown }
        var remainder = entities
        remainder.warnings = []
        remainder.datetime = nil
        remainder.datetimeIncludesTime = false
        remainder.datetimeIncludesDay = false
        if remainder.isEmpty { return .schedule }
        remainder = entities
        remainder.warnings = []
        remainder.ticketNumber = nil
        if remainder.isEmpty { return .checkStatus }
        return .unknown
    }

    /// Words that only label or frame the data they precede.
    private static let dataLabels: Set<String> = [
        "npwp", "nik", "ktp", "nip", "no", "nomor", "nmr", "nomer", "hp", "wa", "whatsapp", "telp", "telepon",
        "tlp", "kontak", "phone", "number", "kode", "kd", "tender", "paket", "lelang", "pilihan", "pilih", "opsi",
        "yang", "yg", "ini", "itu", "sy", "saya", "kami", "aku", "punya", "perusahaan", "nama", "adalah", "kak",
        "min", "admin", "pak", "bu", "gan", "mas", "mbak", "ya", "aja", "saja", "dong", "deh", "nih", "my", "is",
        "our", "the", "tiket", "ticket", "id", "jam", "pukul", "tgl", "tanggal", "nya",
    ]

    /// The intent of `text` and its confidence, without extracting entities.
    public func intent(of text: String) -> (intent: Intent, confidence: Double) {
        let classification = self.classify(text, now: Date(timeIntervalSince1970: 0))
        return (classification.intent, classification.confidence)
    }

    /// The classifier's tokens for `text`: normalised, with the time expression folded into `<time>`.
    static func classifierTokens(
        _ text: String, normaliser: TextNormaliser, extractor: EntityExtractor
    ) -> [String] {
        let lexed = MessageLexer.tokens(of: text)
        var claimed = [Bool](repeating: false, count: lexed.count)
        var roles = [TokenRole](repeating: .free, count: lexed.count)
        _ = extractor.extract(
            from: lexed, now: Date(timeIntervalSince1970: 0), claimed: &claimed, roles: &roles)
        return normaliser.tokens(of: lexed, roles: roles)
    }

    private func intent(ofTokens tokens: [String]) -> (intent: Intent, confidence: Double) {
        if tokens.isEmpty { return (.unknown, Self.unseenConfidence) }
        if let intent = self.memorised[Self.memoryKey(tokens)] { return (intent, Self.ruleConfidence) }
        let (intent, confidence, byRule) = self.focusedIntent(ofTokens: tokens)
        // The model's request about another service ("akun tokopedia saya dibajak", "hubungi cs telkomsel": it
        // names no word of the helpdesk's) is out of the helpdesk's domain.
        if !byRule, Self.helpdeskAsks.contains(intent), self.rules.namesAnotherService(tokens) {
            return (.unknown, Self.ruleConfidence)
        }
        // "oke sip makasih", "halo, terima kasih", "wah cepet bgt, makasih": once the thanks is set aside,
        // what remains only acknowledges or asks nothing of the helpdesk, so the message thanks.
        if intent == .affirm || intent == .greeting || intent == .unknown, Self.thanks(tokens) {
            return (.thanks, confidence)
        }
        return (intent, confidence)
    }

    /// The intent of the message's focus, and whether a rule or a training example decided it (else the model).
    private func focusedIntent(ofTokens tokens: [String]) -> (intent: Intent, confidence: Double, byRule: Bool) {
        let focus = self.rules.focus(tokens)
        if let intent = focus.ruleIntent { return (intent, Self.ruleConfidence, true) }
        if let intent = self.memorised[Self.memoryKey(focus.tokens)] { return (intent, Self.ruleConfidence, true) }
        let (probabilities, matched) = self.model.probabilities(self.hasher.features(focus.tokens))
        guard matched > 0 else { return (.unknown, Self.unseenConfidence, false) }
        var best = 0
        for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
        return (Intent.allCases[best], min(probabilities[best], Self.classifierCeiling), false)
    }

    /// What the helpdesk is asked for, as opposed to answers and courtesies.
    static let helpdeskAsks: Set<Intent> = [
        .menu, .createTicket, .checkStatus, .schedule, .cancelBooking, .human, .requirements, .hours,
    ]

    /// Whether the normalised words say thank you ("makasih", "thx" and "thank you" all normalise to it).
    private static func thanks(_ tokens: [String]) -> Bool {
        zip(tokens, tokens.dropFirst()).contains { $0 == "terima" && $1 == "kasih" }
    }

    private static func memoryKey(_ tokens: [String]) -> String {
        tokens.filter { $0 != "," && $0 != "?" }.joined(separator: " ")
    }
}
