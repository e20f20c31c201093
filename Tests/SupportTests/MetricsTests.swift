import Support
import Testing

/// The Prometheus text exposition.
struct MetricsTests {
    @Test func countersRenderWithLabels() {
        let metrics = Metrics()
        metrics.recordSend(result: "sent")
        metrics.recordSend(result: "sent")
        metrics.recordMediaDownload(result: "rejected")
        let text = metrics.render()
        #expect(text.contains("# TYPE loket_sends_total counter\nloket_sends_total{result=\"sent\"} 2\n"))
        #expect(text.contains("loket_media_downloads_total{result=\"rejected\"} 1\n"))
    }

    @Test func gaugesAreReadWhenScraped() {
        let metrics = Metrics()
        metrics.setGauge(Metrics.outboxPending) { [(labels: [], value: 7)] }
        #expect(metrics.render().contains("# TYPE loket_outbox_pending gauge\nloket_outbox_pending 7\n"))
    }

    @Test func labelValuesAreEscaped() {
        let metrics = Metrics()
        metrics.recordHTTPRequest(route: "a\"b\\c", status: 200)
        #expect(metrics.render().contains(#"loket_http_requests_total{route="a\"b\\c",status="200"} 1"#))
    }

    @Test func everyFamilyHasHelpAndType() {
        let text = Metrics().render()
        for name in [
            "loket_http_requests_total", "loket_inbox_pending", "loket_inbox_oldest_pending_age_seconds",
            "loket_outbox_pending", "loket_sends_total", "loket_media_downloads_total",
        ] {
            #expect(text.contains("# HELP \(name) "))
            #expect(text.contains("# TYPE \(name) "))
        }
    }
}
