import Foundation
import ParleyDesk

/// A field of a form that adds or changes something: what it is called in the body (as in scenario
/// files), what a person reads beside it, and how it is typed.
struct FormField: Sendable {
    /// How the field is typed.
    enum Kind: Sendable {
        /// Free text.
        case text
        /// An IANA zone, with the known zones offered as a searchable list.
        case zone
        /// One of these values.
        case choice([Option])
        /// Any of these values.
        case choices([Option])
        /// Yes or no.
        case check
    }

    /// A value and what a person reads for it.
    struct Option: Sendable {
        /// The value sent.
        let value: String
        /// What is shown.
        let label: String
    }

    /// The name in the body (`stays[0].from`).
    let name: String
    /// The label.
    let label: String
    /// How it is typed.
    var kind: Kind = .text
    /// An example, from the desk.
    var placeholder: String = ""
    /// A line of help under the field.
    var hint: String = ""
    /// Whether the desk refuses the form without it.
    var required = false
    /// The value a fresh form starts with.
    var initial: String = ""
}

/// Fields repeated in rows (stays, commitments, windows, steps): a row left empty is skipped.
struct FormRows: Sendable {
    /// The group's name in the body (`stays`).
    let name: String
    /// What a person reads above the rows.
    let legend: String
    /// How many rows the form offers.
    let count: Int
    /// The fields of one row, by their name within the row (`from`).
    let fields: [FormField]

    /// The rows that hold something, as values by field name within the row, in order.
    func filled(in form: FormBody) -> [[String: String]] {
        filledIndices(in: form).map { index in
            Dictionary(uniqueKeysWithValues: fields.map { ($0.name, form["\(name)[\(index)].\($0.name)"]) })
        }
    }

    /// The filled rows as playbook steps (`channel`, `wait`, `repeat`), each refusal naming `steps[i]`.
    /// - Throws: `DeskError` for a number of tries that is not a number.
    func playbookSteps(in form: FormBody) throws(DeskError) -> [PlaybookStepInput] {
        var steps: [PlaybookStepInput] = []
        for (index, row) in filled(in: form).enumerated() {
            let times = try InputText.integer(
                row["repeat"] ?? "", field: "steps[\(index)].repeat", expected: "a number of tries, such as 2")
            steps.append(PlaybookStepInput(channel: row["channel"] ?? "", wait: row["wait"] ?? "", repeat: times))
        }
        return steps
    }

    /// The form's numbers of the rows that hold something.
    func filledIndices(in form: FormBody) -> [Int] {
        (0..<count).filter { index in fields.contains { !form["\(name)[\(index)].\($0.name)"].isEmpty } }
    }

    /// The form's own name for `field` as an input names it (`stays[1].from`): inputs number only the rows
    /// that hold something, so their second may be the form's fourth; nil for a field of no row of these.
    func formField(for field: String, in form: FormBody) -> String? {
        guard field.hasPrefix(name + "["), let close = field.firstIndex(of: "]"),
            let number = Int(field[field.index(field.startIndex, offsetBy: name.count + 1)..<close])
        else { return nil }
        let filled = filledIndices(in: form)
        guard filled.indices.contains(number) else { return nil }
        return "\(name)[\(filled[number])]" + field[field.index(after: close)...]
    }
}

/// Renders form fields with their labels, values, examples and errors, one way for every form.
enum FormFields {
    /// `field` as a labelled control showing what was typed (or its initial value) and its error.
    static func render(_ field: FormField, _ form: FormState, fresh: Bool, marked: Bool = true) -> HTML {
        let optional: HTML = field.required || !marked ? .empty : " <span class=\"small muted\">(optional)</span>"
        let value = fresh ? field.initial : form.value(field.name)
        let id = "field-" + field.name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        // Only ids the page holds: the error when there is one, the hint when there is one.
        let describing =
            (form.errors[field.name] != nil ? ["error-" + field.name] : [])
            + (field.hint.isEmpty ? [] : ["hint-" + id])
        let described: HTML =
            describing.isEmpty ? .empty : " aria-describedby=\"\(describing.joined(separator: " "))\""
        let required: HTML = field.required ? " required aria-required=\"true\"" : .empty
        let control: HTML
        switch field.kind {
        case .text:
            control =
                "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\" placeholder=\"\(field.placeholder)\"\(required)\(described)>"
        case .zone:
            control =
                "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(value)\" list=\"zones\" autocomplete=\"off\" placeholder=\"\(field.placeholder)\"\(required)\(described)>"
        case .choice(let options):
            control =
                "<select id=\"\(id)\" name=\"\(field.name)\"\(required)\(described)>\(Layout.options(options.map { ($0.value, $0.label) }, selected: value))</select>"
        case .choices(let options):
            let chosen = Set(value.split(separator: ",").map(String.init))
            let items = options.map { option -> HTML in
                "<option value=\"\(option.value)\"\(chosen.contains(option.value) ? " selected" : "")>\(option.label)</option>"
            }
            control =
                "<select id=\"\(id)\" name=\"\(field.name)\" multiple size=\"\(min(max(options.count, 2), 6))\"\(described)>\(items)</select>"
        case .check:
            control =
                "<input type=\"checkbox\" id=\"\(id)\" name=\"\(field.name)\" value=\"yes\"\(value == "yes" ? " checked" : "")\(described)>"
        }
        let hint: HTML =
            field.hint.isEmpty ? .empty : "<span class=\"small muted\" id=\"hint-\(id)\">\(field.hint)</span>"
        return """
            <label class="field-label" for="\(id)">\(field.label)\(optional)</label>
            \(control)\(hint)\(Layout.fieldError(form, field.name))
            """
    }

    /// `rows` as a fieldset of numbered rows.
    static func render(_ rows: FormRows, _ form: FormState, fresh: Bool) -> HTML {
        let body = (0..<rows.count).map { index -> HTML in
            let fields = rows.fields.map { field -> HTML in
                var named = field
                named = FormField(
                    name: "\(rows.name)[\(index)].\(field.name)", label: "\(field.label) (\(index + 1))",
                    kind: field.kind, placeholder: field.placeholder, hint: index == 0 ? field.hint : "",
                    required: false, initial: index == 0 ? field.initial : "")
                return "<div class=\"row-field\">\(render(named, form, fresh: fresh, marked: false))</div>"
            }
            return "<div class=\"form-row\">\(fields)</div>"
        }
        return """
            <fieldset><legend>\(rows.legend)</legend><p class="small muted">A row left empty is skipped.</p>\(body)\(Layout.fieldError(form, rows.name))</fieldset>
            """
    }

    /// The known IANA zones, for every zone field on a page.
    static let zoneList: HTML = {
        let zones = (["UTC"] + TimeZone.knownTimeZoneIdentifiers.sorted()).map { "<option value=\"\($0)\">" as HTML }
        return "<datalist id=\"zones\">\(zones)</datalist>"
    }()

    /// A time `hours` from `now` in `zone`, as a person would type it (`2026-12-03 09:00`).
    static func example(_ now: Date, hours: Double, in zone: TimeZoneID) -> String {
        let moment = now.addingTimeInterval(hours * 3600)
        // Whole hours read better as an example than the current minute.
        let rounded = Date(timeIntervalSince1970: (moment.timeIntervalSince1970 / 3600).rounded() * 3600)
        return String(ZonedTime.display(rounded, in: zone).prefix(16))
    }
}
