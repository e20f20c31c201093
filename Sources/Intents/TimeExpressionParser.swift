import Foundation
import Support

/// Resolves Indonesian and English time expressions ("besok jam 10", "senin depan pukul 13.30",
/// "tgl 5 des jam 11", "tomorrow 2pm", "10:30", "jam 2 siang", "lusa") against a given now in Asia/Jakarta
/// (UTC+7, no daylight saving), rejecting impossible ones ("jam 25", "tgl 31 feb").
///
/// Reading rules (see `Dialogs/intents/README.md`): a weekday alone is its next occurrence from today;
/// "senin depan" / "next monday" is that day of the following Monday-to-Sunday week; "senin ini" is that day
/// of the current week; a time alone is today, or tomorrow once it has passed; a date without a year is
/// its next occurrence; an hour from 1 to 6 without "pagi"/"am" is read as afternoon (office hours).
public struct TimeExpressionParser: Sendable {
    /// A resolved point in time, and whether a time of day and a day were given.
    public struct Resolved: Equatable, Sendable {
        public var date: Date
        public var includesTime: Bool
        /// Whether the text names the day ("besok", "senin", "tgl 5"); `false` for a time alone ("jam 10"),
        /// which is then today, or tomorrow once it has passed.
        public var includesDay: Bool = true
    }

    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    /// The first time expression in `text`, or `nil` if there is none or it is impossible.
    public func parse(_ text: String) -> Resolved? {
        let tokens = MessageLexer.tokens(of: text)
        var claimed = [Bool](repeating: false, count: tokens.count)
        return self.parse(tokens, claimed: &claimed)
    }

    private enum WeekMode {
        case nearest
        case this
        case next
    }

    private struct Parts {
        var dayOffset: Int?
        var weekday: (day: Int, mode: WeekMode)?
        var date: (day: Int, month: Int?, year: Int?)?
        var time: (hour: Int, minute: Int)?
        var invalid = false
        /// "kemarin", "lalu", "yesterday", "last", "ago": the message speaks of the past.
        var past = false

        var hasDay: Bool { self.dayOffset != nil || self.weekday != nil || self.date != nil }
        var hasValue: Bool { self.hasDay || self.time != nil || self.invalid }

        /// These parts, with the day or the time they lack taken from `earlier`: "senin jam 10, diundur ke
        /// selasa" keeps ten o'clock, "besok jam 10 dimajukan jam 9" keeps tomorrow.
        func filling(from earlier: Parts?) -> Parts {
            guard let earlier else { return self }
            var result = self
            if !self.hasDay {
                result.dayOffset = earlier.dayOffset
                result.weekday = earlier.weekday
                result.date = earlier.date
            }
            if self.time == nil { result.time = earlier.time }
            result.past = self.past || earlier.past
            return result
        }
    }

    func parse(_ tokens: [MessageToken], claimed: inout [Bool]) -> Resolved? {
        var parts = Parts()
        /// What was read before a word that moves it ("jam 10.30 rapat, bisa diundur jam 13.00?").
        var replaced: Parts?
        var used: [Int] = []
        var index = 0
        func word(_ offset: Int) -> String? {
            let position = index + offset
            guard position >= 0, position < tokens.count, !claimed[position], tokens[position].kind == .word else {
                return nil
            }
            return tokens[position].text
        }
        func token(_ offset: Int) -> MessageToken? {
            let position = index + offset
            guard position >= 0, position < tokens.count, !claimed[position] else { return nil }
            return tokens[position]
        }
        while index < tokens.count {
            if claimed[index] {
                index += 1
                continue
            }
            let current = tokens[index]
            switch current.kind {
            case .word:
                let text = current.text.hasSuffix("'s") ? String(current.text.dropLast(2)) : current.text
                if Self.pastWords.contains(text) { parts.past = true }
                if Self.changeWords.contains(text), parts.hasValue {
                    replaced = parts.filling(from: replaced)
                    parts = Parts(past: parts.past)
                } else if let offset = Self.relativeDays[text] {
                    parts.dayOffset = parts.dayOffset ?? offset
                    used.append(index)
                } else if (text == "hari" || text == "hr"), word(1) == "ini" {
                    parts.dayOffset = parts.dayOffset ?? 0
                    used += [index, index + 1]
                    index += 1
                } else if let weekday = Self.weekdays[text],
                    !(Self.weekWords.contains(text) && (Self.isWeekWord(word(1)) || token(-1)?.kind == .number))
                {
                    // "minggu lalu", "2 mgg": weeks, not Sunday.
                    var mode = WeekMode.nearest
                    used.append(index)
                    if word(-1) == "next" {
                        mode = .next
                        used.append(index - 1)
                    } else if word(-1) == "this" {
                        mode = .this
                        used.append(index - 1)
                    }
                    if word(1) == "depan" || word(1) == "dpn" {
                        mode = .next
                        used.append(index + 1)
                        index += 1
                    } else if word(1) == "ini" {
                        mode = .this
                        used.append(index + 1)
                        index += 1
                    } else if word(1) == "minggu", word(2) == "depan" || word(2) == "dpn" {
                        mode = .next
                        used += [index + 1, index + 2]
                        index += 2
                    }
                    if parts.weekday == nil { parts.weekday = (weekday, mode) }
                } else if Self.clockWords.contains(text), let number = token(1), number.kind == .number {
                    used += [index, index + 1]
                    index += 1
                    self.readClock(number, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                } else if text == "setengah", let number = token(1), let hour = number.intValue {
                    used += [index, index + 1]
                    index += 1
                    Self.setTime(hour: hour - 1, minute: 30, period: nil, parts: &parts)
                } else if Self.dateWords.contains(text), let number = token(1), let day = number.intValue {
                    used += [index, index + 1]
                    index += 1
                    self.readDate(day: day, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                } else if let month = Self.months[text], let number = token(1), let day = number.intValue,
                    (1...31).contains(day)
                {
                    used += [index, index + 1]
                    index += 1
                    var year: Int?
                    if let next = token(1), next.kind == .word, ["st", "nd", "rd", "th"].contains(next.text) {
                        used.append(index + 1)
                        index += 1
                    }
                    if let next = token(1), let value = next.intValue, (2000...2100).contains(value) {
                        year = value
                        used.append(index + 1)
                        index += 1
                    }
                    if parts.date == nil { parts.date = (day, month, year) }
                }
            case .number:
                if current.text.contains(":") {
                    used.append(index)
                    self.readClock(current, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                } else if current.text.contains("/") || (current.text.contains("-") && !current.text.hasPrefix("+")) {
                    if let date = Self.numericDate(current.text) {
                        used.append(index)
                        if parts.date == nil { parts.date = date }
                    }
                } else if let day = current.intValue, let next = word(1), Self.months[next] != nil {
                    used.append(index)
                    self.readDate(day: day, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                } else if current.intValue != nil, let next = word(1),
                    Self.periods[next] != nil || next == "am" || next == "pm"
                {
                    used.append(index)
                    self.readClock(current, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                } else if Self.isDottedClock(current.text) {
                    used.append(index)
                    self.readClock(current, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                }
            case .symbol:
                if current.text == "@", let number = token(1), number.kind == .number {
                    used += [index, index + 1]
                    index += 1
                    self.readClock(number, at: &index, tokens: tokens, claimed: claimed, parts: &parts, used: &used)
                }
            }
            index += 1
        }
        for position in used where position >= 0 && position < claimed.count { claimed[position] = true }
        if let replaced { parts = parts.hasValue ? parts.filling(from: replaced) : replaced }
        guard !parts.invalid else { return nil }
        return self.resolve(parts)
    }

    private func readClock(
        _ number: MessageToken, at index: inout Int, tokens: [MessageToken], claimed: [Bool], parts: inout Parts,
        used: inout [Int]
    ) {
        let pieces = number.text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let hour = Int(pieces[0]), pieces[0].count <= 2
        else {
            parts.invalid = true
            return
        }
        var minute = 0
        if pieces.count == 2 {
            guard pieces[1].count == 2, let value = Int(pieces[1]) else {
                parts.invalid = true
                return
            }
            minute = value
        }
        var period: String?
        var lookahead = index + 1
        while lookahead < tokens.count, !claimed[lookahead], tokens[lookahead].kind == .word,
            ["wib", "am", "pm", "pagi", "siang", "sore", "malam", "petang"].contains(tokens[lookahead].text)
        {
            if tokens[lookahead].text != "wib" { period = tokens[lookahead].text }
            used.append(lookahead)
            lookahead += 1
        }
        index = lookahead - 1
        Self.setTime(hour: hour, minute: minute, period: period, parts: &parts)
    }

    private static func setTime(hour: Int, minute: Int, period: String?, parts: inout Parts) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            parts.invalid = true
            return
        }
        var adjusted = hour
        switch period {
        case "pm":
            guard hour <= 12 else { break }
            if hour < 12 { adjusted += 12 }
        case "am":
            if hour == 12 { adjusted = 0 }
        case "siang":
            if (1...5).contains(hour) { adjusted += 12 }
        case "sore", "petang":
            if (1...11).contains(hour) { adjusted += 12 }
        case "malam":
            if (6...11).contains(hour) { adjusted += 12 } else if hour == 12 { adjusted = 0 }
        case "pagi":
            if hour == 12 { adjusted = 0 }
        default:
            if (1...6).contains(hour) { adjusted += 12 }
        }
        if parts.time == nil { parts.time = (adjusted, minute) }
    }

    private func readDate(
        day: Int, at index: inout Int, tokens: [MessageToken], claimed: [Bool], parts: inout Parts, used: inout [Int]
    ) {
        var month: Int?
        var year: Int?
        if index + 1 < tokens.count, !claimed[index + 1], let value = Self.months[tokens[index + 1].text] {
            month = value
            used.append(index + 1)
            index += 1
            if index + 1 < tokens.count, !claimed[index + 1], let value = tokens[index + 1].intValue,
                (2000...2100).contains(value)
            {
                year = value
                used.append(index + 1)
                index += 1
            }
        }
        guard (1...31).contains(day) else {
            parts.invalid = true
            return
        }
        if parts.date == nil { parts.date = (day, month, year) }
    }

    private func resolve(_ parts: Parts) -> Resolved? {
        let (todayNumber, secondsToday) = JakartaTime.local(self.now)
        let today = LocalDate(dayNumber: todayNumber)
        let timeSeconds = parts.time.map { $0.hour * 3600 + $0.minute * 60 }
        var day: LocalDate
        if let date = parts.date {
            if let month = date.month {
                var year = date.year ?? today.year
                if date.year == nil, !parts.past, (month, date.day) < (today.month, today.day) {
                    year += 1
                } else if date.year == nil, parts.past, (month, date.day) > (today.month, today.day) {
                    year -= 1
                }
                guard let valid = LocalDate(year: year, month: month, day: date.day) else { return nil }
                day = valid
            } else {
                var year = today.year
                var month = today.month
                if date.day < today.day && !parts.past {
                    month += 1
                    if month > 12 {
                        month = 1
                        year += 1
                    }
                } else if date.day > today.day && parts.past {
                    month -= 1
                    if month < 1 {
                        month = 12
                        year -= 1
                    }
                }
                guard let valid = LocalDate(year: year, month: month, day: date.day) else { return nil }
                day = valid
            }
        } else if let offset = parts.dayOffset {
            day = today.adding(days: offset)
        } else if let weekday = parts.weekday {
            switch weekday.mode {
            case .nearest where parts.past:
                let delta = ((today.isoWeekday - 1) - weekday.day + 7) % 7
                day = today.adding(days: delta == 0 ? -7 : -delta)
            case .nearest:
                var delta = (weekday.day - (today.isoWeekday - 1) + 7) % 7
                if delta == 0, let timeSeconds, timeSeconds <= secondsToday { delta = 7 }
                day = today.adding(days: delta)
            case .this:
                day = today.adding(days: weekday.day - (today.isoWeekday - 1))
            case .next:
                day = today.adding(days: 7 - (today.isoWeekday - 1) + weekday.day)
            }
        } else if let timeSeconds {
            day = timeSeconds > secondsToday ? today : today.adding(days: 1)
        } else {
            return nil
        }
        return Resolved(
            date: JakartaTime.instant(day: day.dayNumber, second: timeSeconds ?? 0), includesTime: timeSeconds != nil,
            includesDay: parts.hasDay)
    }

    /// `5/12`, `05/12/2026`, `5-12-26`, `2026-12-05`.
    private static func numericDate(_ text: String) -> (day: Int, month: Int?, year: Int?)? {
        let pieces = text.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard (2...3).contains(pieces.count), pieces.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let values = pieces.compactMap { Int($0) }
        guard values.count == pieces.count else { return nil }
        // A year is written with two digits (2000 onwards) or four, from 2000 to 2100 like a named one;
        // "22/3/8" or "1/1/0999" is no date.
        let years = 2000...2100
        if pieces.count == 3, pieces[0].count == 4 {
            guard years.contains(values[0]), pieces[1].count <= 2, pieces[2].count <= 2 else { return nil }
            return (values[2], values[1], values[0])
        }
        guard pieces[0].count <= 2, pieces[1].count <= 2, (1...12).contains(values[1]) else { return nil }
        var year: Int?
        if pieces.count == 3 {
            switch pieces[2].count {
            case 2: year = 2000 + values[2]
            case 4 where years.contains(values[2]): year = values[2]
            default: return nil
            }
        }
        return (values[0], values[1], year)
    }

    /// "13.30", "9.15": an hour and two-digit minutes separated by a dot.
    private static func isDottedClock(_ text: String) -> Bool {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[1].count == 2, (1...2).contains(pieces[0].count),
            let hour = Int(pieces[0]), let minute = Int(pieces[1])
        else { return false }
        return hour <= 23 && minute <= 59
    }

    /// The words for Sunday that also mean a week.
    private static let weekWords: Set<String> = ["minggu", "mgg", "mg"]

    private static func isWeekWord(_ next: String?) -> Bool {
        next == "depan" || next == "dpn" || next == "ini" || next == "lalu" || next == "kemarin"
    }

    private static let relativeDays: [String: Int] = [
        "today": 0, "besok": 1, "bsk": 1, "besuk": 1, "bsok": 1, "esok": 1, "tomorrow": 1, "tmrw": 1, "tmr": 1,
        "lusa": 2,
    ]

    private static let pastWords: Set<String> = ["kemarin", "kmrn", "kemaren", "lalu", "yesterday", "last", "ago"]

    /// Words that move a time already given to the one that follows them.
    private static let changeWords: Set<String> = [
        "diundur", "undur", "undurkan", "dimundurkan", "mundurkan", "dimajukan", "majukan", "dimajuin", "majuin",
        "pindah", "dipindah", "dipindahkan", "pindahkan", "ganti", "diganti", "gantikan", "diubah", "ubah", "jadi",
        "geser", "digeser", "ke", "reschedule", "resched", "move", "moved", "postpone", "postponed", "instead", "to",
    ]

    private static let clockWords: Set<String> = ["jam", "jm", "pukul", "pkl", "at"]

    private static let dateWords: Set<String> = ["tgl", "tanggal", "tangal", "tgll", "date", "tg"]

    private static let periods: [String: Int] = ["pagi": 0, "siang": 1, "sore": 2, "petang": 2, "malam": 3]

    private static let weekdays: [String: Int] = [
        "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4, "sabtu": 5,
        "minggu": 6, "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4,
        // As providers abbreviate them in chat ("jmt sore", "sls dpn").
        "sen": 0, "snn": 0, "sel": 1, "sls": 1, "slsa": 1, "rab": 2, "rabo": 2, "kam": 3, "kms": 3, "jum": 4, "jmt": 4,
        "jmat": 4, "sab": 5, "sbt": 5, "mgg": 6,
    ]

    private static let months: [String: Int] = [
        "januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2, "february": 2, "maret": 3,
        "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7,
        "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "ags": 8, "aug": 8, "august": 8,
        "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11,
        "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
    ]
}
