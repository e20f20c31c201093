extension HTTPRequest: Equatable {
    public static func == (left: HTTPRequest, right: HTTPRequest) -> Bool {
        left.method == right.method && left.target == right.target && left.version == right.version
            && left.headers == right.headers && left.body == right.body
    }
}

extension HTTPHeaders: Equatable {
    /// Headers are equal when they hold the same fields, in the same order, with the same spelling.
    public static func == (left: HTTPHeaders, right: HTTPHeaders) -> Bool {
        left.fields.count == right.fields.count
            && zip(left.fields, right.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
