/// A 4-ary min-heap of (key, node) pairs, keys and nodes in separate arrays: shallower than a
/// binary heap and cache-friendlier, for the best-path searches that dominate the network
/// analysis.
struct MinHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(Int32(node))
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) >> 2
            guard key < keys[parent] else { break }
            keys[i] = keys[parent]
            nodes[i] = nodes[parent]
            i = parent
        }
        keys[i] = key
        nodes[i] = Int32(node)
    }

    mutating func pop() -> (Double, Int)? {
        guard let topKey = keys.first else { return nil }
        let topNode = Int(nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        let count = keys.count
        if count > 0 {
            var i = 0
            while true {
                let first = 4 * i + 1
                guard first < count else { break }
                var smallest = first
                var smallestKey = keys[first]
                let end = min(first + 4, count)
                var c = first + 1
                while c < end {
                    if keys[c] < smallestKey { smallest = c; smallestKey = keys[c] }
                    c += 1
                }
                guard smallestKey < lastKey else { break }
                keys[i] = smallestKey
                nodes[i] = nodes[smallest]
                i = smallest
            }
            keys[i] = lastKey
            nodes[i] = lastNode
        }
        return (topKey, topNode)
    }
}
