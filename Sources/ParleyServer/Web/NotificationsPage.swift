import Foundation
import ParleyDesk

/// The webhook deliveries of a desk: what was sent, how many tries it took, and what each came to.
struct NotificationsPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    /// Each delivery with the reader's number of the event it was about.
    let deliveries: [(sequence: Int64, delivery: WebhookNotifier.Delivery)]

    var html: HTML {
        let rows = deliveries.map { sequence, delivery -> HTML in
            // Four fixed words and a status class: never the receiver's answer or the system's error text.
            let status: HTML =
                switch (delivery.outcome, delivery.finishedAt) {
                case (.delivered, _): Layout.tag("delivered", "ok")
                case (.refusedByAddressPolicy, _): Layout.tag("refused", "bad")
                case (_, nil): Layout.tag("retrying", "warn")
                case (_, .some): Layout.tag("failed", "bad")
                }
            let outcome = delivery.outcome.map(String.init(describing:)) ?? ""
            return """
                <tr><td>#\(sequence) \(delivery.job.type)<div class="small muted">\(delivery.job.summary)</div></td>
                <td>\(status)</td><td class="num">\(delivery.attempts)</td><td class="small">\(outcome)</td></tr>
                """
        }
        let target: HTML =
            state.profile?.webhook.map { "Webhook: <code>\($0)</code>" as HTML } ?? "This desk names no webhook."
        let body: HTML = """
            <h1>Notifications</h1><p>\(target) Due playbook tries, deadline alarms and missed deadlines are POSTed as JSON, retried with backoff.</p>
            <section class="panel" id="deliveries" data-live><table><thead><tr><th>Event</th><th>Status</th><th>Tries</th><th>Last outcome</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"4\" class=\"muted\">nothing sent since the server started</td></tr>"] : rows)</tbody></table></section>
            """
        return Layout.page(title: "Notifications", desk: desk, desks: desks, section: "notifications", body: body)
    }
}
