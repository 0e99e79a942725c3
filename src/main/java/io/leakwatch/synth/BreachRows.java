package io.leakwatch.synth;

import java.util.List;

/** How one kind of breach lays out its rows. */
interface BreachRows {

    List<String> columns();

    /** Appends the fields of one row (not its line end). */
    void write(RowContext row, CsvRowBuffer out);
}
