import HTTPTypes
import ParleyAccess

/// Which permission every route needs, by method and route template, in one table.
///
/// A route missing here is refused to everyone (`AccessControl` fails closed), and the authorisation
/// matrix test, generated from the router, fails the build's tests until it is added.
enum AccessPolicy {
    /// The permission `method` on `template` (as the router writes it: `/desks/{desk}`) needs.
    static func required(_ method: HTTPRequest.Method, _ template: String) -> Permission? {
        table["\(method.rawValue) \(template)"]
    }

    /// Every rule, for the test that checks them against the router.
    static let table: [String: Permission] = {
        var rules: [String: Permission] = [
            // Open: signing in, health, the static files and the API's description.
            "GET /login": .open, "POST /login": .open, "POST /api/v1/session": .open,
            "GET /livez": .open, "GET /healthz": .open,
            "GET /assets/parley.css": .open, "GET /assets/parley.js": .open, "GET /openapi.yaml": .open,
            // Open: a calendar feed's secret address is its own credential (a calendar application has no
            // session); unknown secrets are 404.
            "GET /calendars/{file}": .open,
            // Any signed-in person.
            "POST /logout": .read, "DELETE /api/v1/session": .read,
            "GET /": .read, "GET /calibration": .read, "GET /search": .read, "GET /desks/{desk}": .read,
            "GET /desks/{desk}/notifications": .read,
            "GET /desks/{desk}/engagements/{id}": .read, "GET /desks/{desk}/engagements/{id}/brief": .read,
            "GET /desks/{desk}/trips/{trip}": .read, "GET /desks/{desk}/trips/{trip}/brief": .read,
            "GET /desks/{desk}/trips/{trip}/itinerary.ics": .read, "GET /desks/{desk}/timeline": .read,
            "GET /desks/{desk}/live": .read, "GET /api/v1/desks": .read, "GET /api/v1/desks/{desk}/summary": .read,
            // Anyone who reads may subscribe to what they read, and revoke their own (admins: anyone's).
            "GET /calendar-feeds": .read, "POST /calendar-feeds": .read, "POST /calendar-feeds/{id}/revoke": .read,
            "GET /api/v1/calendar-feeds": .read, "POST /api/v1/calendar-feeds": .read,
            "DELETE /api/v1/calendar-feeds/{id}": .read,
            // Anyone who reads has alarms of their own to see and acknowledge, and may follow what they read.
            "GET /alarms": .read, "POST /alarms/acknowledge": .read,
            "POST /desks/{desk}/engagements/{id}/follow": .read,
            "GET /api/v1/alarms": .read, "POST /api/v1/alarms/acknowledge": .read, "GET /api/v1/search": .read,
            "GET /api/v1/calibration": .read,
            "POST /api/v1/desks/{desk}/engagements/{id}/follow": .read,
            // Officers: recording and moving.
            "POST /desks/{desk}/attempts": .record, "POST /desks/{desk}/engagements/{id}/move": .record,
            "POST /desks/{desk}/engagements/{id}/signals": .record,
            "POST /desks/{desk}/engagements/{id}/messages": .record,
            "POST /desks/{desk}/playbooks/{playbook}/stop": .record,
            "POST /desks/{desk}/deadlines/{deadline}/resolve": .record,
            "POST /desks/{desk}/deadlines/{deadline}/move": .record,
            "POST /desks/{desk}/channels/{channel}/status": .record,
            "POST /desks/{desk}/tasks/{task}/amend": .record,
            "POST /desks/{desk}/engagements/{id}/amend": .record,
            "POST /desks/{desk}/engagements/{id}/deadlines": .record,
            "POST /desks/{desk}/playbooks/{playbook}/start": .record, "POST /desks/{desk}/tasks/{task}": .record,
            "GET /desks/{desk}/new/{item}": .record, "POST /desks/{desk}/new/{item}": .record,
            "GET /desks/{desk}/edit/{item}/{id}": .record, "POST /desks/{desk}/edit/{item}/{id}": .record,
            "POST /desks/{desk}/trips/{trip}/amend": .record,
            "POST /desks/{desk}/trips/{trip}/plan": .record, "POST /desks/{desk}/entries/{entry}/retract": .record,
            "POST /api/v1/desks/{desk}/attempts": .record, "POST /api/v1/desks/{desk}/signals": .record,
            "POST /api/v1/desks/{desk}/deadlines": .record, "POST /api/v1/desks/{desk}/engagements/{id}/move": .record,
            "POST /api/v1/desks/{desk}/messages": .record, "POST /api/v1/desks/{desk}/engagements/{id}/slot": .record,
            "POST /api/v1/desks/{desk}/engagements/{id}/amend": .record,
            "POST /api/v1/desks/{desk}/{collection}/{id}/amend": .record,
            "POST /api/v1/desks/{desk}/trips/{id}/amend": .record, "POST /api/v1/desks/{desk}/trips/{id}/plan": .record,
            "POST /api/v1/desks/{desk}/tasks/{id}/amend": .record,
            "POST /api/v1/desks/{desk}/deadlines/{id}/move": .record,
            "POST /api/v1/desks/{desk}/playbooks/{id}/stop": .record,
            "POST /api/v1/desks/{desk}/channels/{id}/status": .record,
            "POST /api/v1/desks/{desk}/deadlines/{id}/resolve": .record,
            "POST /api/v1/desks/{desk}/playbooks/{id}/start": .record,
            "POST /api/v1/desks/{desk}/tasks/{id}/status": .record,
            "POST /api/v1/desks/{desk}/entries/{entry}/retract": .record,
            "POST /api/v1/desks/{desk}/travel": .record,
            // Admins: people.
            "GET /admin/users": .administer, "POST /admin/users": .administer,
            "POST /admin/users/{name}/role": .administer, "POST /admin/users/{name}/revoke": .administer,
            // Admins: compartments.
            "GET /admin/compartments": .administer, "POST /admin/compartments": .administer,
            "POST /admin/compartments/{compartment}/members": .administer,
            "POST /admin/compartments/{compartment}/members/{name}/remove": .administer,
            // Admins: desks. Raw events open desks (visible to everyone) and replay or import whole stories;
            // everyday records have routes of their own.
            "POST /api/v1/desks/{desk}/events": .administer, "POST /api/v1/desks": .administer,
            "GET /new-desk": .administer, "POST /new-desk": .administer,
            // Admins: a rehearsal opens a desk of its own.
            "POST /rehearsals": .administer, "POST /api/v1/rehearsals": .administer,
            // Admins: a desk's title, zone and webhook (where its alarms go).
            "POST /api/v1/desks/{desk}/amend": .administer, "POST /desks/{desk}/amend": .administer,
            // The counters count appends in every compartment, which is itself something to hide.
            "GET /metrics": .administer,
        ]
        for collection in Collections.names {
            rules["GET /api/v1/desks/{desk}/\(collection)"] = .read
            rules["GET /api/v1/desks/{desk}/\(collection)/{id}"] = .read
        }
        for collection in Collections.creatable {
            rules["POST /api/v1/desks/{desk}/\(collection)"] = .record
        }
        return rules
    }()
}
