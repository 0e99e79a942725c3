package io.leakwatch.synth;

import java.util.Optional;

/**
 * One row being made: its own random stream, and the person it is about. One per chunk of rows,
 * repositioned for each row.
 */
final class RowContext {

    /** Deciding whether a row borrows another kind's person uses a stream of its own, so rows stay the same otherwise. */
    private static final long OVERLAP_STREAM = 0x6F7665726C6170L;

    private final People people;
    private final long seed;
    private final BreachKind kind;
    private final Optional<Overlap> overlap;
    private final RowRandom random = new RowRandom();
    private final RowRandom personRandom = new RowRandom();
    private long index;

    RowContext(People people, long seed, BreachKind kind, Optional<Overlap> overlap) {
        this.people = people;
        this.seed = seed;
        this.kind = kind;
        this.overlap = overlap;
    }

    void moveTo(long rowIndex) {
        index = rowIndex;
        random.positionAt(seed, kind.rowStream(), rowIndex);
    }

    /** Draws for this row alone (case, password, location...). */
    RowRandom random() {
        return random;
    }

    Person person() {
        return people.person(seed, populationOfThisRow(), index, personRandom);
    }

    private BreachKind populationOfThisRow() {
        if (overlap.isEmpty()) {
            return kind;
        }
        boolean borrowed = personRandom.positionAt(seed, OVERLAP_STREAM ^ kind.rowStream(), index)
                .chance(overlap.get().fraction());
        return borrowed ? overlap.get().otherKind() : kind;
    }

    People people() {
        return people;
    }
}
