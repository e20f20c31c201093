import Intents

/// A text the conversation speaks, by its key in `Dialogs/conversation/prompts.json`.
///
/// The loader refuses a catalogue that misses any case, so a prompt can never reach a provider as its key.
/// The questions of a service's form are named in `services.json` instead and checked there.
public enum Prompt: String, CaseIterable, Sendable {
    case askCompanyName = "ask.companyName"
    case askCompanyKnown = "ask.companyKnown"
    case askPhoneTyped = "ask.phoneTyped"
    case attachmentsKept = "attachments.kept"
    case attachmentsKinds = "attachments.kinds"
    case buttonAgree = "button.agree"
    case buttonCancel = "button.cancel"
    case buttonChange = "button.change"
    case buttonContinue = "button.continue"
    case buttonDisagree = "button.disagree"
    case buttonDone = "button.done"
    case buttonMenu = "button.menu"
    case buttonMyNumber = "button.myNumber"
    case buttonKnownCompany = "button.knownCompany"
    case buttonNotResolved = "button.notResolved"
    case buttonResolved = "button.resolved"
    case buttonRestart = "button.restart"
    case buttonResumeSurvey = "button.resumeSurvey"
    case buttonSkip = "button.skip"
    case buttonStaff = "button.staff"
    case buttonSubmit = "button.submit"

    case cancelled = "cancelled"
    case cancelledUndo = "cancelled.undo"
    case cancelledStep = "cancelled.step"
    case cancelledTicketUnchanged = "cancelled.ticketUnchanged"
    case cancelUndone = "cancelled.undone"

    case changeWhich = "change.which"

    case choiceExpired = "choice.expired"

    case consentAgain = "consent.again"
    case consentDeclined = "consent.declined"
    case consentDeclinedNoDocuments = "consent.declinedNoDocuments"
    case contactCardNoNumber = "contactCard.noNumber"
    case contactCardNumber = "contactCard.number"
    case contactCardNumbers = "contactCard.numbers"

    case descriptionAsk = "description.ask"

    case documentsBeforeRequest = "documents.beforeRequest"
    case documentsBeforeRequestAgain = "documents.beforeRequestAgain"
    case documentsHeldAwaitRequest = "documents.heldAwaitRequest"
    case documentsAsk = "documents.ask"
    case documentsGroupBusiness = "documents.groupBusiness"
    case documentsAttached = "documents.attached"
    case documentsAttachedWithCaption = "documents.attachedWithCaption"
    case documentsVideoKept = "documents.videoKept"
    case documentsVideoKeptWithCaption = "documents.videoKeptWithCaption"
    case documentsVideoName = "documents.videoName"
    case documentsVoiceKept = "documents.voiceKept"
    case documentsCorrect = "documents.correct"
    case documentsCorrectAtSummary = "documents.correctAtSummary"
    case documentsDamaged = "documents.damaged"
    case documentsExpectFile = "documents.expectFile"
    case documentsNumberNoted = "documents.numberNoted"
    case documentsFileKept = "documents.fileKept"
    case documentsDuplicate = "documents.duplicate"
    case documentsHeld = "documents.held"
    case documentsGoAhead = "documents.goAhead"
    case documentsHowToPDF = "documents.howToPDF"
    case documentsPhotoAsked = "documents.photoAsked"
    case documentsHowToPDFFromOffice = "documents.howToPDFFromOffice"
    case documentsHowToShrink = "documents.howToShrink"
    case documentsMissing = "documents.missing"
    case documentsMoved = "documents.moved"
    case documentsSwapped = "documents.swapped"
    case documentsKeptAside = "documents.keptAside"
    case documentsHeldNamed = "documents.heldNamed"
    case documentsNoTicket = "documents.noTicket"
    case documentsNotPDF = "documents.notPDF"
    case documentsPhoto = "documents.photo"
    case documentsPhotoKept = "documents.photoKept"
    case documentsPhotoName = "documents.photoName"
    case documentsReceived = "documents.received"
    case documentsReceivedSeveral = "documents.receivedSeveral"
    case documentsWaitingFiles = "documents.waitingFiles"
    case documentsSendHere = "documents.sendHere"
    case documentsSendNow = "documents.sendNow"
    case documentsStillNeeded = "documents.stillNeeded"
    case documentsResendNow = "documents.resendNow"
    case documentsWhichWrong = "documents.whichWrong"
    case documentsStillChecking = "documents.stillChecking"
    case documentsTooLarge = "documents.tooLarge"
    case documentsUnavailable = "documents.unavailable"

    case exampleBusinessForm = "example.businessForm"
    case exampleChoice = "example.choice"
    case exampleCompanyName = "example.companyName"
    case exampleFreeText = "example.freeText"
    case exampleKodeTender = "example.kodeTender"
    case exampleNip = "example.nip"
    case exampleNpwp = "example.npwp"
    case exampleNpwpOrNip = "example.npwpOrNip"
    case examplePhone = "example.phone"

    case fallbackNumbers = "fallback.numbers"
    case fallbackOne = "fallback.one"

    case faqBody = "faq.body"
    case faqButton = "faq.button"
    case faqMore = "faq.more"

    case feedbackDone = "feedback.done"
    case feedbackReceived = "feedback.received"
    case feedbackWaiting = "feedback.waiting"
    case feedbackRequest = "feedback.request"
    case feedbackFormPaused = "feedback.formPaused"

    case formAsing = "form.Asing"
    case formCV = "form.CV"
    case formFirma = "form.Firma"
    case formKoperasi = "form.Koperasi"
    case formPT = "form.PT"
    case formPerorangan = "form.Perorangan"
    case formPersero = "form.Persero"
    case formUD = "form.UD"

    case greeting = "greeting"
    case greetingAgain = "greeting.again"
    case greetingNamed = "greeting.named"
    case greetingSalam = "greeting.salam"
    case greetingShort = "greeting.short"

    case hoursClosedNow = "hours.closedNow"
    case hoursOpenNow = "hours.openNow"

    case handoffOpened = "handoff.opened"
    case handoffStarted = "handoff.started"
    case handoffStartedEmpty = "handoff.startedEmpty"
    case handoffNotSolved = "handoff.notSolved"
    case handoffStartedWithMessage = "handoff.startedWithMessage"
    case handoffWaiting = "handoff.waiting"

    case intakeCompanyNoted = "intake.companyNoted"
    case intakeCorrected = "intake.corrected"
    case intakeDocumentsAhead = "intake.documentsAhead"
    case intakeForProviders = "intake.forProviders"
    case intakeExplanationKept = "intake.explanationKept"
    case intakeFormKept = "intake.formKept"
    case intakeIdentifierKept = "intake.identifierKept"
    case intakeIdentifierNoted = "intake.identifierNoted"
    case intakeAccountNoted = "intake.accountNoted"
    case intakeEmailNoted = "intake.emailNoted"
    case intakeEarlierKept = "intake.earlierKept"
    case intakeDocumentsMayFollow = "intake.documentsMayFollow"
    case intakeLater = "intake.later"
    case intakeLaterAcknowledged = "intake.laterAcknowledged"
    case intakeSummaryWaits = "intake.summaryWaits"
    case intakeDataQuestion = "intake.dataQuestion"
    case intakeMessageKept = "intake.messageKept"
    case intakeFormComplete = "intake.formComplete"
    case intakeSendForSummary = "intake.sendForSummary"
    case intakeQuestionKept = "intake.questionKept"
    case intakeNotKnown = "intake.notKnown"
    case intakeGoesOnWithout = "intake.goesOnWithout"
    case intakePhoneKept = "intake.phoneKept"
    case intakeOtherNumber = "intake.otherNumber"
    case intakeRemarkKept = "intake.remarkKept"
    case intakeAlreadyNoted = "intake.alreadyNoted"
    case intakeStart = "intake.start"

    case invalidBusinessForm = "invalid.businessForm"
    case invalidChoice = "invalid.choice"
    case invalidCommentRequired = "invalid.commentRequired"
    case invalidCompanyWord = "invalid.companyWord"
    case invalidCompanyName = "invalid.companyName"
    case invalidExample = "invalid.example"
    case invalidFreeText = "invalid.freeText"
    case invalidFreeTextBare = "invalid.freeTextBare"
    case invalidBareAtNumber = "invalid.bareAtNumber"
    case invalidKodeTender = "invalid.kodeTender"
    case invalidNip = "invalid.nip"
    case invalidNpwp = "invalid.npwp"
    case invalidNpwpOrNip = "invalid.npwpOrNip"
    case invalidNotDoneYet = "invalid.notDoneYet"
    case invalidTypeItHere = "invalid.typeItHere"
    case invalidOfferStaff = "invalid.offerStaff"
    case invalidOrStaff = "invalid.orStaff"
    case invalidPhone = "invalid.phone"
    case invalidPhoneMissing = "invalid.phoneMissing"
    case invalidPhoneLetters = "invalid.phoneLetters"
    case invalidPhoneForeign = "invalid.phoneForeign"
    case invalidPhoneLandline = "invalid.phoneLandline"
    case invalidIdentifierNotValid = "invalid.identifierNotValid"
    case invalidDigitCount = "invalid.digitCount"
    case invalidPhoneNotField = "invalid.phoneNotField"
    case invalidSurvey = "invalid.survey"

    case labelDescription = "label.description"
    case labelRemarks = "label.remarks"
    case labelAnd = "label.and"
    case labelAttachment = "label.attachment"
    case labelDocuments = "label.documents"

    case languageChanged = "language.changed"

    case listButton = "list.button"
    case listChoose = "list.choose"

    case menuAbove = "menu.above"
    case menuAskAway = "menu.askAway"
    case menuOpenTicket = "menu.openTicket"
    case menuBody = "menu.body"
    case menuMessageKept = "menu.messageKept"
    case menuNothingMore = "menu.nothingMore"
    case menuButton = "menu.button"
    case menuServicesCompared = "menu.servicesCompared"
    case menuServiceOfSituation = "menu.serviceOfSituation"

    case noteAskedForStaff = "note.askedForStaff"
    case noteFeedbackProvided = "note.feedbackProvided"
    case noteInvalidAnswers = "note.invalidAnswers"
    case noteNoConsent = "note.noConsent"
    case noteStaffRequestTitle = "note.staffRequestTitle"
    case noteNotSolved = "note.notSolved"
    case noteAfterClosedTicket = "note.afterClosedTicket"

    case resolutionConfirmed = "resolution.confirmed"
    case resolutionNote = "resolution.note"
    case resolutionTryFirst = "resolution.tryFirst"
    case resolutionQuestion = "resolution.question"
    case resolutionReopened = "resolution.reopened"
    case resolutionWhy = "resolution.why"

    case resumeBody = "resume.body"

    case staffAfterHours = "staff.afterHours"
    case staffReply = "staff.reply"
    case staffFile = "staff.file"

    case staleNotice = "stale.notice"

    case statusCall = "status.call"
    case statusCallToChoose = "status.callToChoose"
    case statusDue = "status.due"
    case statusHeader = "status.header"
    case statusNone = "status.none"
    case statusNoneAskStaff = "status.noneAskStaff"
    case statusNotFound = "status.notFound"
    case statusTicket = "status.ticket"

    case submittingWait = "submitting.wait"

    case summaryCompany = "summary.company"
    case summaryHeader = "summary.header"
    case summaryQuestion = "summary.question"
    case summaryService = "summary.service"
    case summaryWaitingFiles = "summary.waitingFiles"

    case surveyButton = "survey.button"
    case surveyClosedNoSurvey = "survey.closedNoSurvey"
    case surveyCommentOptional = "survey.commentOptional"
    case surveyCommentMore = "survey.commentMore"
    case surveyCommentRequired = "survey.commentRequired"
    case surveyIntro = "survey.intro"
    case surveyQuestion = "survey.question"
    case surveyParked = "survey.parked"
    case surveyTicketDone = "survey.ticketDone"
    case surveyDeclined = "survey.declined"
    case surveyRemarkKept = "survey.remarkKept"
    case surveyNoMiddle = "survey.noMiddle"
    case quietStarted = "quiet.started"
    case documentsAllInOne = "documents.allInOne"
    case documentsReplaced = "documents.replaced"
    case documentsAllInOneNext = "documents.allInOneNext"
    case documentsAllInOneAsked = "documents.allInOneAsked"
    case quietEnded = "quiet.ended"
    case surveyReminder = "survey.reminder"
    case surveyThanks = "survey.thanks"
    case surveyCommentAtEnd = "survey.commentAtEnd"
    case surveyAllAnswered = "survey.allAnswered"
    case surveySeveralAnswered = "survey.severalAnswered"
    case surveyTooManyAnswers = "survey.tooManyAnswers"

    case thanks = "thanks"

    case ticketAppended = "ticket.appended"
    case ticketNoted = "ticket.noted"
    case ticketSendFilesHere = "ticket.sendFilesHere"
    case ticketHurryRelayed = "ticket.hurryRelayed"
    case ticketWaitingRelayed = "ticket.waitingRelayed"
    case ticketCancelled = "ticket.cancelled"
    case ticketCancelChoose = "ticket.cancelChoose"
    case ticketCancelNone = "ticket.cancelNone"
    case ticketCancelNoneChosen = "ticket.cancelNoneChosen"
    case ticketCancelHow = "ticket.cancelHow"
    case ticketDoneRelayed = "ticket.doneRelayed"
    case ticketStillHandled = "ticket.stillHandled"
    case ticketButton = "ticket.button"
    case ticketNone = "ticket.none"
    case ticketOpened = "ticket.opened"
    case ticketOpenedLater = "ticket.openedLater"
    case ticketOpenedToAnswer = "ticket.openedToAnswer"
    case ticketCancelRelayed = "ticket.cancelRelayed"
    case ticketRelayed = "ticket.relayed"
    case ticketWhich = "ticket.which"
    case ticketWhichFile = "ticket.whichFile"

    case ticketStateCancelled = "ticketState.cancelled"
    case ticketStateClosed = "ticketState.closed"
    case ticketStateEscalated = "ticketState.escalated"
    case ticketStateInProgress = "ticketState.in_progress"
    case ticketStateNew = "ticketState.new"
    case ticketStateReopened = "ticketState.reopened"
    case ticketStateResolved = "ticketState.resolved"
    case ticketStateWaitingOnLevel1 = "ticketState.waiting_on_level1"
    case ticketStateWaitingOnReporter = "ticketState.waiting_on_reporter"

    case unsupportedAudio = "unsupported.audio"
    case unsupportedContacts = "unsupported.contacts"
    case unsupportedImage = "unsupported.image"
    case unsupportedLocation = "unsupported.location"
    case unsupportedOther = "unsupported.other"
    case unsupportedReaction = "unsupported.reaction"
    case unsupportedSticker = "unsupported.sticker"
    case unsupportedVideo = "unsupported.video"
    case unsupportedWhat = "unsupported.what"

    case waitingLevel1 = "waiting.level1"
    case waitingLevel2 = "waiting.level2"
    case waitingNobody = "waiting.nobody"
    case waitingReporter = "waiting.reporter"

    case whereFeedback = "where.feedback"
    case whereIntake = "where.intake"
    case whereMenu = "where.menu"
    case whereResolution = "where.resolution"
    case whereSurvey = "where.survey"

    case verificationReady = "verification.ready"
    case privacyShow = "privacy.show"
    case privacyExplained = "privacy.explained"
    case privacyErased = "privacy.erased"
    case privacyEraseQuestion = "privacy.eraseQuestion"
    case privacyFormDropped = "privacy.formDropped"
    case privacyButtonErase = "privacy.buttonErase"
    case privacyEraseKept = "privacy.eraseKept"
    case privacyEraseRequested = "privacy.eraseRequested"
    case privacyErasePending = "privacy.erasePending"
    case wherePrivacy = "where.privacy"
    case verificationBookedByStaff = "verification.bookedByStaff"
    case verificationDoneNote = "verification.doneNote"
    case verificationChoose = "verification.choose"
    case verificationChooseMove = "verification.chooseMove"
    case verificationListButton = "verification.listButton"
    case verificationLaterSection = "verification.laterSection"
    case verificationLaterRow = "verification.laterRow"
    case verificationLaterDescription = "verification.laterDescription"
    case verificationNone = "verification.none"
    case verificationNearest = "verification.nearest"
    case verificationNextWeek = "verification.nextWeek"
    case verificationOtherThan = "verification.otherThan"
    case verificationAfter = "verification.after"
    case verificationMorning = "verification.morning"
    case verificationAfternoon = "verification.afternoon"
    case verificationConfirm = "verification.confirm"
    case verificationButtonConfirm = "verification.buttonConfirm"
    case verificationButtonOther = "verification.buttonOther"
    case verificationBooked = "verification.booked"
    case verificationAfterDocuments = "verification.afterDocuments"
    case verificationNotPending = "verification.notPending"
    case verificationAfterThisRequest = "verification.afterThisRequest"
    case verificationAfterWindow = "verification.afterWindow"
    case verificationBeforeWindow = "verification.beforeWindow"
    case verificationAlreadyDone = "verification.alreadyDone"
    case verificationByStaff = "verification.byStaff"
    case verificationBookedAnswer = "verification.bookedAnswer"
    case verificationMoved = "verification.moved"
    case verificationDetails = "verification.details"
    case verificationDocumentsDefault = "verification.documentsDefault"
    case verificationTaken = "verification.taken"
    case verificationPassed = "verification.passed"
    case verificationClosedWeekend = "verification.closedWeekend"
    case verificationClosedHoliday = "verification.closedHoliday"
    case verificationClosedDay = "verification.closedDay"
    case verificationLatest = "verification.latest"
    case verificationThisNumber = "verification.thisNumber"
    case verificationDirector = "verification.director"
    case verificationDirectorNumber = "verification.directorNumber"
    case verificationDirectorNumberChanged = "verification.directorNumberChanged"
    case verificationTooSoon = "verification.tooSoon"
    case verificationTooLate = "verification.tooLate"
    case verificationFull = "verification.full"
    case verificationDayFull = "verification.dayFull"
    case verificationInvalidWish = "verification.invalidWish"
    case verificationHowItGoes = "verification.howItGoes"
    case verificationNoneFits = "verification.noneFits"
    case verificationRelayed = "verification.relayed"
    case verificationLater = "verification.later"
    case verificationTooLateToChange = "verification.tooLateToChange"
    case verificationNoBooking = "verification.noBooking"
    case verificationCancelQuestion = "verification.cancelQuestion"
    case verificationButtonCancelYes = "verification.buttonCancelYes"
    case verificationButtonCancelNo = "verification.buttonCancelNo"
    case verificationCancelled = "verification.cancelled"
    case verificationKept = "verification.kept"
    case verificationReminderDayBefore = "verification.reminderDayBefore"
    case verificationReminderSoon = "verification.reminderSoon"
    case verificationButtonAttend = "verification.buttonAttend"
    case verificationButtonMove = "verification.buttonMove"
    case verificationButtonCancel = "verification.buttonCancel"
    case verificationAttending = "verification.attending"
    case verificationChangedByStaff = "verification.changedByStaff"
    case verificationCancelledByStaff = "verification.cancelledByStaff"
    case verificationMissed = "verification.missed"
    case verificationMissedStaff = "verification.missedStaff"
    case whereVerification = "where.verification"
    case whereVerificationCancel = "where.verificationCancel"
}

extension Prompt {
    /// The longest text WhatsApp shows where the prompt is used: reply-button titles 20 characters, list-row
    /// titles 24, message bodies 4,096.
    var maximumLength: Int {
        switch self {
        case .buttonAgree, .buttonCancel, .buttonChange, .buttonContinue, .buttonDisagree, .buttonDone, .buttonMenu,
            .buttonMyNumber, .buttonKnownCompany, .buttonNotResolved, .buttonResolved, .buttonRestart,
            .buttonResumeSurvey, .buttonSkip,
            .buttonStaff, .buttonSubmit, .listButton, .listChoose, .menuButton, .faqButton, .surveyButton,
            .ticketButton:
            return 20
        case .formAsing, .formCV, .formFirma, .formKoperasi, .formPT, .formPerorangan, .formPersero, .formUD,
            .labelDescription, .labelDocuments, .ticketNone:
            return 24
        default:
            return 4096
        }
    }

    /// The name of a legal form, as a list row.
    static func form(_ form: BusinessForm) -> Prompt {
        switch form {
        case .pt: return .formPT
        case .cv: return .formCV
        case .ud: return .formUD
        case .koperasi: return .formKoperasi
        case .firma: return .formFirma
        case .persero: return .formPersero
        case .perorangan: return .formPerorangan
        case .asing: return .formAsing
        }
    }

    /// The example shown after repeated invalid answers to a field checked by `validator`.
    static func example(_ validator: FieldValidator) -> Prompt {
        switch validator {
        case .companyName: return .exampleCompanyName
        case .businessForm: return .exampleBusinessForm
        case .phone: return .examplePhone
        case .npwp: return .exampleNpwp
        case .nip: return .exampleNip
        case .npwpOrNip: return .exampleNpwpOrNip
        case .kodeTender: return .exampleKodeTender
        case .freeText: return .exampleFreeText
        case .choice: return .exampleChoice
        }
    }

    /// Why an answer to a field checked by `validator` was refused.
    static func invalid(_ validator: FieldValidator) -> Prompt {
        switch validator {
        case .companyName: return .invalidCompanyName
        case .businessForm: return .invalidBusinessForm
        case .phone: return .invalidPhone
        case .npwp: return .invalidNpwp
        case .nip: return .invalidNip
        case .npwpOrNip: return .invalidNpwpOrNip
        case .kodeTender: return .invalidKodeTender
        case .freeText: return .invalidFreeText
        case .choice: return .invalidChoice
        }
    }
}
