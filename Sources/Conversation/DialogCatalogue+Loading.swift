import Foundation
import Support

extension DialogCatalogue {
    /// The files of `Dialogs/conversation/`.
    public static let fileNames = [
        "settings.json", "prompts.json", "menu.json", "services.json", "privacy.json", "answers.json",
    ]

    /// Loads and validates `<dialogs>/conversation/*.json`.
    public static func load(dialogsDirectory: URL) throws(DialogError) -> DialogCatalogue {
        let reader = DialogReader(directory: dialogsDirectory)
        return try reader.complete(Self.read(from: reader))
    }

    /// Validates the dialog files given as name (in `conversation/`) → bytes, naming every problem at once.
    public static func parse(files: [String: Data]) throws(DialogError) -> DialogCatalogue {
        let files = Dictionary(uniqueKeysWithValues: files.map { ("conversation/\($0.key)", $0.value) })
        let reader = DialogReader(files: files)
        return try reader.complete(Self.read(from: reader))
    }

    /// Reads `conversation/*.json` through `reader`; nil when they have problems, which `reader` then holds.
    public static func read(from reader: DialogReader) -> DialogCatalogue? {
        let before = reader.problems.count
        func root(_ name: String) -> DialogCursor { reader.json("conversation/\(name)") }

        let settingsRoot = root("settings.json")
        var keywords: [String: [String]] = [:]
        for name in settingsRoot.keys("keywords") {
            keywords[name] = settingsRoot.child("keywords").array(name).flatMap { node -> [String] in
                guard let phrase = node.stringValue?.lowercased() else { return [] }
                guard let phrases = DialogSettings.expandingAlternatives(phrase) else {
                    node.problem("unbalanced alternatives: write \"(ganti|ubah) (alamat|email)\"")
                    return []
                }
                return phrases
            }
        }
        let settings = DialogSettings(
            inactivityMinutes: settingsRoot.int("inactivityMinutes") ?? 30,
            maxInvalidAnswers: settingsRoot.int("maxInvalidAnswers") ?? 3,
            maxDocumentBytes: settingsRoot.int("maxDocumentBytes") ?? 4 * 1024 * 1024, keywords: keywords,
            surveyReminderHours: settingsRoot.int("surveyReminderHours") ?? 24,
            maxAttachmentBytes: settingsRoot.int("maxAttachmentBytes") ?? 16 * 1024 * 1024)
        for name in ["menu", "cancel", "back", "human", "done", "agree"] where keywords[name]?.isEmpty ?? true {
            settingsRoot.child("keywords").child(name).problem("missing keywords")
        }

        let promptsRoot = root("prompts.json")
        var prompts: [String: LocalizedText] = [:]
        for key in promptsRoot.keys("prompts") {
            prompts[key] = promptsRoot.child("prompts").localized(key, maxLength: 4096)
        }
        for prompt in Prompt.allCases {
            let node = promptsRoot.child("prompts").child(prompt.rawValue)
            if !node.isPresent {
                node.problem("missing prompt used by the conversation")
            } else if prompt.maximumLength < 4096 {
                _ = promptsRoot.child("prompts").localized(prompt.rawValue, maxLength: prompt.maximumLength)
            }
        }

        let servicesRoot = root("services.json")
        let services = servicesRoot.array("services").compactMap { parseService($0, prompts: prompts) }
        DialogCursor.checkUnique(zip(services.map(\.id), servicesRoot.array("services")).map { ($0, $1) })

        let menuRoot = root("menu.json")
        let menuNodes = menuRoot.array("menu")
        if menuNodes.count > 10 {
            menuRoot.child("menu").problem("\(menuNodes.count) rows, WhatsApp lists hold at most 10")
        }
        if menuNodes.isEmpty { menuRoot.child("menu").problem("the menu needs at least one row") }
        let menu: [MenuEntry] = menuNodes.compactMap { node in
            guard let id = node.string("id", maxLength: 100), let actionText = node.string("action") else { return nil }
            let action: MenuAction
            switch actionText {
            case "status": action = .status
            case "faq": action = .faq
            case "hours": action = .hours
            case "human": action = .human
            case "service":
                guard let serviceID = node.string("service") else { return nil }
                if !services.contains(where: { $0.id == serviceID }) {
                    node.child("service").problem("unknown service \"\(serviceID)\"")
                }
                action = .service(serviceID)
            default:
                node.child("action").problem("unknown action \"\(actionText)\" (service, status, faq, hours, human)")
                return nil
            }
            let isService = actionText == "service"
            let title = isService && !node.child("title").isPresent ? nil : node.localized("title", maxLength: 24)
            let description = node.child("description").isPresent ? node.localized("description", maxLength: 72) : nil
            return MenuEntry(id: id, action: action, title: title, description: description)
        }
        DialogCursor.checkUnique(zip(menu.map(\.id), menuNodes).map { ($0, $1) })

        let privacyRoot = root("privacy.json")
        let privacy = PrivacyNotice(
            version: privacyRoot.string("version") ?? "",
            text: privacyRoot.localized("text", maxLength: 1024 - 40)
                ?? LocalizedText(id: "", en: ""))

        let answersRoot = root("answers.json")
        var answers: [String: LocalizedText] = [:]
        for key in ["hours", "requirements"] {
            answers[key] = answersRoot.child("answers").localized(key, maxLength: 4096)
        }
        let faqNodes = answersRoot.array("faq")
        if faqNodes.count > 10 { answersRoot.child("faq").problem("\(faqNodes.count) entries, at most 10 fit a list") }
        let faq: [FAQEntry] = faqNodes.compactMap { node in
            guard let id = node.string("id", maxLength: 100), let question = node.localized("question", maxLength: 24),
                let answer = node.localized("answer", maxLength: 4000)
            else { return nil }
            return FAQEntry(id: id, question: question, answer: answer, keywords: node.phrases("keywords"))
        }
        DialogCursor.checkUnique(zip(faq.map(\.id), faqNodes).map { ($0, $1) })

        guard reader.problems.count == before else { return nil }
        return DialogCatalogue(
            settings: settings, prompts: prompts, menu: menu, services: services, privacy: privacy, answers: answers,
            faq: faq)
    }

    private static func parseService(_ node: DialogCursor, prompts: [String: LocalizedText]) -> ServiceDefinition? {
        let id = node.string("id", maxLength: 100)
        let title = node.localized("title", maxLength: 100)
        let menuTitle = node.localized("menuTitle", maxLength: 24)
        let menuDescription = node.localized("menuDescription", maxLength: 72)
        let type = node.string("type")
        if let type, !["Permintaan Layanan", "Permasalahan", "Gangguan"].contains(type) {
            node.child("type").problem("unknown type \"\(type)\" (Permintaan Layanan, Permasalahan, Gangguan)")
        }
        let fieldNodes = node.array("fields")
        let fields: [FormField] = fieldNodes.compactMap { fieldNode in
            guard let fieldID = fieldNode.string("id"), let validatorName = fieldNode.string("validator") else {
                return nil
            }
            guard let validator = FieldValidator(rawValue: validatorName) else {
                let known = FieldValidator.allCases.map(\.rawValue).joined(separator: ", ")
                fieldNode.child("validator").problem("unknown validator \"\(validatorName)\" (known: \(known))")
                return nil
            }
            let label = fieldNode.localized("label", maxLength: 24)
            guard let prompt = fieldNode.string("prompt") else { return nil }
            if prompts[prompt] == nil {
                fieldNode.child("prompt").problem("refers to a missing prompt \"\(prompt)\" in prompts.json")
            }
            var options: [LocalizedText] = []
            if validator == .choice {
                options = fieldNode.array("options").compactMap { $0.localizedValue(maxLength: 20) }
                if options.isEmpty || options.count > 10 {
                    fieldNode.child("options").problem("a choice needs 1 to 10 options, found \(options.count)")
                }
            }
            guard let label else { return nil }
            return FormField(
                id: fieldID, validator: validator, label: label, prompt: prompt, options: options,
                optional: fieldNode.flag("optional"))
        }
        DialogCursor.checkUnique(zip(fields.map(\.id), fieldNodes).map { ($0, $1) })

        func requirements(_ cursor: DialogCursor, _ key: String) -> [DocumentRequirement] {
            cursor.array(key).compactMap { item in
                guard let docID = item.string("id"), let docTitle = item.localized("title", maxLength: 24) else {
                    return nil
                }
                let words = (item.child("keywords").value?.elements ?? []).compactMap { $0.text?.lowercased() }
                let help = item.child("help").isPresent ? item.localized("help", maxLength: 700) : nil
                return DocumentRequirement(id: docID, title: docTitle, keywords: words, help: help)
            }
        }
        let documentsNode = node.child("documents")
        var forAll: [DocumentRequirement] = []
        var byGroup: [DocumentGroup: [DocumentRequirement]] = [:]
        if documentsNode.isPresent {
            for key in node.keys("documents") {
                if key == "all" {
                    forAll = requirements(documentsNode, key)
                } else if let group = DocumentGroup(rawValue: key) {
                    byGroup[group] = requirements(documentsNode, key)
                } else {
                    documentsNode.child(key).problem(
                        "unknown business form group \"\(key)\" (all, badanUsaha, perorangan, asing)")
                }
            }
            for group in DocumentGroup.allCases {
                let ids = (forAll + (byGroup[group] ?? [])).map { ($0.id, documentsNode) }
                DialogCursor.checkUnique(ids)
            }
            if !byGroup.isEmpty, !fields.contains(where: { $0.validator == .businessForm }) {
                node.child("fields").problem(
                    "documents depend on the business form, but no field asks it (businessForm)")
            }
        }
        // Every field written in the file counts, even one refused above, so that one mistake is reported once.
        let fieldIDs = Set(fieldNodes.compactMap { $0.child("id").stringValue })
        let template = node.localized("descriptionTemplate", maxLength: 2000)
        if let template {
            for language in Language.allCases {
                for name in LocalizedText.placeholders(in: template.text(in: language))
                where !fieldIDs.contains(name) {
                    node.child("descriptionTemplate").child(language.rawValue)
                        .problem("placeholder {\(name)} names no field of this service")
                }
            }
        }
        guard let id, let title, let menuTitle, let menuDescription, let type, let template else { return nil }
        return ServiceDefinition(
            id: id, title: title, menuTitle: menuTitle, menuDescription: menuDescription, type: type, fields: fields,
            documentsForAll: forAll, documentsByGroup: byGroup, descriptionTemplate: template,
            verificationCall: node.flag("verificationCall"))
    }
}
