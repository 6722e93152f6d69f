/// Finds a cycle in a dependency graph, so that a refusal can name it.
enum DependencyCycle {
    /// A cycle reachable from `starts` in `graph` (node → the nodes it depends on), listed in order with
    /// the first node repeated at the end; nil when there is none.
    static func find<Node: Hashable & Comparable>(in graph: [Node: [Node]], startingFrom starts: [Node]) -> [Node]? {
        var finished = Set<Node>()
        var path: [Node] = []
        var onPath = Set<Node>()

        func visit(_ node: Node) -> [Node]? {
            if onPath.contains(node) {
                let start = path.firstIndex(of: node)!
                return Array(path[start...]) + [node]
            }
            if finished.contains(node) { return nil }
            path.append(node)
            onPath.insert(node)
            for next in (graph[node] ?? []).sorted() {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            onPath.remove(node)
            finished.insert(node)
            return nil
        }

        for start in starts {
            if let cycle = visit(start) { return cycle }
        }
        return nil
    }
}
