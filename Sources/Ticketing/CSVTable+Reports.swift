import Foundation
import Support

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

    /// `day,verifier,booked,done,no_show,cancelled,median_lead_days,no_show_rate`, then a total row.
    public init(verification rows: [ReportRows.Verification]) {
        func format(_ value: Double?, _ digits: Int) -> String {
            value.map { String(format: "%.\(digits)f", $0) } ?? ""
        }
        var lines: [[String]] = rows.map { row -> [String] in
            [
                row.day.description, String(row.verifier), String(row.booked), String(row.done), String(row.noShows),
                String(row.cancelled), format(row.medianLeadDays, 1), format(row.noShowRate, 3),
            ]
        }
        var total = ReportRows.Verification(day: LocalDate(dayNumber: 0), verifier: 0)
        for row in rows {
            total.booked += row.booked
            total.done += row.done
            total.noShows += row.noShows
            total.cancelled += row.cancelled
        }
        let leads = rows.compactMap(\.medianLeadDays).sorted()
        let medianLead: Double? = leads.isEmpty ? nil : leads[leads.count / 2]
        let totalRow: [String] = [
            "total", "", String(total.booked), String(total.done), String(total.noShows), String(total.cancelled),
            format(medianLead, 1), format(total.noShowRate, 3),
        ]
        lines.append(totalRow)
        self.init(
            header: ["day", "verifier", "booked", "done", "no_show", "cancelled", "median_lead_days", "no_show_rate"],
            rows: lines)
    }
}
