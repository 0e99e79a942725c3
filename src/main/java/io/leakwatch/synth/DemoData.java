package io.leakwatch.synth;

import io.leakwatch.breach.BreachMetadata;
import io.leakwatch.breach.BreachRegistry;
import io.leakwatch.breach.Breach;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.ingest.IngestFormat;
import io.leakwatch.ingest.IngestTarget;
import io.leakwatch.ingest.IngestWorker;
import io.leakwatch.ingest.Upload;
import io.leakwatch.ingest.UploadOptions;
import io.leakwatch.ingest.UploadReceiver;
import io.leakwatch.ingest.UploadRecords;
import io.leakwatch.ingest.UploadState;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * On the first start with an empty catalogue, loads a small synthetic demo set (one breach of each
 * kind, about 100,000 people, some in several breaches) through the real ingestion path, so a
 * newcomer can try the portal at once. Readiness stays DOWN until it is published.
 * {@code LEAKWATCH_DEMO_DATA=false} turns it off.
 */
@Readiness
@ApplicationScoped
public class DemoData implements HealthCheck {

    /** The seed the README's example identifiers come from: change both together. */
    static final long SEED = 20240601L;

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** One demo breach: what to generate and how to describe it. */
    record DemoBreach(BreachKind kind, int rows, Optional<Overlap> overlap, String name, String title, String domain,
                      LocalDate date, String description) {
    }

    static final List<DemoBreach> BREACHES = List.of(
            new DemoBreach(BreachKind.POLICE_RECORDS, 40_000, Optional.empty(), "DemoPoliceDatabase",
                    "Police database (synthetic demo)", "", LocalDate.of(2022, 6, 30),
                    "A synthetic copy of a police database offered for sale: names, phone numbers, national ID numbers,"
                            + " dates and places of birth, addresses and case records."),
            new DemoBreach(BreachKind.PARTY_ROSTER, 20_000, Optional.empty(), "DemoPartyRoster",
                    "Party membership roster (synthetic demo)", "", LocalDate.of(2016, 12, 1),
                    "A synthetic membership roster: national ID numbers, dates of birth, ethnicity, organisation,"
                            + " branch and position."),
            new DemoBreach(BreachKind.TELCO_LOCATION, 20_000, Optional.of(new Overlap(BreachKind.POLICE_RECORDS, 0.3)),
                    "DemoTelcoLocations", "Telecom location records (synthetic demo)", "", LocalDate.of(2023, 12, 15),
                    "Synthetic records sold by an insider: phone numbers, carrier, handset, city and last-seen location."),
            new DemoBreach(BreachKind.CREDENTIAL_DUMP, 20_000, Optional.empty(), "DemoForum",
                    "Web forum accounts (synthetic demo)", "forum.example.com", LocalDate.of(2021, 3, 10),
                    "A synthetic account dump of a web forum: email addresses, usernames and passwords in clear text."));

    private final boolean enabled;
    private final boolean serving;
    private final BreachRegistry breaches;
    private final UploadReceiver receiver;
    private final IngestWorker worker;
    private final UploadRecords uploads;
    private final Path directory;
    private volatile boolean loading;

    public DemoData(@ConfigProperty(name = "leakwatch.demo-data", defaultValue = "true") boolean enabled,
                    IndexConfig indexConfig, BreachRegistry breaches, UploadReceiver receiver, IngestWorker worker,
                    UploadRecords uploads,
                    @ConfigProperty(name = "leakwatch.data-dir") Path dataDir) {
        this.enabled = enabled;
        this.serving = indexConfig.serving();
        this.breaches = breaches;
        this.receiver = receiver;
        this.worker = worker;
        this.uploads = uploads;
        this.directory = dataDir.resolve("demo");
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled || !serving || breaches.anyExists()) {
            return;
        }
        loading = true;
        ExecutorService loader = DaemonPools.single("demo-data");
        loader.execute(this::load);
        loader.shutdown(); // its thread ends when the load does
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Demo data").status(!loading).build();
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Files.createDirectories(directory);
            for (DemoBreach demo : BREACHES) {
                loadOne(demo);
            }
            LOG.infof("Demo data published in %.1f s", (System.nanoTime() - start) / 1e9);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not load the demo data; the portal works without it", e);
        } finally {
            loading = false;
        }
    }

    private void loadOne(DemoBreach demo) throws IOException {
        Path csv = directory.resolve(demo.kind().slug() + ".csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            new SyntheticBreach(demo.kind(), SEED, demo.overlap()).write(demo.rows(), out, 2, false);
        }
        Breach breach = breaches.create(new BreachMetadata(demo.name(), demo.title(), demo.domain(), demo.date(),
                demo.description(), List.of(), true, false, false, false));
        Upload upload = receiver.create(breach, IngestFormat.ACCOUNTS_CSV,
                new UploadOptions(IngestTarget.ACCOUNTS, null, null), "demo data");
        try (InputStream in = Files.newInputStream(csv)) {
            receiver.receive(upload.id, in, OptionalLong.of(Files.size(csv)));
        } finally {
            Files.deleteIfExists(csv);
        }
        awaitState(upload.id, UploadState.STAGED);
        worker.publish(upload.id);
        awaitState(upload.id, UploadState.PUBLISHED);
    }

    private void awaitState(UUID id, UploadState wanted) {
        while (true) {
            Upload upload = uploads.find(id).orElseThrow();
            if (upload.state == wanted) {
                return;
            }
            if (upload.state.isEnded()) {
                throw new IllegalStateException("Demo upload ended " + upload.state.wireName() + ": " + upload.error);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
