package io.quayside.agent.sweep;

import java.util.concurrent.atomic.AtomicInteger;

/** How many kernel files all containers together may keep open; past it, files are opened for each read and closed again. */
final class FileBudget {
    static final FileBudget NONE = new FileBudget(0);

    private final int limit;
    private final AtomicInteger used = new AtomicInteger();

    FileBudget(int limit) {
        this.limit = limit;
    }

    boolean take() {
        return used.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
    }

    void give(int files) {
        used.addAndGet(-files);
    }

    int used() {
        return used.get();
    }
}
