package io.rowferry.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} smallest of the items offered, in a heap of at most {@code limit + 1}: the differences a result
 * lists are those with the smallest keys, whichever order the buckets were compared in.
 */
final class Smallest<T> {
    private final int limit;
    private final Comparator<T> order;
    private final PriorityQueue<T> largestFirst;

    Smallest(int limit, Comparator<T> order) {
        this.limit = limit;
        this.order = order;
        this.largestFirst = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024) + 1), order.reversed());
    }

    void offer(T item) {
        if (limit == 0) {
            return;
        }
        largestFirst.add(item);
        if (largestFirst.size() > limit) {
            largestFirst.poll();
        }
    }

    List<T> sorted() {
        List<T> items = new ArrayList<>(largestFirst);
        items.sort(order);
        return items;
    }
}
