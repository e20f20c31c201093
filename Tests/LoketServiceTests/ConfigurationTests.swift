import HelpdeskRuntime
import LoketService
import Testing
import WebhookServer
import WhatsAppOutbox

/// The environment decides the configuration; a bad setting is named in one line.
struct ConfigurationTests {
    static let production = [
        "WHATSAPP_APP_SECRET": "secret", "WHATSAPP_VERIFY_TOKEN": "token", "WHATSAPP_ACCESS_TOKEN": "EAAG",
        "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
    ]

    func error(_ environment: [String: String]) -> ConfigurationError? {
        do {
            _ = try Configuration.parse(environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test func anEmptyEnvironmentRunsTheSandboxOnTheDefaults() throws {
        let configuration = try Configuration.parse(environment: [:])
        #expect(configuration.mode == .sandbox)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./data")
        #expect(configuration.dialogsDirectory == "./Dialogs")
        #expect(configuration.apiBase == "https://graph.facebook.com/v21.0")
        #expect(configuration.staleAge == 24 * 3600)
        #expect(configuration.appSecret == nil)
        #expect(!configuration.dispatchPaused)
    }

    @Test func allFourCredentialsRunInProduction() throws {
        let configuration = try Configuration.parse(environment: Self.production)
        #expect(configuration.mode == .production)
        #expect(configuration.phoneNumberID == "106540352242922")
    }

    @Test func someCredentialsStopStartUpNamingTheMissingOnes() {
        let error = self.error(["WHATSAPP_ACCESS_TOKEN": "EAAG", "WHATSAPP_APP_SECRET": "s"])
        #expect(error?.settings == ["WHATSAPP_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"])
        #expect(error?.description.contains("WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID are missing") == true)
    }

    @Test func theAppSecretAloneKeepsTheSandboxAndIsUsed() throws {
        let configuration = try Configuration.parse(environment: ["WHATSAPP_APP_SECRET": "known"])
        #expect(configuration.mode == .sandbox)
        #expect(configuration.appSecret == "known")
    }

    @Test func emptyValuesCountAsUnset() throws {
        let configuration = try Configuration.parse(environment: ["WHATSAPP_ACCESS_TOKEN": "", "LOKET_ADDR": " "])
        #expect(configuration.mode == .sandbox)
        #expect(configuration.port == 8080)
    }

    @Test func theNoticeTemplateHasADefaultAndTakesALanguage() throws {
        let standard = try Configuration.parse(environment: [:])
        #expect(standard.noticeTemplate == .init(name: "loket_pesan_menunggu", language: "id"))
        let english = try Configuration.parse(environment: ["WHATSAPP_NOTICE_TEMPLATE": "helpdesk_waiting:en_US"])
        #expect(english.noticeTemplate == .init(name: "helpdesk_waiting", language: "en_US"))
    }

    @Test func addressesParse() throws {
        let v4 = try Configuration.parse(environment: ["LOKET_ADDR": "0.0.0.0:9000"])
        #expect(v4.host == "0.0.0.0" && v4.port == 9000)
        let v6 = try Configuration.parse(environment: ["LOKET_ADDR": "[::1]:8081"])
        #expect(v6.host == "::1" && v6.port == 8081)
    }

    @Test(arguments: [
        ("LOKET_ADDR", "8080"), ("LOKET_ADDR", "localhost:http"), ("LOKET_ADDR", ":8080"), ("LOKET_ADDR", "h:70000"),
        ("WHATSAPP_API_BASE", "graph.facebook.com"), ("LOKET_STALE_AGE", "-1h"), ("LOKET_STALE_AGE", "soon"),
        ("LOKET_DISPATCH_LANES", "0"), ("LOKET_DISPATCH_LANES", "many"), ("LOKET_LOG_LEVEL", "loud"),
        ("LOKET_DISPATCH_PAUSED", "yes"), ("LOKET_SANDBOX_GRAPH_ADDR", "nowhere"),
        ("WHATSAPP_NOTICE_TEMPLATE", "Pesan Menunggu"), ("WHATSAPP_NOTICE_TEMPLATE", "loket_pesan:"),
        ("LOKET_SEND_RATE", "0"), ("LOKET_SEND_RATE", "5000"), ("LOKET_SEND_RATE", "fast"), ("LOKET_SEND_RATE", "nan"),
        ("LOKET_SEND_CONNECTIONS", "0"), ("LOKET_SEND_CONNECTIONS", "300"), ("LOKET_SEND_CONNECTIONS", "many"),
        ("LOKET_MAX_CONNECTIONS", "-1"), ("LOKET_MAX_CONNECTIONS", "99999999999999999999"),
        ("LOKET_MAX_CONNECTIONS_PER_CLIENT", "0"), ("LOKET_UNLIMITED_CLIENTS", "proxy.local"),
        ("LOKET_INBOX_RETENTION", "6d"), ("LOKET_INBOX_RETENTION", "forever"),
    ])
    func aBadSettingIsNamed(name: String, value: String) {
        let error = self.error([name: value])
        #expect(error?.settings == [name])
        #expect(error?.description.contains(name) == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func aNonNumericPhoneNumberIDIsRefused() {
        var environment = Self.production
        environment["WHATSAPP_PHONE_NUMBER_ID"] = "+62 812"
        #expect(self.error(environment)?.settings == ["WHATSAPP_PHONE_NUMBER_ID"])
    }

    @Test func durationsTakeUnits() throws {
        #expect(try Configuration.parse(environment: [:]).sendRate == 80)
        #expect(try Configuration.parse(environment: ["LOKET_SEND_RATE": "1000"]).sendRate == 1000)
        // Enough calls in flight for the rate while Meta takes about 250 ms to answer each, 4 to 64.
        #expect(try Configuration.parse(environment: [:]).sendConnections == 20)
        #expect(try Configuration.parse(environment: ["LOKET_SEND_RATE": "10"]).sendConnections == 4)
        #expect(try Configuration.parse(environment: ["LOKET_SEND_RATE": "1000"]).sendConnections == 64)
        #expect(
            try Configuration.parse(environment: ["LOKET_SEND_RATE": "1000", "LOKET_SEND_CONNECTIONS": "100"])
                .sendConnections == 100)
        #expect(try Configuration.parse(environment: [:]).dispatcherLanes == 8)
        #expect(try Configuration.parse(environment: ["LOKET_MAX_CONNECTIONS": "512"]).maxConnections == 512)
        #expect(
            try Configuration.parse(environment: ["LOKET_UNLIMITED_CLIENTS": "127.0.0.1, ::1"]).unlimitedClients
                == ["127.0.0.1", "::1"])
        #expect(try Configuration.parse(environment: ["LOKET_STALE_AGE": "90s"]).staleAge == 90)
        #expect(try Configuration.parse(environment: ["LOKET_STALE_AGE": "30m"]).staleAge == 1800)
        #expect(try Configuration.parse(environment: ["LOKET_STALE_AGE": "2d"]).staleAge == 172_800)
        #expect(try Configuration.parse(environment: ["LOKET_STALE_AGE": "600"]).staleAge == 600)
        #expect(try Configuration.parse(environment: [:]).documentRetention.processedWebhooks == 30 * 86_400)
        #expect(
            try Configuration.parse(environment: ["LOKET_INBOX_RETENTION": "7d"]).documentRetention.processedWebhooks
                == 7 * 86_400)
    }

    @Test func theDescriptionHoldsNoSecrets() throws {
        let text = try Configuration.parse(environment: Self.production).description
        #expect(!text.contains("secret"))
        #expect(!text.contains("EAAG"))
        #expect(!text.contains("token"))
    }

    @Test func theTestOnlyPauseIsRead() throws {
        #expect(try Configuration.parse(environment: ["LOKET_DISPATCH_PAUSED": "1"]).dispatchPaused)
    }

    /// The shared token is gone: staff have accounts, scripts personal tokens. A leftover setting is named.
    @Test func theOldSharedStaffTokenIsRefusedByName() {
        let refused = error(["LOKET_API_TOKEN": "a-long-staff-api-token"])
        #expect(refused?.settings == ["LOKET_API_TOKEN"])
        #expect(refused.map { "\($0)" }?.contains("loket staff add") == true)
    }

    @Test func secureCookiesAreReadAndABadValueIsNamed() throws {
        #expect(try Configuration.parse(environment: [:]).secureCookies == false)
        #expect(try Configuration.parse(environment: ["LOKET_SECURE_COOKIES": "1"]).secureCookies)
        #expect(error(["LOKET_SECURE_COOKIES": "yes"])?.settings == ["LOKET_SECURE_COOKIES"])
        #expect(
            try Configuration.parse(environment: ["LOKET_SECURE_COOKIES": "1"]).description.contains(
                "secure_cookies=true"))
    }
}
