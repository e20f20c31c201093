import Foundation

/// The editable data the recognizer learns from: slang, typos, phrase rules and labelled examples.
///
/// It lives under `Dialogs/intents/` (see the README there) so an office can add phrasings without
/// rebuilding; `load(from:)` reads and validates it, naming the file and line of any fault.
public struct IntentData: Equatable, Sendable {
    /// One labelled training sentence and where it was written.
    public struct Example: Equatable, Sendable {
        public var text: String
        public var intent: Intent
        /// `file:line`, for error messages.
        public var source: String

        public init(text: String, intent: Intent, source: String) {
            self.text = text
            self.intent = intent
            self.source = source
        }
    }

    /// A phrase with a role in the rules that run before the statistical classifier.
    public struct PhraseRule: Equatable, Sendable {
        public enum Kind: String, CaseIterable, Equatable, Sendable {
            /// The whole message (after normalising) is this phrase: it means `intent`.
            case exact
            /// A greeting stripped from the start when something follows it.
            case greeting
            /// A form of address ("admin", "kak", "pak") stripped from either end.
            case address
            /// A closing particle ("ya", "dong", "saja") stripped from the end when something precedes it.
            case closing
            /// A closing courtesy ("terima kasih", "🙏") stripped from the end when at least two words precede
            /// it, so "oke makasih" stays thanks while "tolong reset password, makasih" becomes the request.
            case courtesy
            /// A phrase that negates what follows in its clause ("tidak mau", "bukan").
            case negator
            /// A word that starts a new clause ("tapi", "melainkan").
            case breaker
            /// A service that is not the helpdesk's (a bank, a shop, a telco, another office): a request that
            /// names one and no `anchor` is `unknown` ("akun bank saya terblokir", "jadwal dokter besok").
            case outside
            /// A word that ties a message to the helpdesk ("lpse", "spse", "tender"), whatever else it names.
            case anchor
        }

        public var kind: Kind
        public var phrase: String
        public var intent: Intent?
        public var source: String

        public init(kind: Kind, phrase: String, intent: Intent? = nil, source: String) {
            self.kind = kind
            self.phrase = phrase
            self.intent = intent
            self.source = source
        }
    }

    /// Abbreviation or slang word → its standard form (one or more words).
    public var slang: [String: String]
    /// Misspelling → its correct spelling.
    public var typos: [String: String]
    public var rules: [PhraseRule]
    public var examples: [Example]

    public init(slang: [String: String], typos: [String: String], rules: [PhraseRule], examples: [Example]) {
        self.slang = slang
        self.typos = typos
        self.rules = rules
        self.examples = examples
    }
}
