// Yams keeps libyaml internal; its event stream is what lets us look at a file's shape before composing it.
import CYaml

/// Looks at a scenario file's YAML events before it is composed into nodes, and refuses shapes no desk
/// needs that would make composing it exhaust time or memory.
///
/// Composing expands every alias where it is used, and hashes mapping keys for duplicates: nested aliases
/// used as keys cost time exponential in their depth (a 455-byte file kept `parley import` busy for
/// minutes). A scenario is written by people and by `parley export`, neither of which uses anchors, so
/// they are refused outright; nesting and size are capped because composing recurses (docs/adr/0014).
enum YAMLStructureGuard {
    /// The largest scenario file read, in bytes (the demo desks are under 30 KB).
    static let maxBytes = 8 * 1024 * 1024
    /// The deepest nesting of mappings and lists (a scenario needs about 6).
    static let maxDepth = 48
    /// The most nodes in a file (a desk of thousands of events stays far below).
    static let maxNodes = 2_000_000

    /// Walks `text`'s events; returns nothing when the shape is fine (syntax errors are left to the composer).
    /// - Throws: `ScenarioError` at the first anchor, alias, too deep nesting or excess size.
    static func check(_ text: String, file: String) throws(ScenarioError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxBytes else {
            throw ScenarioError(
                file: file, line: 1, column: 1, field: "",
                reason: "the file is \(bytes.count) bytes; a scenario file may be at most \(maxBytes) bytes")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var failure: ScenarioError?
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var nodes = 0
            while failure == nil {
                var event = yaml_event_t()
                // A syntax error: the composer reports it with its own wording and place.
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                func refuse(_ reason: String) {
                    failure = ScenarioError(file: file, line: line, column: column, field: "", reason: reason)
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_ALIAS_EVENT:
                    refuse("aliases (*name) are not allowed in scenario files; write the value out")
                case YAML_SCALAR_EVENT:
                    if event.data.scalar.anchor != nil {
                        refuse("anchors (&name) are not allowed in scenario files; write the value out")
                    }
                    nodes += 1
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchored =
                        event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor != nil : event.data.mapping_start.anchor != nil
                    if anchored { refuse("anchors (&name) are not allowed in scenario files; write the value out") }
                    depth += 1
                    nodes += 1
                    if depth > maxDepth {
                        refuse("nested more than \(maxDepth) levels deep; a scenario needs far less")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if nodes > maxNodes, failure == nil {
                    refuse("more than \(maxNodes) values; a scenario file needs far fewer")
                }
            }
        }
        if let failure { throw failure }
    }
}
