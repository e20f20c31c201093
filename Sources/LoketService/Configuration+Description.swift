extension Configuration: CustomStringConvertible {
    /// The settings without secrets, for the start-up log line.
    public var description: String {
        "mode=\(self.mode.rawValue) addr=\(self.host):\(self.port) data_dir=\(self.dataDirectory) "
            + "dialogs=\(self.dialogsDirectory) api_base=\(self.apiBase) lanes=\(self.dispatcherLanes) "
            + "stale_age=\(Int(self.staleAge))s send_rate=\(Int(self.sendRate))/s "
            + "send_connections=\(self.sendConnections) max_connections=\(self.maxConnections) "
            + "secure_cookies=\(self.secureCookies)"
    }
}
