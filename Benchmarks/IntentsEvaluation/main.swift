import Foundation
import Intents

// Scores the recognizer on labelled sets kept apart from the training examples: accuracy, per-intent
// precision/recall/F1, a confusion table, calibration, and exact entity extraction on the messages that carry
// entities. Without a path it scores, in order, the authors' set (Dialogs/intents/evaluation.jsonl), the
// development part of the independent set (Dialogs/intents/independent/development.jsonl) and its blind part
// (Dialogs/intents/independent/blind.jsonl). The blind part is read here and nowhere else, and its errors are
// never printed: `--errors` lists the errors of the other sets only, so tuning cannot look at it.
//
// usage: IntentsEvaluation [--errors] [--naive-bayes] [path/to/set.jsonl]     (LOKET_DIALOGS picks the Dialogs folder)

let arguments = Array(CommandLine.arguments.dropFirst())
let showErrors = arguments.contains("--errors")
let dialogs = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LOKET_DIALOGS"] ?? "Dialogs")
let givenPath = arguments.first { !$0.hasPrefix("--") }
let defaultNow = ISO8601DateFormatter().date(from: "2026-12-03T09:00:00+07:00")!

struct Case {
    var line: Int
    var text: String
    var intent: Intent
    var entities: [String: String]
    var now: Date
}

func flatten(_ entities: Entities) -> [String: String] {
    var result: [String: String] = [:]
    if let value = entities.ticketNumber { result["ticket_number"] = String(value) }
    if let value = entities.phone { result["phone"] = value }
    if let value = entities.npwp { result["npwp"] = value }
    if let value = entities.nik { result["nik"] = value }
    if let value = entities.nip { result["nip"] = value }
    if let value = entities.company { result["company"] = "\(value.name)|\(value.form.rawValue)" }
    if let value = entities.choice { result["choice"] = String(value) }
    if let value = entities.kodeTender { result["kode_tender"] = value }
    if let value = entities.datetime { result["datetime"] = Entities.jakartaTimestamp(value) }
    return result
}

func flatten(_ object: [String: Any]) -> [String: String] {
    var result: [String: String] = [:]
    for (key, value) in object {
        if let company = value as? [String: Any] {
            result[key] = "\(company["name"] as? String ?? "")|\(company["form"] as? String ?? "")"
        } else if let number = value as? NSNumber, !(value is String) {
            result[key] = number.stringValue
        } else {
            result[key] = "\(value)"
        }
    }
    return result
}

func loadCases(_ path: String) -> [Case] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(66)
    }
    var cases: [Case] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { continue }
        guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
            let message = object["text"] as? String, let label = object["intent"] as? String,
            let intent = Intent(rawValue: label)
        else {
            FileHandle.standardError.write(
                Data("\(path):\(offset + 1): expected {\"text\", \"intent\", \"entities\"?}\n".utf8))
            exit(65)
        }
        var now = defaultNow
        if let stamp = object["now"] as? String, let date = ISO8601DateFormatter().date(from: stamp) { now = date }
        cases.append(
            Case(
                line: offset + 1, text: message, intent: intent,
                entities: flatten(object["entities"] as? [String: Any] ?? [:]), now: now))
    }
    return cases
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func leftPad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func format(_ value: Double, _ digits: Int = 3) -> String {
    String(format: "%.\(digits)f", value)
}

/// `--tune`: grid search of the classifier options by leave-one-out accuracy on the training examples only.
if arguments.contains("--tune") {
    guard let data = try? IntentData.load(from: dialogs) else { exit(65) }
    var best: (options: IntentRecognizer.Options, accuracy: Double, error: Double)?
    for complement in [false, true] {
        for smoothing: Float in [0.01, 0.02, 0.05, 0.1, 0.3] {
            for pair: Float in [0.4, 0.7, 1.0, 1.5] {
                for character: Float in [0.1, 0.2, 0.4, 0.6] {
                    for (shortest, longest) in [(2, 4), (3, 5), (3, 4)] {
                        let options = IntentRecognizer.Options(
                            smoothing: smoothing, pairWeight: pair, characterWeight: character,
                            shortestCharacterGram: shortest, longestCharacterGram: longest, complement: complement)
                        guard let candidate = try? IntentRecognizer(data: data, options: options) else { continue }
                        let report = candidate.trainingReport
                        if best == nil || report.leaveOneOutAccuracy > best!.accuracy {
                            best = (options, report.leaveOneOutAccuracy, report.calibrationError)
                        }
                    }
                }
            }
        }
    }
    if let best {
        print(
            "best by leave-one-out on the training examples: \(best.options), accuracy \(format(best.accuracy * 100, 1)) %, ECE \(format(best.error))"
        )
    }
    exit(0)
}

let recognizer: IntentRecognizer
do {
    recognizer = try IntentRecognizer(
        dialogsDirectory: dialogs,
        options: IntentRecognizer.Options(logistic: !arguments.contains("--naive-bayes")))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(65)
}
// Messages whose normalised text equals a training example (mostly one-word replies such as "ya") are
// reported apart, so the accuracy on unseen phrasings is visible too.
let trainingTexts = Set(
    ((try? IntentData.load(from: dialogs))?.examples ?? []).map { recognizer.normaliser.normalise($0.text) })
/// Scores one set and prints its report; returns whether the targets are met.
func evaluate(_ title: String, path: String, isBlind: Bool) -> Bool {
    let cases = loadCases(path)
    var unseenCount = 0
    var unseenCorrect = 0
    var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
    var correct = 0
    var entityCases = 0
    var entityExact = 0
    var spuriousCases = 0
    var spurious = 0
    var errors: [String] = []
    var bins = [(confidence: Double, correct: Double, count: Double)](repeating: (0, 0, 0), count: 10)

    for item in cases {
        let result = recognizer.classify(item.text, now: item.now)
        let gold = labels.firstIndex(of: item.intent)!
        let predicted = labels.firstIndex(of: result.intent)!
        confusion[gold][predicted] += 1
        let isCorrect = gold == predicted
        if isCorrect { correct += 1 }
        if !trainingTexts.contains(recognizer.normaliser.normalise(item.text)) {
            unseenCount += 1
            if isCorrect { unseenCorrect += 1 }
        }
        let bin = min(Int(result.confidence * 10), 9)
        bins[bin].confidence += result.confidence
        bins[bin].correct += isCorrect ? 1 : 0
        bins[bin].count += 1
        let found = flatten(result.entities)
        if !isCorrect {
            errors.append(
                "line \(item.line): intent \(result.intent.rawValue) (\(format(result.confidence, 2))) "
                    + "expected \(item.intent.rawValue): \(item.text)")
        }
        if item.entities.isEmpty {
            spuriousCases += 1
            if !found.isEmpty {
                spurious += 1
                errors.append("line \(item.line): unexpected entities \(result.entities.json): \(item.text)")
            }
        } else {
            entityCases += 1
            if found == item.entities {
                entityExact += 1
            } else {
                errors.append(
                    "line \(item.line): entities \(result.entities.json) expected \(item.entities): \(item.text)")
            }
        }
    }

    print("")
    print("== \(title): \(cases.count) messages (\(path))")
    let accuracy = Double(correct) / Double(max(cases.count, 1))
    print("Accuracy: \(correct)/\(cases.count) = \(format(accuracy * 100, 1)) %")
    print(
        "Accuracy on the \(unseenCount) messages that are not, after normalising, a training example: "
            + "\(unseenCorrect)/\(unseenCount) = \(format(Double(unseenCorrect) / Double(max(unseenCount, 1)) * 100, 1)) %"
    )
    print("")
    print("\(pad("intent", 16)) \(leftPad("prec", 6)) \(leftPad("recall", 6)) \(leftPad("F1", 6)) \(leftPad("n", 4))")
    var lowestF1 = 1.0
    for (index, label) in labels.enumerated() {
        let truePositives = Double(confusion[index][index])
        let predictedCount = Double(confusion.map { $0[index] }.reduce(0, +))
        let goldCount = Double(confusion[index].reduce(0, +))
        let precision = predictedCount == 0 ? (goldCount == 0 ? 1 : 0) : truePositives / predictedCount
        let recall = goldCount == 0 ? 1 : truePositives / goldCount
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        if goldCount > 0 { lowestF1 = min(lowestF1, f1) }
        print(
            "\(pad(label.rawValue, 16)) \(leftPad(format(precision), 6)) \(leftPad(format(recall), 6)) "
                + "\(leftPad(format(f1), 6)) \(leftPad(String(Int(goldCount)), 4))")
    }
    print("")
    print("Confusion (rows expected, columns predicted):")
    let short = labels.map { String($0.rawValue.replacingOccurrences(of: "_", with: "").prefix(5)) }
    print(pad("", 16) + short.map { leftPad($0, 6) }.joined())
    for (index, label) in labels.enumerated() {
        print(pad(label.rawValue, 16) + confusion[index].map { leftPad($0 == 0 ? "." : String($0), 6) }.joined())
    }
    let calibrationError = bins.reduce(0.0) { sum, bin in
        bin.count == 0 ? sum : sum + abs(bin.confidence - bin.correct) / Double(max(cases.count, 1))
    }
    print("")
    print("Reliability (confidence bin: mean confidence / accuracy / n):")
    for (index, bin) in bins.enumerated() where bin.count > 0 {
        print(
            "  \(format(Double(index) / 10, 1))-\(format(Double(index + 1) / 10, 1)): "
                + "\(format(bin.confidence / bin.count)) / \(format(bin.correct / bin.count)) / \(Int(bin.count))")
    }
    print("Expected calibration error: \(format(calibrationError))")
    print("")
    let entityAccuracy = Double(entityExact) / Double(max(entityCases, 1))
    print(
        "Entities: exact on \(entityExact)/\(entityCases) messages that carry entities = \(format(entityAccuracy * 100, 1)) %"
    )
    print("Entities: spurious on \(spurious)/\(spuriousCases) messages without entities")
    let met = accuracy >= 0.95 && lowestF1 >= 0.90 && entityAccuracy >= 0.98
    print(
        "Targets (accuracy ≥ 95 %, every F1 ≥ 0.90, entities ≥ 98 %): \(met ? "met" : "NOT met") "
            + "(lowest F1 \(format(lowestF1)))")
    if showErrors && !isBlind && !errors.isEmpty {
        print("")
        print("Errors:")
        for error in errors { print("  " + error) }
    }
    return met
}

let labels = Intent.allCases
let report = recognizer.trainingReport
print(
    "Training: \(report.exampleCount) examples; held-out accuracy of the classifier alone "
        + "\(format(report.leaveOneOutAccuracy * 100, 1)) %, ECE \(format(report.calibrationError)), "
        + "temperature \(format(report.temperature, 2))")

if let givenPath {
    // The blind part keeps its errors to itself, by whichever path it is named.
    let isBlind = URL(fileURLWithPath: givenPath).lastPathComponent == "blind.jsonl"
    exit(evaluate("Evaluation set", path: givenPath, isBlind: isBlind) ? 0 : 1)
}
let intents = dialogs.appendingPathComponent("intents")
_ = evaluate("Authors' set", path: intents.appendingPathComponent("evaluation.jsonl").path, isBlind: false)
_ = evaluate(
    "Independent set, development part", path: intents.appendingPathComponent("independent/development.jsonl").path,
    isBlind: false)
let blindMet = evaluate(
    "Independent set, blind part (the target)", path: intents.appendingPathComponent("independent/blind.jsonl").path,
    isBlind: true)
exit(blindMet ? 0 : 1)
