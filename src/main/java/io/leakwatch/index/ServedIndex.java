package io.leakwatch.index;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generation this node serves, as one generation file per hash kind under
 * {@code <data dir>/index}. Switching to a newly published generation is a single reference swap,
 * so a request reads either the old generation or the new one, never a mix.
 */
@ApplicationScoped
public class ServedIndex {

    private static final Logger LOG = Logger.getLogger(ServedIndex.class);

    private final IndexGenerations generations;
    private final Event<GenerationServed> servedEvents;
    private final Event<GenerationPrepared> preparedEvents;
    private final Path directory;
    private final boolean serving;
    private volatile Snapshot snapshot;

    public ServedIndex(IndexGenerations generations, Event<GenerationServed> servedEvents,
                       Event<GenerationPrepared> preparedEvents, IndexConfig config,
                       @ConfigProperty(name = "leakwatch.data-dir") Path dataDir) {
        this.serving = config.serving();
        this.generations = generations;
        this.servedEvents = servedEvents;
        this.preparedEvents = preparedEvents;
        this.directory = dataDir.resolve("index");
    }

    /** What a request reads: one published generation and its files. */
    public record Snapshot(Generation generation, Map<HashKind, GenerationFile> files) {
        public GenerationFile file(HashKind kind) {
            return files.get(kind);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!serving) {
            return;
        }
        for (int abandoned : generations.stagingGenerations()) {
            LOG.infof("Discarding generation %d, left staged by a process that stopped", abandoned);
            generations.discard(abandoned);
        }
        refresh();
    }

    /** Serves the generation PostgreSQL names as current, if this node does not already. */
    @Scheduled(identity = "index-follow", every = "${leakwatch.index.poll-interval}", delayed = "${leakwatch.index.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        if (!serving) {
            return;
        }
        Generation current = generations.current();
        Snapshot served = snapshot;
        if (served != null && served.generation().id() == current.id()) {
            return;
        }
        Map<HashKind, GenerationFile> files = new EnumMap<>(HashKind.class);
        for (HashKind kind : HashKind.values()) {
            files.put(kind, openOrBuild(current.id(), kind));
        }
        servedEvents.fire(new GenerationServed(current.id()));
        snapshot = new Snapshot(current, files);
        LOG.infof("Serving index generation %d", current.id());
        deleteFilesOlderThan(current.id());
    }

    /**
     * Builds the files of a staged generation before it is published, so that publishing only has
     * to move the pointer and every node can switch at once.
     */
    public void prepare(int generation) {
        for (HashKind kind : HashKind.values()) {
            GenerationFile.write(directory, generation, kind, generations);
        }
        preparedEvents.fire(new GenerationPrepared(generation));
    }

    /** Where this node keeps its generation files (and the files derived from them). */
    public Path directory() {
        return directory;
    }

    /** The served generation; null until the first one is loaded at start. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** A generation's file of one kind: opened if this node has it, else built from PostgreSQL. */
    public GenerationFile openOrBuild(int generation, HashKind kind) {
        Path file = GenerationFile.pathFor(directory, generation, kind);
        if (Files.exists(file)) {
            try {
                return GenerationFile.open(file, generation, kind);
            } catch (UncheckedIOException e) {
                LOG.warnf("Rebuilding %s: %s", file.getFileName(), e.getMessage());
            }
        }
        return GenerationFile.open(GenerationFile.write(directory, generation, kind, generations), generation, kind);
    }

    /** Older generations are never served again; newer ones may be being prepared for publishing. */
    private void deleteFilesOlderThan(int generation) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> GenerationFile.generationOf(file).orElse(generation) < generation).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not delete %s: %s", file.getFileName(), e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not list %s: %s", directory, e.getMessage());
        }
    }
}
