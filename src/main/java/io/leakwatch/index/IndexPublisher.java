package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a staged generation: its files are built first, then the pointer in PostgreSQL moves
 * in one transaction, then this node switches. A crash before the pointer moves leaves the previous
 * generation served (the staged one is discarded at the next start); after it, the new one.
 */
@ApplicationScoped
public class IndexPublisher {

    private final IndexGenerations generations;
    private final ServedIndex servedIndex;

    public IndexPublisher(IndexGenerations generations, ServedIndex servedIndex) {
        this.generations = generations;
        this.servedIndex = servedIndex;
    }

    public void publish(int generation) {
        servedIndex.prepare(generation);
        generations.publish(generation);
        servedIndex.refresh();
        generations.purgeReplacedBuckets(generation);
    }
}
