import Foundation

extension CSVTable {
    /// `dimension,tickets`.
    public init(counts: [ReportRows.Count], dimension: ReportDimension) {
        self.init(header: [dimension.rawValue, "tickets"], rows: counts.map { [$0.key, String($0.tickets)] })
    }

    /// `type,met,breached,open_breached`.
    public init(sla: [ReportRows.SLA]) {
        self.init(
            header: ["type", "met", "breached", "open_breached"],
            rows: sla.map { [$0.type, String($0.met), String($0.breached), String($0.openBreached)] })
    }

    /// One row of ticket counts and median working minutes.
    public init(timing: ReportRows.Timing) {
        func minutes(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }
        self.init(
            header: [
                "tickets", "responded", "median_first_response_working_minutes", "resolved",
                "median_resolution_working_minutes",
            ],
            rows: [
                [
                    String(timing.tickets), String(timing.responded), minutes(timing.medianFirstResponseMinutes),
                    String(timing.resolved), minutes(timing.medianResolutionMinutes),
                ]
            ])
    }

    /// One row per question (NRR), then the index, converted value, grade and respondents.
    public init(satisfaction index: SatisfactionIndex) {
        var rows = index.elements.map {
            [$0.questionID, $0.element, String($0.respondents), String(format: "%.4f", $0.average)]
        }
        rows.append(["IKM", "", String(index.respondents), String(format: "%.4f", index.index)])
        rows.append(["IKM x 25", "", String(index.respondents), String(format: "%.2f", index.converted)])
        rows.append([
            "grade", index.grade.map { "\($0.rawValue) (\($0.label))" } ?? "", String(index.respondents), "",
        ])
        self.init(header: ["question", "element", "respondents", "value"], rows: rows)
    }
}
