package io.leakwatch.breach;

/** A breach of that name exists already. */
public class DuplicateBreachException extends RuntimeException {
    public DuplicateBreachException(String name) {
        super("A breach named " + name + " exists already.");
    }
}
