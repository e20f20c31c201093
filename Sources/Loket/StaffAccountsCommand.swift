import Foundation
import StaffAccess
import Storage
import Ticketing

/// `loket staff add|passwd|disable|list`: staff accounts on the database in `$LOKET_DATA_DIR` (safe while
/// the service runs). A password comes from standard input with `--password-stdin`, or is generated and
/// printed once.
enum StaffAccountsCommand {
    static let usage = """
        staff add ID --name NAME --role l1|l2|admin [--password-stdin]
                                   create or update a staff member (a new password is printed once)
          staff passwd ID [--password-stdin]
                                   set a new password (every session of the member ends)
          staff disable ID         disable a member (not the last active admin)
          staff list               members with their roles
        """

    static func run(_ arguments: [String], environment: [String: String], input: FileHandle = .standardInput) -> Int32 {
        guard let verb = arguments.first else { return Self.fail("give add, passwd, disable or list", 64) }
        let rest = Array(arguments.dropFirst())
        let dataDirectory = environment["LOKET_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let writer = try DatabaseWriter(
                path: (dataDirectory as NSString).appendingPathComponent("loket.sqlite"),
                migrators: [TicketSchema.migrator, AccessSchema.migrator])
            let now = Date()
            switch verb {
            case "add":
                guard let id = rest.first, !id.hasPrefix("-") else { return Self.fail("staff add needs an ID", 64) }
                let options = try Self.options(Array(rest.dropFirst()))
                guard let name = options["--name"] else { return Self.fail("staff add needs --name NAME", 64) }
                guard let role = options["--role"].flatMap(StaffRole.init(rawValue:)) else {
                    return Self.fail("staff add needs --role l1, l2 or admin", 64)
                }
                let (password, generated) = try Self.password(options, input: input)
                try writer.write(durability: .powerLoss) { database in
                    let accounts = StaffAccounts(database: database)
                    try accounts.save(id: id, name: name, role: role, at: now)
                    try accounts.setPassword(of: id, to: password, at: now)
                    try accounts.audit(
                        staff: nil, action: "staff add \(id) \(role.rawValue)", detail: "loket staff", address: "cli",
                        success: true, at: now)
                }
                print("staff \(id) (\(role.rawValue)) saved")
                if generated { print("password (shown once): \(password)") }
            case "passwd":
                guard let id = rest.first, !id.hasPrefix("-") else { return Self.fail("staff passwd needs an ID", 64) }
                let (password, generated) = try Self.password(try Self.options(Array(rest.dropFirst())), input: input)
                try writer.write(durability: .powerLoss) { database in
                    let accounts = StaffAccounts(database: database)
                    try accounts.setPassword(of: id, to: password, at: now)
                    try accounts.audit(
                        staff: nil, action: "staff passwd \(id)", detail: "loket staff", address: "cli", success: true,
                        at: now)
                }
                print("password of \(id) changed; every session of \(id) ended")
                if generated { print("password (shown once): \(password)") }
            case "disable":
                guard rest.count == 1 else { return Self.fail("staff disable needs exactly one ID", 64) }
                try writer.write(durability: .powerLoss) { database in
                    let accounts = StaffAccounts(database: database)
                    try accounts.disable(rest[0], at: now)
                    try accounts.audit(
                        staff: nil, action: "staff disable \(rest[0])", detail: "loket staff", address: "cli",
                        success: true, at: now)
                }
                print("staff \(rest[0]) disabled")
            case "list":
                try writer.read { database in
                    let tickets = SQLiteTicketTransaction(
                        database: database,
                        configuration: TicketStoreConfiguration(
                            lifecycle: TicketLifecycle(calendar: WorkingCalendar(holidays: .none))))
                    let accounts = StaffAccounts(database: database)
                    for member in try tickets.staff() {
                        let role = try accounts.role(of: member.id)?.rawValue ?? "-"
                        print("\(member.id)\t\(role)\t\(member.isActive ? "active" : "disabled")\t\(member.name)")
                    }
                }
            default:
                return Self.fail("unknown staff command \(verb); give add, passwd, disable or list", 64)
            }
            return 0
        } catch let error as AccessError {
            return Self.fail(error.description, 65)
        } catch let error as UsageError {
            return Self.fail(error.message, 64)
        } catch {
            return Self.fail("\(error)", 74)
        }
    }

    struct UsageError: Error {
        var message: String
    }

    /// `--name VALUE --role VALUE --password-stdin` into a dictionary (flags map to "").
    static func options(_ arguments: [String]) throws -> [String: String] {
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let option = arguments[index]
            switch option {
            case "--password-stdin":
                options[option] = ""
                index += 1
            case "--name", "--role":
                guard index + 1 < arguments.count else { throw UsageError(message: "\(option) needs a value") }
                options[option] = arguments[index + 1]
                index += 2
            default:
                throw UsageError(message: "unknown option \(option)")
            }
        }
        return options
    }

    /// The password from standard input's first line, or a new random one (then `generated`).
    static func password(_ options: [String: String], input: FileHandle) throws -> (String, generated: Bool) {
        guard options["--password-stdin"] != nil else {
            let password = SecureRandom.password()
            return (password, true)
        }
        let data = input.readDataToEndOfFile()
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first
        return (String(line ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\r")), false)
    }

    private static func fail(_ message: String, _ status: Int32) -> Int32 {
        FileHandle.standardError.write(Data("loket staff: \(message)\n".utf8))
        return status
    }
}
