package io.leakwatch.index;

/** Another generation is being staged; builds of the index run one at a time. */
public class IndexBusyException extends RuntimeException {
    public IndexBusyException() {
        super("Another generation of the index is being staged; try again when it is published or discarded");
    }
}
