import Foundation
import Intents
import Support
import Testing

@testable import Conversation

/// Simulated providers drive the real reducer, with the real intent recognizer, through randomised
/// registration journeys: taps or typing, documents sent early, typos and slang, English, "selesai" at any
/// step, a photo instead of a PDF, a status question mid-flow, a long silence, a wrong number first. Prints the
/// completion rate and the messages a complete ticket took.
struct SimulatedProviderTests {
    /// One provider with its habits, answering whatever the conversation asks.
    struct Provider {
        var random: SplitMix64
        var chat: Transcript
        let recognizer: IntentRecognizer
        var sent = 0
        var opened = false
        var botMessages: [String] = []
        var documentsSent = 0
        var habits: Set<Habit> = []
        var used: Set<Habit> = []

        enum Habit: CaseIterable {
            case typesInsteadOfTapping, documentsEarly, typo, english, selesaiAnywhere, photoFirst, statusMidFlow,
                silence,
                wrongNumberFirst
        }

        /// Sends a message and feeds back what the runtime would (stored files, the opened ticket).
        mutating func deliver(_ effects: [Effect]) {
            var pending = effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .send(let reply):
                    switch reply {
                    case .text(let text): self.botMessages.append(text)
                    case .buttons(let body, _), .list(let body, _, _), .document(_, let body):
                        self.botMessages.append(body)
                    }
                case .fetchMedia(let request):
                    pending += self.chat.stored(request.mediaID, request.filename)
                case .openTicket:
                    self.opened = true
                    pending += self.chat.event(.ticketOpened(number: 1259))
                default:
                    break
                }
            }
        }

        mutating func type(_ text: String) {
            self.sent += 1
            let classification = self.recognizer.classify(text, now: self.chat.now)
            self.deliver(self.chat.message(.text(text, classification)))
            self.chat.now = self.chat.now.addingTimeInterval(20)
        }

        mutating func tap(_ id: String) {
            self.sent += 1
            self.deliver(self.chat.tap(id))
            self.chat.now = self.chat.now.addingTimeInterval(10)
        }

        mutating func sendPDF(_ name: String) {
            self.sent += 1
            self.documentsSent += 1
            self.deliver(self.chat.pdf("m\(self.sent)", name))
            self.chat.now = self.chat.now.addingTimeInterval(30)
        }

        mutating func sendPhoto() {
            self.sent += 1
            self.deliver(self.chat.message(.image(mediaID: "photo\(self.sent)", caption: "foto ktp")))
        }

        /// Uses a habit once, when the provider has it and the dice say so.
        mutating func once(_ habit: Habit, chance: Int = 3) -> Bool {
            guard self.habits.contains(habit), !self.used.contains(habit), self.random.below(chance) == 0 else {
                return false
            }
            self.used.insert(habit)
            return true
        }

        /// One turn: answers what the conversation is asking.
        mutating func act() {
            if self.once(.silence, chance: 6) { self.chat.now = self.chat.now.addingTimeInterval(2 * 3600) }
            if self.once(.statusMidFlow, chance: 4) { return self.type("status tiket saya gimana ya?") }
            if self.once(.selesaiAnywhere, chance: 5) { return self.type("selesai") }
            switch self.chat.state.step {
            case .idle, .menu:
                if self.once(.english, chance: 1) {
                    return self.type("Hello, I need to register my company for e-procurement")
                }
                if self.habits.contains(.typesInsteadOfTapping) { return self.type("mau daftar akun spse pak") }
                if case .menu = self.chat.state.step { return self.tap("menu.registrasi") }
                return self.type("halo")
            case .resumeOffer:
                return self.tap("resume.continue")
            case .intake(let draft):
                switch draft.stage {
                case .field(let index, _):
                    let field = self.chat.context.catalogue.service(id: draft.serviceID)?.fields[index].id ?? ""
                    if self.once(.documentsEarly, chance: 1), self.documentsSent == 0 {
                        return self.sendPDF("ktp direktur.pdf")
                    }
                    switch field {
                    case "company":
                        let names =
                            self.habits.contains(.typo)
                            ? ["pt maju jaya", "PT. Sinar Abadi", "cv karya mandiri"] : ["PT Maju Jaya"]
                        return self.type(names[self.random.below(names.count)])
                    case "business_form":
                        return self.habits.contains(.typesInsteadOfTapping) ? self.type("pt") : self.tap("form.pt")
                    case "director_phone":
                        if self.once(.wrongNumberFirst, chance: 1) { return self.type("0812-345") }
                        return self.habits.contains(.typesInsteadOfTapping)
                            ? self.type("0812 3456 7890") : self.tap("phone.self")
                    default:
                        return self.type("PT Maju Jaya")
                    }
                case .consent:
                    return self.habits.contains(.typesInsteadOfTapping) ? self.type("setuju") : self.tap("consent.yes")
                case .documents:
                    if self.once(.photoFirst, chance: 1) { return self.sendPhoto() }
                    if draft.documents["ktp_direktur"] == nil,
                        !draft.uploads.contains(where: { $0.requirementID == "ktp_direktur" })
                    {
                        return self.sendPDF("ktp direktur.pdf")
                    }
                    if draft.documents["npwp_perusahaan"] == nil { return self.sendPDF("npwp perusahaan.pdf") }
                    return self.type("selesai")
                case .summary:
                    return self.habits.contains(.typesInsteadOfTapping)
                        ? self.type("ya kirim") : self.tap("summary.confirm")
                case .choosingChange, .editingDescription:
                    return self.type("batal")
                case .submitting:
                    return
                }
            default:
                return self.type("menu")
            }
        }

        /// Whether some bot message was said three times in a row.
        var repeatsThrice: Bool {
            zip(self.botMessages, zip(self.botMessages.dropFirst(), self.botMessages.dropFirst(2))).contains {
                $0 == $1.0 && $1.0 == $1.1
            }
        }
    }

    @Test func twoHundredRandomisedRegistrationsComplete() throws {
        let catalogue = try Fixtures.catalogue()
        let recognizer = try Fixtures.recognizer.get()
        var completed: [Int] = []
        var failures: [String] = []
        var repeats = 0
        for seed in 0..<200 {
            var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 11)
            var habits: Set<Provider.Habit> = []
            // About half the providers behave as asked; the others bring one to three habits.
            if random.below(2) == 1 {
                for _ in 0..<(1 + random.below(3)) {
                    habits.insert(Provider.Habit.allCases[random.below(Provider.Habit.allCases.count)])
                }
            }
            var provider = Provider(
                random: random, chat: Transcript(catalogue: catalogue), recognizer: recognizer, habits: habits)
            while !provider.opened, provider.sent < 30 { provider.act() }
            if provider.repeatsThrice { repeats += 1 }
            if provider.opened {
                completed.append(provider.sent)
            } else {
                failures.append(
                    "seed \(seed) \(habits): \(provider.botMessages.suffix(2).joined(separator: " | ").prefix(300))")
            }
        }
        let sorted = completed.sorted()
        let rate = Double(completed.count) / 200
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        let p90 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        print(
            "simulated providers: \(completed.count)/200 completed (\(String(format: "%.1f", rate * 100)) %, target >= 98 %), "
                + "median \(median) messages (target <= 8), p90 \(p90); journeys with a bot message three times in a row: \(repeats)"
        )
        for failure in failures.prefix(5) { print("  not completed: \(failure)") }
        #expect(rate >= 0.98)
        #expect(median <= 8)
        #expect(repeats == 0)
    }
}
