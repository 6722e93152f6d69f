/// Finds a cycle in a dependency graph, so that a refusal can name it.
enum DependencyCycle {
    /// A cycle reachable from `starts` in `graph` (node → the nodes it depends on), listed in order with
    /// the first node repeated at the end; nil when there is none.
    ///
    /// Depth first with an explicit stack: a chain of thousands of tasks must not exhaust the thread's.
    static func find<Node: Hashable & Comparable>(in graph: [Node: [Node]], startingFrom starts: [Node]) -> [Node]? {
        var finished = Set<Node>()
        var onPath = Set<Node>()
        // Each frame: a node on the path and the dependencies of it still to visit, in order.
        var stack: [(node: Node, next: [Node])] = []

        for start in starts where !finished.contains(start) {
            stack = [(start, (graph[start] ?? []).sorted().reversed())]
            onPath = [start]
            while !stack.isEmpty {
                guard let next = stack[stack.count - 1].next.popLast() else {
                    let done = stack.removeLast().node
                    onPath.remove(done)
                    finished.insert(done)
                    continue
                }
                if onPath.contains(next) {
                    let path = stack.map(\.node)
                    let first = path.firstIndex(of: next) ?? 0
                    return Array(path[first...]) + [next]
                }
                guard !finished.contains(next) else { continue }
                stack.append((next, (graph[next] ?? []).sorted().reversed()))
                onPath.insert(next)
            }
        }
        return nil
    }
}
