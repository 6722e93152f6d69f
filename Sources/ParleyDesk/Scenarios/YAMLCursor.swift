import Yams

/// A position in a parsed scenario file: a node, its path from the root and its place in the text, with
/// readers that fail with a located `ScenarioError`.
struct YAMLCursor {
    let node: Node
    let path: String
    let file: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ reason: String) -> ScenarioError {
        ScenarioError(file: file, line: line, column: column, field: path, reason: reason)
    }

    func error(expected: String) -> ScenarioError {
        error("expected \(expected), found \(foundDescription)")
    }

    private var foundDescription: String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func child(_ key: String) -> YAMLCursor? {
        guard case .mapping(let mapping) = node else { return nil }
        for (keyNode, value) in mapping where keyNode.string == key {
            return YAMLCursor(node: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
        }
        return nil
    }

    /// Refuses anything but a mapping whose keys are all in `allowed`, so a misspelt field is caught.
    func requireMapping(allowed: [String]) throws(ScenarioError) {
        guard case .mapping(let mapping) = node else { throw error(expected: "a mapping") }
        for (keyNode, _) in mapping {
            let key = keyNode.string ?? ""
            guard allowed.contains(key) else {
                let cursor = YAMLCursor(node: keyNode, path: path, file: file)
                throw cursor.error("unknown field '\(key)'; expected one of: \(allowed.joined(separator: ", "))")
            }
        }
    }

    /// The value at `key`; a missing key is an error at this node.
    func required(_ key: String) throws(ScenarioError) -> YAMLCursor {
        guard let value = optional(key) else {
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            throw ScenarioError(file: file, line: line, column: column, field: fieldPath, reason: "missing (required)")
        }
        return value
    }

    /// The value at `key` even when empty or null (which then says "none"), or nil when absent.
    func given(_ key: String) -> YAMLCursor? { child(key) }

    /// Whether this is an empty or null scalar: "none" where a key is given.
    var isNone: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return node.null != nil || scalar.string.isEmpty
    }

    /// The value at `key`, or nil when absent or null.
    func optional(_ key: String) -> YAMLCursor? {
        guard let value = child(key) else { return nil }
        if case .scalar(let scalar) = value.node, value.node.null != nil || scalar.string.isEmpty { return nil }
        return value
    }

    /// This node's text.
    func text() throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else { throw error(expected: "text") }
        return scalar.string
    }

    /// This node's text, refusing an empty one.
    func nonEmptyText() throws(ScenarioError) -> String {
        let value = try text()
        guard !value.allSatisfy(\.isWhitespace) else { throw error(expected: "some text") }
        return value
    }

    /// This node as a whole number.
    func integer() throws(ScenarioError) -> Int {
        guard let value = Int(try text()) else { throw error(expected: "a whole number") }
        return value
    }

    /// This node as a decimal number.
    func number() throws(ScenarioError) -> Double {
        guard let value = Double(try text()), value.isFinite else { throw error(expected: "a number") }
        return value
    }

    /// The items of a list.
    func list() throws(ScenarioError) -> [YAMLCursor] {
        guard case .sequence(let sequence) = node else { throw error(expected: "a list") }
        return sequence.enumerated().map { YAMLCursor(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// The items of the list at `key`, or none when the key is absent.
    func listIfPresent(_ key: String) throws(ScenarioError) -> [YAMLCursor] {
        try optional(key)?.list() ?? []
    }

    /// This node's text as one of `Value`'s raw values.
    func choice<Value: RawRepresentable & CaseIterable>(_: Value.Type) throws(ScenarioError) -> Value
    where Value.RawValue == String {
        let raw = try text()
        guard let value = Value(rawValue: raw) else {
            throw error(expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// Runs a domain parser on this node, turning its refusal into an error located here.
    func parse<Value>(_ body: (String) throws(DeskError) -> Value) throws(ScenarioError) -> Value {
        let raw = try text()
        do {
            return try body(raw)
        } catch {
            throw self.error(error.reason)
        }
    }

    /// The cursor at a field path below this node (`stays[1].venue`), as far as it exists.
    func locate(_ fieldPath: String) -> YAMLCursor {
        var cursor = self
        for part in fieldPath.split(separator: ".") {
            var name = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "["), let close = part.firstIndex(of: "]") {
                name = part[..<open]
                index = Int(part[part.index(after: open)..<close])
            }
            guard let next = cursor.child(String(name)) else { return cursor }
            cursor = next
            if let index, let items = try? cursor.list(), items.indices.contains(index) { cursor = items[index] }
        }
        return cursor
    }
}

extension DeskError {
    /// The message without the leading field name, for front ends that show the field themselves.
    public var reason: String {
        guard let field, message.hasPrefix(field + ": ") else { return message }
        return String(message.dropFirst(field.count + 2))
    }
}
