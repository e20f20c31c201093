import Foundation
import HTTPServer
import Testing

@testable import StaffAPI

/// `docs/openapi.json` matches the server: the same paths with the same methods, and the router answers
/// each listed method (never 404 or 405) and refuses every other one with 405.
struct OpenAPITests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.json")

    @Test func theDocumentListsEveryRouteWithItsMethodsAndNothingElse() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.document)) as? [String: Any])
        #expect((json["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var documented: [String: Set<String>] = [:]
        for (path, item) in paths {
            documented[path] = Set(
                item.keys.filter { ["get", "put", "post", "delete", "patch"].contains($0) }.map { $0.uppercased() })
        }
        var served: [String: Set<String>] = [:]
        for route in StaffAPIRoute.table { served[route.path] = Set(route.methods) }
        #expect(documented == served)
    }

    @Test func theRouterAnswersExactlyTheTablesMethods() throws {
        let api = try StaffAPITests()
        try api.withStaff()
        for route in StaffAPIRoute.table {
            let path = route.path.replacingOccurrences(of: "{id}", with: "lead").replacingOccurrences(
                of: "{number}", with: "1"
            )
            .replacingOccurrences(of: "{tokenID}", with: "999").replacingOccurrences(
                of: "{sha256}", with: String(repeating: "a", count: 64)
            ).replacingOccurrences(of: "{kind}", with: "status")
            for method in ["GET", "PUT", "POST", "DELETE"] {
                let answer = try api.call(
                    method, path, method == "GET" || method == "DELETE" ? nil : [String: String](), staff: "lead")
                if route.methods.contains(method) {
                    #expect(
                        answer.status != 405 && answer.error != "route_not_found", "\(method) \(path): \(answer.status)"
                    )
                } else {
                    #expect(answer.status == 405, "\(method) \(path) is not served: \(answer.status)")
                    #expect(
                        Set(
                            (answer.headers["Allow"] ?? "").split(separator: ",").map {
                                $0.trimmingCharacters(in: .whitespaces)
                            }) == Set(route.methods))
                }
            }
        }
    }
}
