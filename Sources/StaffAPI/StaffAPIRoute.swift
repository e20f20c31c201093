import HTTPServer
import Ticketing

/// What a staff API request asks for, decoded and range-checked from its method, path, query and body
/// before anything touches the store: a malformed request is a 4xx here, never a trap further in.
enum StaffAPIRoute {
    case listStaff
    case showStaff(id: String)
    case saveStaff(id: String, name: String, level: StaffLevel, active: Bool)
    case queue(TicketQueueQuery)
    case show(TicketNumber)
    case act(TicketNumber, StaffCommand)

    init(_ request: HTTPRequest) throws(StaffAPIError) {
        let segments = try StaffAPI.segments(of: request.path)
        switch segments.count {
        case 1 where segments[0] == "staff":
            try StaffAPI.allow(request, ["GET"])
            self = .listStaff
        case 2 where segments[0] == "staff":
            try StaffAPI.allow(request, ["GET", "PUT"])
            let id = try StaffAPI.staffID(segments[1])
            guard request.method == "PUT" else {
                self = .showStaff(id: id)
                return
            }
            let body = try StaffAPIRequestBody(request)
            let name = try body.string("name")
            guard name.count <= 100 else { throw .badRequest("invalid_field", "\"name\" is longer than 100") }
            let levelNumber = try body.int("level")
            guard let level = StaffLevel(rawValue: levelNumber) else {
                throw .badRequest("invalid_field", "the field \"level\" must be 1 or 2, not \(levelNumber)")
            }
            self = .saveStaff(id: id, name: name, level: level, active: try body.optionalBool("active") ?? true)
        case 1 where segments[0] == "tickets":
            try StaffAPI.allow(request, ["GET"])
            self = .queue(try StaffAPI.queueQuery(StaffAPI.parameters(of: request)))
        case 2 where segments[0] == "tickets":
            try StaffAPI.allow(request, ["GET"])
            self = .show(try StaffAPI.ticketNumber(segments[1]))
        case 3 where segments[0] == "tickets" && segments[2] == "actions":
            try StaffAPI.allow(request, ["POST"])
            let number = try StaffAPI.ticketNumber(segments[1])
            self = .act(number, try StaffCommand(try StaffAPIRequestBody(request)))
        default:
            throw .notFound("route_not_found", "no staff API route at \(request.path); see docs/api.md")
        }
    }
}

extension StaffAPI {
    /// Decodes `request` as the API would, without a store: throws the 4xx a malformed request gets.
    /// The fuzz target for the API's query and body decoding calls this.
    public static func decode(_ request: HTTPRequest) throws(StaffAPIError) {
        _ = try StaffAPIRoute(request)
    }
}
