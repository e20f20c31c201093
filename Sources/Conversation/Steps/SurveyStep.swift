import Foundation
import Intents
import Support

/// Answering the satisfaction survey after a ticket is closed: one question per answer scale, then a comment.
struct SurveyStep: DialogStep {
    let progress: SurveyProgress

    var isJourney: Bool { true }

    func expectsFreeText(in turn: ConversationTurn) -> Bool { self.progress.askingComment }

    /// "skip", "tidak ada", "cukup" where a comment is optional skip it: they leave no comment, and never the
    /// survey. A rating out of ten ("10/10") answers a question, also where the recognizer reads it as a date,
    /// and so does an answer in the scale's words alone ("cukup", "ok min"), whatever a command would make of
    /// it; "cukup segini dulu" stops. The comment takes a sentence whatever else it reads as ("kenapa proses
    /// verifikasi lama sekali?" got the status of no ticket, and the comment was asked again).
    func claims(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        if self.skipsComment(text, classification: classification, in: turn) { return true }
        if self.progress.askingComment, !turn.commentRequired(self.progress), classification.intent == .thanks {
            // "makasih min" where a comment is optional: the survey is sent with it, where it got "Sama-sama" and
            // the survey waited for a comment.
            return true
        }
        if self.progress.askingComment { return turn.isForStaff(text, classification: classification) }
        if turn.saysTicketIsDone(text) || turn.saysStillNotSolved(text) { return true }
        guard let survey = turn.context.survey else { return false }
        if survey.ratingValue(in: text) != nil || survey.emojiValue(in: text) != nil || turn.declinesSurvey(text)
            || turn.surveyAnswerList(in: text) != nil
            || turn.opinion(in: text) != nil
            || turn.surveyRemark(text, classification: classification)
        {
            return true
        }
        let settings = turn.catalogue.settings
        let negations = settings.keywordSet("not")
        return survey.isAnswerAlone(text, fillers: settings.keywordSet("filler"))
            && survey.scaleValue(in: text, negations: negations) != nil
            || turn.leadingSurveyAnswer(in: text) != nil
    }

    /// "tidak ada", "cukup", and where a comment is optional "ok", "👍", "-", which add nothing: they got "Mohon
    /// tulis minimal 3 karakter." and counted as a wrong answer.
    func skipsComment(_ text: String, classification: Classification, in turn: ConversationTurn) -> Bool {
        guard self.progress.askingComment, !turn.commentRequired(self.progress) else { return false }
        return [.cancel, .deny].contains(classification.intent) && classification.confidence >= 0.9
            && text.wordCount <= 3 || turn.addsNothing(text) || turn.saysNoComment(text)
    }

    func options(in turn: ConversationTurn) -> [ChoiceOption] {
        if self.progress.askingComment {
            return turn.commentRequired(self.progress)
                ? [] : [ChoiceOption(.surveySkip, title: turn.t(.buttonSkip))]
        }
        return (turn.context.survey?.scale ?? []).map {
            ChoiceOption(.surveyAnswer($0.value), title: $0.text.text(in: turn.language))
        }
    }

    func prompt(prefix: String?, in turn: inout ConversationTurn) {
        turn.promptSurvey(self.progress, lead: prefix.map { $0 + "\n\n" } ?? "")
    }

    func choose(_ reply: ReplyID, messageID: String, in turn: inout ConversationTurn) {
        turn.chooseInSurvey(reply, progress: self.progress)
    }

    func answer(_ text: String, classification: Classification, messageID: String, in turn: inout ConversationTurn) {
        if self.skipsComment(text, classification: classification, in: turn) {
            return turn.chooseInSurvey(.surveySkip, progress: self.progress)
        }
        if !self.progress.askingComment, turn.saysNoComment(text),
            turn.catalogue.settings.mentions(text: text, keywordsNamed: "commentNouns")
        {
            // "ga ada saran" at a question: nothing to keep as the comment, where it was thanked as one; the
            // comment is asked for at the end, and the question again, with no wrong answer counted.
            return turn.promptCurrentStep(prefix: turn.t(.surveyCommentAtEnd))
        }
        if !self.progress.askingComment, turn.declinesSurvey(text) { return turn.declineSurvey(self.progress) }
        if !self.progress.askingComment, turn.saysTicketIsDone(text) {
            // "selesai", "udah beres min": the ticket the survey is about is done, where it got "Anda tidak memiliki
            // tiket yang sedang terbuka." (read as a status check) or a wrong answer; the question is asked again.
            return turn.promptCurrentStep(prefix: turn.t(.surveyTicketDone, ["ticket": String(self.progress.ticket)]))
        }
        if !self.progress.askingComment, turn.saysStillNotSolved(text) {
            // "masih belum bisa login min": the request of the closed ticket is not done. It was kept as a remark
            // for the survey's comment, which staff never act on; staff get it on a new ticket that names the
            // closed one, and the survey is kept for later.
            let message = ReporterMessage(messageID: messageID, text: text)
            return turn.handOff(reason: .notSolved, asking: message, after: self.progress.ticket)
        }
        if !self.progress.askingComment, turn.asksForARequest(text, classification: classification) {
            // "lupa password lagi min", "min saya mau tanya lagi soal tender": no answer, but a request. The survey
            // is kept for later, and the service named starts with the message, as from the menu.
            let message = ReporterMessage(messageID: messageID, text: text)
            return turn.run(.menu, classification: classification, message: message)
        }
        turn.answerInSurvey(text, classification: classification, progress: self.progress)
    }

    /// Back to the previous question, forgetting its answer; before the first, the menu.
    func back(in turn: inout ConversationTurn) {
        guard !self.progress.answers.isEmpty else {
            turn.leaveCurrentStep()
            return turn.showMenu(prefix: nil)
        }
        var progress = self.progress
        progress.askingComment = false
        progress.answers.removeLast()
        turn.state.invalidAnswers = 0
        turn.state.step = .survey(progress)
        turn.promptCurrentStep(prefix: nil)
    }

    /// "batal" keeps the survey for later and shows the menu; "nanti aja surveynya" keeps it without the menu.
    func cancel(_ text: String?, in turn: inout ConversationTurn) {
        let later = text.map { turn.catalogue.settings.mentions(text: $0, keywordsNamed: "later") } ?? false
        turn.parkSurvey(self.progress, showingMenu: !later)
    }

    func whereText(in turn: ConversationTurn) -> String {
        turn.t(.whereSurvey, ["ticket": String(self.progress.ticket)])
    }
}

extension ConversationTurn {
    /// Whether `text` only says there is nothing to add: a phrase of `noComment` ("tidak ada", "belum ada",
    /// "nothing", "no") with no word besides those of `commentNouns` ("komentar", "saran"), `commentWords` ("ada",
    /// thanks), `not`, `filler` and `noOpinion`: "ga ada komentar", "gak ada min, makasih", "no comment, thanks".
    /// "tidak ada, pelayanannya sudah bagus" says something.
    func saysNoComment(_ text: String) -> Bool {
        catalogue.settings.saysOnly(
            text, keywordsNamed: "noComment", besides: ["commentNouns", "commentWords", "not", "filler", "noOpinion"])
    }

    /// Whether `text` only says the request is done, as `saysDone` reads it or with the `done` command word alone
    /// ("sudah"), after a word of `contrast` when there is one ("tadi sempat error tapi sekarang sudah bisa").
    func saysTicketIsDone(_ text: String) -> Bool {
        guard text.wordCount <= Self.doneStatementWords, !text.contains("?") else { return false }
        let text = afterContrast(in: text) ?? text
        // "👍", "⭐⭐⭐" have no word, and answer with their value.
        let onlyDone = catalogue.settings.words(of: text, besides: ["done", "filler"]).isEmpty
        return saysDone(text) || text.contains(where: \.isLetter) && onlyDone
    }

    /// Whether `text` at a survey question says the closed ticket's request is not done: a word of `notSolved`
    /// ("belum", "masih", "error") with another word besides `filler` ("belum selesai", "masih belum bisa login
    /// min"), after a word of `contrast` when there is one ("tadi error tapi sekarang sudah bisa" is done), and no
    /// answer or opinion in the scale's words ("masih kurang cepat").
    func saysStillNotSolved(_ text: String) -> Bool {
        let settings = catalogue.settings
        let last = afterContrast(in: text) ?? text
        guard settings.mentions(text: last, keywordsNamed: "notSolved"),
            settings.words(of: text, besides: ["filler"]).count >= 2
        else { return false }
        return opinion(in: text) == nil && context.survey?.ratingValue(in: text) == nil
            && surveyAnswerList(in: text) == nil && leadingSurveyAnswer(in: text) == nil
    }

    mutating func ticketClosed(_ ticket: Int) {
        if state.staffTicket == ticket { state.staffTicket = nil }
        let surveying = ([state.step] + state.suspended).contains { step in
            if case .survey(let progress) = step { return progress.ticket == ticket }
            return false
        }
        guard !surveying, state.parkedSurvey?.ticket != ticket else { return }
        guard let survey = context.survey, !survey.questions.isEmpty, state.messagesStoppedAt == nil else {
            // No survey is offered to a provider who asked for no messages they did not ask for.
            return say(t(.surveyClosedNoSurvey, ["ticket": String(ticket)]))
        }
        interrupt(with: .survey(SurveyProgress(ticket: ticket)))
        let hours = Double(catalogue.settings.surveyReminderHours) * 3600
        emit(.schedule(.surveyReminder(ticket: ticket), at: context.now.addingTimeInterval(hours)))
        promptCurrentStep(
            prefix: t(.surveyIntro, ["ticket": String(ticket), "count": String(survey.questions.count)]))
    }

    func commentRequired(_ progress: SurveyProgress) -> Bool {
        let threshold = context.survey?.commentRequiredAtOrBelow ?? 0
        return progress.answers.contains { $0.value <= threshold }
    }

    mutating func promptSurvey(_ progress: SurveyProgress, lead: String) {
        guard let survey = context.survey else { return }
        if progress.askingComment {
            if commentRequired(progress) {
                say(lead + t(.surveyCommentRequired))
            } else {
                // What was said along the way is the comment already: only more is asked for.
                let kept = !(progress.remarks ?? []).isEmpty
                ask(lead + t(kept ? .surveyCommentMore : .surveyCommentOptional), options: currentOptions())
            }
            return
        }
        guard let question = survey.questions[safe: progress.answers.count] else { return }
        let body =
            lead
            + t(
                .surveyQuestion,
                [
                    "index": String(progress.answers.count + 1), "count": String(survey.questions.count),
                    "section": question.sectionTitle.text(in: language), "question": question.text.text(in: language),
                ])
        ask(body, options: currentOptions(), list: t(.surveyButton))
    }

    mutating func chooseInSurvey(_ reply: ReplyID, progress: SurveyProgress) {
        if reply == .surveySkip, progress.askingComment {
            guard !commentRequired(progress) else { return invalid(t(.invalidCommentRequired)) }
            return completeSurvey(progress, comment: nil)
        }
        guard !progress.askingComment, case .surveyAnswer(let value) = reply,
            context.survey?.scale.contains(where: { $0.value == value }) == true
        else {
            return invalid(t(.invalidSurvey))
        }
        recordSurveyAnswer(value, progress: progress)
    }

    /// "nanti aja surveynya": the survey is kept for later, and its reminder still comes; "survei" takes it up
    /// again. A cancellation ("batal") shows the menu after it, as it does from any step.
    mutating func parkSurvey(_ progress: SurveyProgress, showingMenu: Bool = false) {
        leaveCurrentStep()
        let parked = t(.surveyParked, ["ticket": String(progress.ticket)])
        if showingMenu { showMenu(prefix: parked) } else { say(parked) }
    }

    /// "ga usah survei min", "skip survey" (`surveyDecline` in `settings.json`) at a question of the survey: the
    /// provider does not want it. Not with an answer in the scale's words, and not in a longer message.
    func declinesSurvey(_ text: String) -> Bool {
        guard text.wordCount <= Self.wordsOfDecline,
            catalogue.settings.mentions(text: text, keywordsNamed: "surveyDecline")
        else { return false }
        return opinion(in: text) == nil
    }

    /// Whether `text` at a survey question answers nothing but names a service to start (its `service.<id>` words,
    /// "lupa password lagi min"), in at least `wordsOfARequest` words; not an answer or a remark in the scale's
    /// words ("pelayanan registrasi cepat" answers), nor a question the FAQ answers.
    func asksForARequest(_ text: String, classification: Classification) -> Bool {
        text.wordCount >= Self.wordsOfARequest && servicesNamed(in: text) >= 1 && typedFAQ(text) == nil
            && opinion(in: text) == nil && context.survey?.ratingValue(in: text) == nil
    }

    /// Words a message starting a request from a survey question has at least ("lupa password lagi").
    static let wordsOfARequest = 3

    /// Words a message declining the survey has at most ("gak usah isi surveynya ya min makasih").
    static let wordsOfDecline = 8

    /// The survey is dropped: its answers so far are not recorded, it is not kept for later and its reminder
    /// does not come. The provider is thanked.
    mutating func declineSurvey(_ progress: SurveyProgress) {
        leaveCurrentStep()
        state.parkedSurvey = nil
        say(t(.surveyDeclined, ["ticket": String(progress.ticket)]))
    }

    /// The answer an opinion in the scale's words gives, with more said around it, which the recognizer may
    /// read as a hand-off ("petugasnya sopan min"), thanks ("terima kasih, pelayanannya bagus") or a greeting
    /// ("bagus min pelayanannya"). Not for a question, a command typed as its keyword, a message asking to
    /// reach staff (`reachStaff`: "mau bicara dengan petugas, pelayanan kurang"), nor words that say no opinion
    /// in a longer message (`noOpinion`: "ok makasih", which the survey's intro may get, "cukup segini dulu").
    func opinion(in text: String) -> Int? {
        let settings = catalogue.settings
        guard let survey = context.survey, !isQuestion(text),
            GlobalCommand(keyword: text, keywords: settings.keywords) == nil,
            !settings.mentions(text: text, keywordsNamed: "reachStaff")
        else { return nil }
        let noOpinion = settings.keywordSet("noOpinion")
        let said = text.lowercased().split { !$0.isLetter }.filter { !noOpinion.contains(String($0)) }
        return survey.scaleValue(in: said.joined(separator: " "), negations: settings.keywordSet("not"))
    }

    /// Whether a short answer in the scale's words has a word besides them, `filler`, `noOpinion` and `not`:
    /// "kurang ramah petugasnya" says whom, "lumayan cepat" how, where "sangat puas min" says only its answer.
    func saysMoreThanItsAnswer(_ text: String) -> Bool {
        guard let survey = context.survey, text.contains(where: \.isLetter) else { return false }
        let keywords = catalogue.settings.keywords
        let answerWords = (keywords["filler"] ?? []) + (keywords["noOpinion"] ?? []) + (keywords["not"] ?? [])
        return !survey.isAnswerAlone(text, fillers: Set(answerWords))
    }

    /// "survei", "lanjut survei" (`surveyResume` in `settings.json`) outside a journey, with a survey parked.
    func resumesSurvey(_ text: String) -> Bool {
        state.parkedSurvey != nil && !inProgress && text.wordCount <= Self.wordsOfAnAnswer
            && catalogue.settings.mentions(text: text, keywordsNamed: "surveyResume")
    }

    mutating func recordSurveyAnswer(_ value: Int, progress: SurveyProgress) {
        guard let survey = context.survey, let question = survey.questions[safe: progress.answers.count] else { return }
        var progress = progress
        progress.answers.append(SurveyAnswer(questionID: question.id, value: value))
        if progress.answers.count == survey.questions.count { progress.askingComment = true }
        state.invalidAnswers = 0
        state.step = .survey(progress)
        promptCurrentStep(prefix: nil)
    }

    mutating func answerInSurvey(_ text: String, classification: Classification, progress: SurveyProgress) {
        if progress.askingComment {
            guard let comment = FieldNormalizer.freeText(text) else { return invalid(t(.invalidFreeText)) }
            return completeSurvey(progress, comment: comment)
        }
        if let value = Int(text) ?? classification.entities.choice ?? typedScaleNumber(in: text),
            context.survey?.scale.contains(where: { $0.value == value }) == true
        {
            return recordSurveyAnswer(value, progress: progress)
        }
        if let value = answerForAllLeft(in: text) { return recordForAllLeft(value, progress: progress) }
        if let values = surveyAnswerList(in: text) { return recordAnswerList(values, progress: progress) }
        // "⭐⭐⭐⭐": as many stars as the answer's value.
        let stars = text.filter { !$0.isWhitespace }
        if !stars.isEmpty, stars.allSatisfy({ Self.stars.contains($0) }),
            context.survey?.scale.contains(where: { $0.value == stars.count }) == true
        {
            return recordSurveyAnswer(stars.count, progress: progress)
        }
        // "👍": an emoji the scale lists.
        if let value = context.survey?.emojiValue(in: text) { return recordSurveyAnswer(value, progress: progress) }
        let negations = catalogue.settings.keywordSet("not")
        let leading = leadingSurveyAnswer(in: text)
        if let value = context.survey?.ratingValue(in: text) ?? leading
            ?? context.survey?.scaleValue(in: text, negations: negations)
        {
            // "sangat puas", "kurang memuaskan min"; a longer message, an answer with its reason, or one with a
            // word of its own ("kurang ramah petugasnya": whom) says more than its answer, and that is kept for
            // the comment.
            var progress = progress
            if text.wordCount > Self.wordsOfAnAnswer || leading != nil || saysMoreThanItsAnswer(text) {
                progress.remarks = (progress.remarks ?? []) + [text]
            }
            return recordSurveyAnswer(value, progress: progress)
        }
        if catalogue.settings.mentions(text: text, keywordsNamed: "later") { return parkSurvey(progress) }
        if surveyRemark(text, classification: classification) {
            // "penjelasan adminnya jelas dan lengkap", "pelayanannya oke, tapi jadwal vc nya kelamaan": said about the
            // service, kept for the survey's comment; the question is asked again without counting a wrong answer.
            var progress = progress
            progress.remarks = (progress.remarks ?? []) + [text]
            state.step = .survey(progress)
            return promptCurrentStep(prefix: t(.surveyRemarkKept))
        }
        if let middle = middleAnswer(in: text) {
            // "biasa aja": on a scale with a middle point, that point; on one without, the two around it are
            // named, and the question asked again without counting a wrong answer.
            switch middle {
            case .point(let value): return recordSurveyAnswer(value, progress: progress)
            case .between(let lower, let upper):
                return promptCurrentStep(
                    prefix: t(
                        .surveyNoMiddle,
                        [
                            "lower": "\(lower.value) (\(lower.text.text(in: language)))",
                            "upper": "\(upper.value) (\(upper.text.text(in: language)))",
                        ]))
            }
        }
        invalid(t(.invalidSurvey))
    }

    /// What a middling answer ("biasa aja", "standar", "so-so": `surveyMiddle` in `settings.json`) stands for.
    enum MiddleAnswer {
        /// The scale's middle point, on a scale with an odd number of points.
        case point(Int)
        /// The two points around the middle of a scale with none.
        case between(SurveyDefinition.ScalePoint, SurveyDefinition.ScalePoint)
    }

    /// The middle of the scale, when `text` is a middling answer of at most `wordsOfAnAnswer` words with no word
    /// of `not` ("tidak biasa").
    func middleAnswer(in text: String) -> MiddleAnswer? {
        let words = DialogSettings.spacedWords(text)
        let settings = catalogue.settings
        guard let scale = context.survey?.scale.sorted(by: { $0.value < $1.value }), scale.count >= 2,
            text.wordCount <= Self.wordsOfAnAnswer, settings.mentions(words, keywordsNamed: "surveyMiddle"),
            !settings.mentions(words, keywordsNamed: "not")
        else { return nil }
        let half = scale.count / 2
        return scale.count % 2 == 1 ? .point(scale[half].value) : .between(scale[half - 1], scale[half])
    }

    /// What a provider says about the service at a survey question without answering it in the scale's words
    /// ("penjelasan adminnya jelas dan lengkap"): at least `wordsOfARemark` words besides fillers and words of no
    /// opinion, not a question, a command typed as its keyword, a message to reach staff, put the survey off or
    /// decline it, nor one that names a service or asks for another journey (the recognizer sure of a hand-off,
    /// the menu, a request, a cancellation).
    func surveyRemark(_ text: String, classification: Classification) -> Bool {
        let settings = catalogue.settings
        let ignored = Set((settings.keywords["filler"] ?? []) + (settings.keywords["noOpinion"] ?? []))
        let said = text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { !ignored.contains(String($0)) }
        guard said.count >= Self.wordsOfARemark, !isQuestion(text),
            GlobalCommand(keyword: text, keywords: settings.keywords) == nil
        else { return false }
        let journeys: [Intent] = [.human, .menu, .createTicket, .cancel, .back, .language, .cancelBooking]
        if journeys.contains(classification.intent), classification.confidence >= GlobalCommand.minimumConfidence {
            return false
        }
        let words = DialogSettings.spacedWords(text)
        return !["reachStaff", "later", "surveyDecline"].contains { settings.mentions(words, keywordsNamed: $0) }
            && servicesNamed(in: text) == 0 && !asksDecisively(text)
    }

    /// Words a remark at a survey question has at least, besides fillers and words of no opinion.
    static let wordsOfARemark = 3

    /// The answer a message opens with, in the scale's words and set apart by punctuation, before it says why:
    /// "kurang, lama banget prosesnya" is "Kurang memuaskan" (not the "lama banget" of its reason, nor a status
    /// check for its "proses"); "puas. petugasnya ramah" is "Memuaskan".
    func leadingSurveyAnswer(in text: String) -> Int? {
        guard let survey = context.survey,
            let end = text.firstIndex(where: { Self.clauseEnds.contains($0) }),
            text[text.index(after: end)...].contains(where: \.isLetter)
        else { return nil }
        let head = String(text[..<end])
        let settings = catalogue.settings
        guard survey.isAnswerAlone(head, fillers: settings.keywordSet("filler")) else { return nil }
        return survey.scaleValue(in: head, negations: settings.keywordSet("not"))
    }

    /// The one number in a short answer whose other words are `filler` or `surveyNumber` words: "nilai 4", "4
    /// lah", "yg 3", "saya kasih 4 min". Nil with two numbers, or another word ("3 hari baru selesai").
    func typedScaleNumber(in text: String) -> Int? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count <= Self.wordsOfAnAnswer + 1, let numbers = surveyNumbers(in: words), numbers.count == 1
        else { return nil }
        return numbers[0]
    }

    /// The numbers among `words` when every other word is a `filler` or `surveyNumber` word; nil otherwise.
    private func surveyNumbers(in words: [Substring]) -> [Int]? {
        let keywords = catalogue.settings.keywords
        let others = Set((keywords["filler"] ?? []) + (keywords["surveyNumber"] ?? []))
        var numbers: [Int] = []
        for word in words where !others.contains(String(word)) {
            guard word.allSatisfy(\.isASCIIDigitCharacter), let number = Int(word) else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// Punctuation that ends an answer's clause.
    static let clauseEnds: Set<Character> = [",", ";", ".", "!", "\n", "-", "–"]

    /// "4 semua", "semuanya sangat memuaskan": one answer, named once, for every question left. Not with a word of
    /// `not` ("tidak semua memuaskan"), nor with two numbers.
    func answerForAllLeft(in text: String) -> Int? {
        let settings = catalogue.settings
        let words = DialogSettings.spacedWords(text)
        guard let survey = context.survey, settings.mentions(words, keywordsNamed: "surveyAll"),
            !settings.mentions(words, keywordsNamed: "not")
        else { return nil }
        let numbers = Set(text.split { !$0.isNumber }.compactMap { Int($0) })
        if numbers.count == 1, let value = numbers.first, survey.scale.contains(where: { $0.value == value }) {
            return value
        }
        return numbers.isEmpty ? survey.scaleValue(in: text) : nil
    }

    /// Answers every question left with `value`, says so, and asks for the comment.
    mutating func recordForAllLeft(_ value: Int, progress: SurveyProgress) {
        guard let survey = context.survey else { return }
        var progress = progress
        let left = survey.questions.dropFirst(progress.answers.count)
        progress.answers += left.map { SurveyAnswer(questionID: $0.id, value: value) }
        progress.askingComment = true
        state.invalidAnswers = 0
        state.step = .survey(progress)
        let label = survey.scale.first { $0.value == value }.map { " (\($0.text.text(in: language)))" } ?? ""
        promptCurrentStep(prefix: t(.surveyAllAnswered, ["count": String(left.count), "answer": "\(value)\(label)"]))
    }

    /// "4 4 3 4", "4, 3, 4, 4": the answers to the next questions, in order, two or more, each a number in the
    /// scale, with nothing else beside them but `filler` and `surveyNumber` words ("nilai 4 3 4"). Nil for one
    /// number, a number out of the scale, a rating ("3/4") or another word ("3 atau 4", "3 hari 4 jam").
    func surveyAnswerList(in text: String) -> [Int]? {
        let words = text.lowercased().split { $0.isWhitespace || Self.listSeparators.contains($0) }
        guard let survey = context.survey, let values = surveyNumbers(in: words), values.count >= 2,
            values.allSatisfy({ value in survey.scale.contains { $0.value == value } })
        else { return nil }
        return values
    }

    /// What separates the answers of a list besides spaces.
    static let listSeparators: Set<Character> = [",", ";"]

    /// Records `values` for the next questions and says which they answered; more answers than questions left
    /// are not guessed at: the provider is told how many are left and the question is asked again.
    mutating func recordAnswerList(_ values: [Int], progress: SurveyProgress) {
        guard let survey = context.survey else { return }
        let first = progress.answers.count
        let left = survey.questions.count - first
        guard values.count <= left else {
            return invalid(
                t(.surveyTooManyAnswers, ["count": String(values.count), "left": String(left)]))
        }
        var progress = progress
        for (offset, value) in values.enumerated() {
            progress.answers.append(SurveyAnswer(questionID: survey.questions[first + offset].id, value: value))
        }
        progress.askingComment = progress.answers.count == survey.questions.count
        state.invalidAnswers = 0
        state.step = .survey(progress)
        promptCurrentStep(
            prefix: t(
                .surveySeveralAnswered,
                [
                    "from": String(first + 1), "to": String(first + values.count),
                    "answers": values.map(String.init).joined(separator: ", "),
                ]))
    }

    /// The star characters a rating may be typed with.
    static let stars: Set<Character> = ["⭐", "★", "🌟"]

    /// The most words an answer in words has without saying anything more ("sangat puas sekali min").
    static let wordsOfAnAnswer = 4

    mutating func completeSurvey(_ progress: SurveyProgress, comment: String?) {
        let written = (progress.remarks ?? []) + (comment.map { [$0] } ?? [])
        emit(
            .submitSurvey(
                SurveySubmission(
                    ticket: progress.ticket, surveyVersion: context.survey?.version ?? 0, answers: progress.answers,
                    comment: written.isEmpty ? nil : written.joined(separator: "\n"))))
        emit(.cancelTimer(.surveyReminder(ticket: progress.ticket)))
        state.parkedSurvey = nil
        say(t(.surveyThanks))
        finishStep()
    }

    mutating func surveyReminderDue(_ ticket: Int) {
        guard !state.remindedSurveys.contains(ticket) else { return }
        let pending: Bool
        if case .survey(let progress) = state.step, progress.ticket == ticket {
            pending = true
        } else {
            pending = state.parkedSurvey?.ticket == ticket
        }
        guard pending else { return }
        state.remindedSurveys.append(ticket)
        if case .survey = state.step {
            promptCurrentStep(prefix: t(.surveyReminder, ["ticket": String(ticket)]))
        } else {
            ask(
                t(.surveyReminder, ["ticket": String(ticket)]),
                options: [
                    ChoiceOption(.surveyResume, title: t(.buttonResumeSurvey))
                ])
        }
    }
}
