import Foundation
import ParleyDesk

/// The webhook deliveries of a desk: what was sent, how many tries it took, and what failed.
struct NotificationsPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    /// Each delivery with the reader's number of the event it was about.
    let deliveries: [(sequence: Int64, delivery: WebhookNotifier.Delivery)]

    var html: HTML {
        let rows = deliveries.map { sequence, delivery -> HTML in
            let status: HTML =
                delivery.delivered
                ? Layout.tag("delivered", "ok")
                : delivery.finishedAt == nil ? Layout.tag("retrying", "warn") : Layout.tag("failed", "bad")
            return """
                <tr><td>#\(sequence) \(delivery.job.type)<div class="small muted">\(delivery.job.summary)</div></td>
                <td>\(status)</td><td class="num">\(delivery.attempts)</td><td class="small">\(delivery.lastError ?? "")</td></tr>
                """
        }
        let target: HTML =
            state.profile?.webhook.map { "Webhook: <code>\($0)</code>" as HTML } ?? "This desk names no webhook."
        let body: HTML = """
            <h1>Notifications</h1><p>\(target) Due playbook tries, deadline alarms and missed deadlines are POSTed as JSON, retried with backoff.</p>
            <section class="panel" id="deliveries" data-live><table><thead><tr><th>Event</th><th>Status</th><th>Tries</th><th>Last error</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"4\" class=\"muted\">nothing sent since the server started</td></tr>"] : rows)</tbody></table></section>
            """
        return Layout.page(title: "Notifications", desk: desk, desks: desks, section: "notifications", body: body)
    }
}
