package dev.tblog.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds a cycle in a directed graph by depth-first search, iteratively (a chain of a million nodes
 * needs no deep stack): a node is white (not seen), grey (on the current path) or black (done); an
 * edge to a grey node closes a cycle, which is the path from that node to the current one.
 * O(nodes + edges).
 *
 * <p>Thread contract: stateless, any thread.
 */
final class Cycles {
    private static final int GREY = 1;
    private static final int BLACK = 2;

    private Cycles() {
    }

    /**
     * @param successors every node, in order, to the nodes its edges lead to
     * @return one cycle as the nodes along it, the first repeated at the end ({@code a, b, a}); empty if none
     */
    static List<String> find(Map<String, List<String>> successors) {
        Map<String, Integer> colour = new HashMap<>();
        for (String root : successors.keySet()) {
            if (colour.containsKey(root)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> next = new ArrayDeque<>();
            colour.put(root, GREY);
            path.push(root);
            next.push(successors.get(root).iterator());
            while (!path.isEmpty()) {
                Iterator<String> it = next.peek();
                if (!it.hasNext()) {
                    colour.put(path.pop(), BLACK);
                    next.pop();
                    continue;
                }
                String to = it.next();
                Integer c = colour.get(to);
                if (c == null) {
                    colour.put(to, GREY);
                    path.push(to);
                    next.push(successors.get(to).iterator());
                } else if (c == GREY) {
                    return cycle(path, to);
                }
            }
        }
        return List.of();
    }

    /** The path from {@code start} to the top of the stack, then {@code start} again. */
    private static List<String> cycle(Deque<String> path, String start) {
        List<String> cycle = new ArrayList<>();
        for (String node : path) { // top (current node) first
            cycle.add(node);
            if (node.equals(start)) {
                break;
            }
        }
        Collections.reverse(cycle);
        cycle.add(start);
        return cycle;
    }
}
