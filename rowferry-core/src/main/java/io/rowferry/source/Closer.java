package io.rowferry.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs close actions in order, each even if an earlier one failed, and keeps the first failure: no resource is
 * left open because another one failed to close.
 */
final class Closer {
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final List<Action> actions = new ArrayList<>();

    Closer add(Action action) {
        actions.add(action);
        return this;
    }

    /** Runs every action; returns the first failure, or null. */
    Exception closeAll() {
        Exception first = null;
        for (Action action : actions) {
            try {
                action.run();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        actions.clear();
        return first;
    }
}
