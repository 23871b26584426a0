package io.quayside.functions.store.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the store's DynamoDB requests cost, per table, as DynamoDB reports it: read and write
 * capacity units (what on-demand tables bill) and requests. Fed by every request of a client built
 * with {@link DynamoDbClients#metered}; read by the cost benchmark and the runtime's counters.
 */
public final class CapacityMeter {
    private final Map<String, Counts> tables = new ConcurrentHashMap<>();

    /**
     * What one table has cost so far.
     *
     * @param readUnits      read capacity units DynamoDB reported consumed
     * @param writeUnits     write capacity units DynamoDB reported consumed
     * @param requests       requests that named the table, failed ones included
     * @param unreportedWrites writes refused by their condition: DynamoDB bills them (at least one
     *                       write unit each) but reports no consumed capacity for them
     */
    public record Tally(double readUnits, double writeUnits, long requests, long unreportedWrites) {
        public static final Tally ZERO = new Tally(0, 0, 0, 0);

        public Tally minus(Tally earlier) {
            return new Tally(readUnits - earlier.readUnits, writeUnits - earlier.writeUnits, requests - earlier.requests,
                    unreportedWrites - earlier.unreportedWrites);
        }
    }

    public Tally tally(String table) {
        Counts counts = tables.get(table);
        return counts == null ? Tally.ZERO : counts.tally();
    }

    /** Every table seen so far, by name. */
    public Map<String, Tally> tallies() {
        Map<String, Tally> out = new TreeMap<>();
        tables.forEach((table, counts) -> out.put(table, counts.tally()));
        return out;
    }

    /** The sum over all tables. */
    public Tally total() {
        return tallies().values().stream().reduce(Tally.ZERO, (a, b) -> new Tally(a.readUnits + b.readUnits,
                a.writeUnits + b.writeUnits, a.requests + b.requests, a.unreportedWrites + b.unreportedWrites));
    }

    void request(String table) {
        counts(table).requests.increment();
    }

    void read(String table, double units) {
        counts(table).readUnits.add(units);
    }

    void write(String table, double units) {
        counts(table).writeUnits.add(units);
    }

    void unreportedWrite(String table) {
        counts(table).unreportedWrites.increment();
    }

    private Counts counts(String table) {
        return tables.computeIfAbsent(table, name -> new Counts());
    }

    private static final class Counts {
        final DoubleAdder readUnits = new DoubleAdder();
        final DoubleAdder writeUnits = new DoubleAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder unreportedWrites = new LongAdder();

        Tally tally() {
            return new Tally(readUnits.sum(), writeUnits.sum(), requests.sum(), unreportedWrites.sum());
        }
    }
}
