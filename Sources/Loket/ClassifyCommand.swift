import Foundation
import Intents

/// `loket classify [--now ISO8601] ["text"]`: prints the intent, confidence and entities of a message as one
/// JSON object, or of each line of standard input when no text is given.
struct ClassifyCommand {
    static let usage = "classify [--now ISO8601] [text]   classify a message (or each stdin line) as JSON"

    let arguments: [String]

    func run() -> Int32 {
        var now = Date()
        var texts: [String] = []
        var index = 0
        while index < self.arguments.count {
            let argument = self.arguments[index]
            if argument == "--now" {
                guard index + 1 < self.arguments.count, let date = Self.parseDate(self.arguments[index + 1]) else {
                    Self.fail("--now needs an ISO 8601 time such as 2026-12-03T09:00:00+07:00")
                    return 64
                }
                now = date
                index += 2
            } else {
                texts.append(argument)
                index += 1
            }
        }
        let directory = ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "Dialogs"
        let recognizer: IntentRecognizer
        do {
            recognizer = try IntentRecognizer(dialogsDirectory: URL(fileURLWithPath: directory))
        } catch {
            Self.fail("cannot load intent data from \(directory): \(error)")
            return 65
        }
        if texts.isEmpty {
            while let line = readLine() {
                print(recognizer.classify(line, now: now).json)
            }
        } else {
            print(recognizer.classify(texts.joined(separator: " "), now: now).json)
        }
        return 0
    }

    private static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("loket classify: \(message)\n".utf8))
    }
}
