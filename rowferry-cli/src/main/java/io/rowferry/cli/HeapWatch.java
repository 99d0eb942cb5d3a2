package io.rowferry.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a run took. Two numbers, because used heap alone says more about the garbage collector than about the
 * run:
 * <ul>
 *   <li>{@link #peakUsedBytes()}: the most heap in use at a sample ({@code totalMemory - freeMemory}), taken on
 *       every progress tick whether or not progress is shown. It includes garbage not yet collected, and the
 *       collector lets that grow towards the maximum heap when it has room.
 *   <li>{@link #peakAfterGcBytes()}: the most heap still in use right after a garbage collection, over all heap
 *       memory pools, from the collectors' notifications. That is what the run really kept alive; if it does not
 *       grow with the row count, memory is bounded. Sampling the pools' own
 *       {@link MemoryPoolMXBean#getCollectionUsage()} instead would miss the old generation under G1, which
 *       updates it only after collections of the old generation.
 * </ul>
 * Close it to stop listening to the collectors.
 */
final class HeapWatch implements AutoCloseable {
    private static final Runtime RUNTIME = Runtime.getRuntime();

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener afterGc = this::afterGc;

    HeapWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                emitters.add(emitter);
            }
        }
        sample();
    }

    /** Takes a sample of the heap in use now; safe from any thread. */
    void sample() {
        peakUsed.accumulateAndGet(usedBytes(), Math::max);
    }

    private void afterGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                used += usage.getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Heap in use now. */
    static long usedBytes() {
        return RUNTIME.totalMemory() - RUNTIME.freeMemory();
    }

    /** The maximum heap ({@code -Xmx}). */
    static long maxBytes() {
        return RUNTIME.maxMemory();
    }

    long peakUsedBytes() {
        return peakUsed.get();
    }

    /** The most heap in use after a collection during the run; 0 when no collection ran. */
    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        emitters.clear();
    }
}
