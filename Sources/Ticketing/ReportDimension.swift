import Support

/// What a count report groups tickets by.
public enum ReportDimension: String, CaseIterable, Hashable, Sendable {
    case status = "status"
    case type = "type"
    case category = "category"
    case service = "service"
    case applicationVersion = "version"
    case month = "month"
    case level = "level"

    /// The SQL expression grouped on; `created_at` is in milliseconds, months are WIB months.
    var expression: String {
        switch self {
        case .status: "status"
        case .type: "coalesce(type, '')"
        case .category: "coalesce(category, '')"
        case .service: "title"
        case .applicationVersion: "coalesce(application_version, '')"
        case .month: "strftime('%Y-%m', created_at / 1000 + \(JakartaTime.secondsFromGMT), 'unixepoch')"
        case .level: "CAST(level AS TEXT)"
        }
    }
}
