import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Conversation

/// The filter in front of a phrase index rules out most words that begin no phrase, and never one that does.
struct FirstWordFilterTests {
    let catalogueWords: [Substring]

    init() throws {
        let keywords = try DialogCatalogue.load(dialogsDirectory: Fixtures.dialogsDirectory).settings.keywords
        let words = Set(keywords.values.joined().flatMap { DialogSettings.spacedWords($0).split(separator: " ") })
        self.catalogueWords = words.sorted()
    }

    /// A word repeated with a 2 ("tanya2") is the word when it has two letters or more (`PhraseIndex.unrepeated`).
    @Test func everyKeyAndItsWordRepeatedWithATwoIsLetThrough() {
        let keys = self.catalogueWords.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
        let filter = FirstWordFilter(keys)
        for key in keys {
            let through = filter.mayContain(hash: FirstWordFilter.hash(key))
            #expect(through, "\(key)")
            guard key.count >= 2, key.allSatisfy(\.isLetter) else { continue }
            let repeated = filter.mayContain(hash: FirstWordFilter.hash(key + "2"))
            #expect(repeated, "\(key)2")
        }
    }

    @Test func mostWordsThatAreNoKeyAreRuledOut() {
        let split = self.catalogueWords.enumerated()
        let keys = split.filter { $0.offset.isMultiple(of: 2) }.map(\.element)
        let others = split.filter { !$0.offset.isMultiple(of: 2) }.map(\.element)
        let filter = FirstWordFilter(keys)
        let letThrough = others.filter { filter.mayContain(hash: FirstWordFilter.hash($0)) }.count
        #expect(others.count > 200)
        #expect(letThrough * 20 < others.count, "\(letThrough) of \(others.count) let through")
    }

    /// A word outside ASCII may be a key's canonical equivalent, which bytes do not show: it is always looked up,
    /// and a list with such a key looks up every word.
    @Test func wordsAndKeysBeyondASCIIAreAlwaysLookedUp() {
        let filter = FirstWordFilter(["kantor"])
        #expect(filter.mayContain(hash: FirstWordFilter.hash("cafe\u{301}")))
        #expect(!filter.mayContain(hash: FirstWordFilter.hash("rumah")))
        let accented = FirstWordFilter(["kantor", "café"])
        #expect(accented.mayContain(hash: FirstWordFilter.hash("rumah")))
    }

    @Test func anEmptyListLetsNothingThrough() {
        let filter = FirstWordFilter([Substring]())
        #expect(!self.catalogueWords.contains { filter.mayContain(hash: FirstWordFilter.hash($0)) })
    }
}

/// A message's words are split once per thread for the lists looked for in them, and what is found is what a
/// fresh split finds, on any number of threads at once.
struct MessageWordsTests {
    /// Run on a thread of its own: the splits are kept per thread, and only a thread the test owns is sure to
    /// split nothing else between its steps.
    @Test func theSameWordsAreSplitOnce() {
        let found = Mutex<[String: Bool]>([:])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let words = DialogSettings.spacedWords("mau daftar akun spse utk perusahaan kami")
            let first = MessageWords.of(words)
            let same = MessageWords.of(String(decoding: Array(words.utf8), as: UTF8.self)) === first
            let other = MessageWords.of(DialogSettings.spacedWords("halo min")) !== first
            let kept = MessageWords.of(words) === first
            for count in 1..<MessageWords.keptPerThread {
                _ = MessageWords.of(DialogSettings.spacedWords("pesan nomor \(count)"))
            }
            let dropped = MessageWords.of(words) !== first
            found.withLock { $0 = ["same": same, "other": other, "kept": kept, "dropped": dropped] }
            done.signal()
        }
        thread.start()
        done.wait()
        let results = found.withLock { $0 }
        #expect(results["same"] == true, "the same words, another string")
        #expect(results["other"] == true, "other words")
        #expect(results["kept"] == true, "a split is kept beside the thread's next ones")
        #expect(results["dropped"] == true, "only the thread's latest splits are kept")
    }

    /// The words are split at space bytes as at space characters, whatever the text's letters: accents written
    /// as one character or with a combining mark, a mark after punctuation, other scripts, CR LF.
    @Test(arguments: [
        "mau daftar akun spse utk perusahaan kami", "", " ", "Café ÑANDÚ 12 naïve", "cafe\u{301} de\u{301}ja\u{300} vu",
        "a ,\u{301}b ,\u{301}", "\u{301}awal", "こんにちは 世界, 123", "baris satu\r\nbaris dua", "emoji 👍🏽 ok 🇮🇩",
    ])
    func theWordsAreThoseOfACharacterSplit(text: String) {
        let words = DialogSettings.spacedWords(text)
        #expect(MessageWords.of(words).tokens == words.split(separator: " ", omittingEmptySubsequences: false))
    }

    @Test func threadsReadingDifferentMessagesFindWhatOneThreadFinds() throws {
        let settings = try Fixtures.catalogue().settings
        let messages = [
            "mau daftar akun spse utk perusahaan kami", "sy udh daftar tp blm bs login2", "ga usah survei min",
            "kok ga bisa upload dokumen kualifikasi ya?", "alamat kantor kami pindah ke jl sudirman",
            "tolong dipercepat ya min, tender tutup besok", "Hi, I need to register my company",
        ].map(DialogSettings.spacedWords)
        let names = settings.keywords.keys.sorted()
        let expected = messages.map { words in names.map { settings.firstMention(in: words, keywordsNamed: $0) } }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { round in
            for offset in messages.indices {
                let index = (round + offset) % messages.count
                let found = names.map { settings.firstMention(in: messages[index], keywordsNamed: $0) }
                if found != expected[index] { mismatches.withLock { $0 += 1 } }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }

    /// The FAQ's questions are found through their index as phrase by phrase, each phrase read as a message is:
    /// "what's sikap" is "what s sikap", so "what's SIKaP?" is that question, where a search for the phrase as
    /// written never found it.
    @Test func theFAQIsFoundThroughItsIndexAsPhraseByPhrase() throws {
        let catalogue = try Fixtures.catalogue()
        var messages = ["berapa lama verifikasinya min?", "biayanya berapa", "halo", "jam buka kantor kapan ya"]
        messages += catalogue.faq.flatMap { entry in entry.keywords.map { "min mau tanya \($0) ya" } }
        // Two questions in one message: the one asked first is the one found.
        messages += zip(catalogue.faq, catalogue.faq.reversed()).compactMap { first, second in
            guard let asked = first.keywords.first, let then = second.keywords.last else { return nil }
            return "\(asked) lalu \(then)?"
        }
        var found = 0
        for message in messages {
            let words = DialogSettings.spacedWords(message)
            let indexed = catalogue.faqEntry(mentionedIn: words)
            let phraseByPhrase = DialogSettings.firstMentioned(in: words, among: catalogue.faq) { entry in
                entry.keywords.map { DialogSettings.spacedWords($0).split(separator: " ").joined(separator: " ") }
            }
            #expect(indexed?.id == phraseByPhrase?.id, "\(message)")
            if indexed != nil { found += 1 }
        }
        #expect(found > messages.count / 2)
        #expect(catalogue.faqEntry(mentionedIn: DialogSettings.spacedWords("what's SIKaP?"))?.id == "sikap")
    }
}
