extension HTTPRequest {
    /// Whether the client asks to keep the connection open after this request: by default for HTTP/1.1
    /// unless `Connection: close`, and for HTTP/1.0 only with `Connection: keep-alive`.
    public var wantsKeepAlive: Bool {
        var close = false
        var keepAlive = false
        for field in self.headers where HTTPHeaders.namesMatch(field.name, "connection") {
            for token in field.value.split(separator: ",") {
                let option = token.trimmingCharacters(in: " \t")
                if HTTPHeaders.namesMatch(option, "close") { close = true }
                if HTTPHeaders.namesMatch(option, "keep-alive") { keepAlive = true }
            }
        }
        if close { return false }
        return self.version == .http11 || keepAlive
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
