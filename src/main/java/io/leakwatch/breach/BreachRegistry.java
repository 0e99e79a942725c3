package io.leakwatch.breach;

import io.leakwatch.index.GenerationDiscarded;
import io.leakwatch.index.GenerationPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes to the breach catalogue made by admins and by publishing: the one place that changes a
 * breach's states (see {@link Breach}). A generation that will publish or remove a breach's data is
 * recorded here while it is staged; when the index publishes or discards that generation, the breach
 * follows in the same transaction.
 */
@ApplicationScoped
@Transactional
public class BreachRegistry {

    private final Validator validator;

    public BreachRegistry(Validator validator) {
        this.validator = validator;
    }

    /**
     * Creates a breach (not yet public: it becomes so when a generation publishes its data). The one
     * check of what an admin gave, from the form or the API; the description is stored sanitised.
     *
     * @throws IllegalArgumentException saying which fields are wrong and how
     */
    public Breach create(BreachMetadata metadata) {
        List<String> problems = validator.validate(metadata).stream()
                .map(violation -> field(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted().toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The breach was refused. " + String.join("; ", problems) + ".");
        }
        if (byName(metadata.name()).isPresent()) {
            throw new DuplicateBreachException(metadata.name());
        }
        List<String> unknown = Optional.ofNullable(metadata.dataClasses()).orElse(List.of()).stream()
                .filter(slug -> DataClass.ofSlug(slug).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown data classes: " + unknown);
        }
        Breach breach = new Breach();
        breach.name = metadata.name();
        breach.title = metadata.title();
        breach.domain = Optional.ofNullable(metadata.domain()).orElse("");
        breach.breachDate = metadata.breachDate();
        breach.description = BreachDescription.sanitise(metadata.description());
        breach.dataClasses = List.copyOf(new TreeSet<>(Optional.ofNullable(metadata.dataClasses()).orElse(List.of())));
        breach.verified = metadata.verified();
        breach.fabricated = metadata.fabricated();
        breach.sensitive = metadata.sensitive();
        breach.spamList = metadata.spamList();
        breach.persist();
        return breach;
    }

    /** The HIBP field name of a record component: what the API's callers and the form's labels call it. */
    private static String field(String component) {
        return switch (component) {
            case "name" -> "Name";
            case "title" -> "Title";
            case "domain" -> "Domain";
            case "breachDate" -> "BreachDate";
            case "description" -> "Description";
            default -> component.startsWith("dataClasses") ? "DataClasses" : component;
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Breach> byName(String name) {
        return Breach.find("lower(name) = ?1", name.toLowerCase()).firstResultOptional();
    }

    /** Whether the catalogue has any breach at all (published or not). */
    public boolean anyExists() {
        return Breach.count() > 0;
    }

    /** A transaction of its own, as the ingestion worker calls it outside any request. */
    public Optional<Breach> byId(long id) {
        return Breach.findByIdOptional(id);
    }

    /** The staged generation that will publish this breach's (new) data. */
    public void publishWith(long breachId, int generation, long accounts, Set<String> exposedDataClasses) {
        Breach breach = Breach.findById(breachId);
        breach.pendingIn = generation;
        breach.pwnCount = accounts;
        Set<String> dataClasses = new TreeSet<>(breach.dataClasses);
        dataClasses.addAll(exposedDataClasses);
        breach.dataClasses = List.copyOf(dataClasses);
        breach.modifiedAt = Instant.now();
    }

    /** The staged generation that will take this breach out of the index. */
    public void removeWith(long breachId, int generation) {
        Breach breach = Breach.findById(breachId);
        breach.removalPendingIn = generation;
    }

    /** The generation is published: the breaches it publishes are public, those it removes are removed. */
    void onGenerationPublished(@Observes GenerationPublished published) {
        Instant now = Instant.now();
        Breach.update("publishedIn = ?1, pendingIn = null, modifiedAt = ?2 where pendingIn = ?1", published.generation(), now);
        Breach.update("removedIn = ?1, removalPendingIn = null, modifiedAt = ?2 where removalPendingIn = ?1",
                published.generation(), now);
    }

    /** The generation is discarded: the breaches waiting for it stay as they were. */
    void onGenerationDiscarded(@Observes GenerationDiscarded discarded) {
        Breach.update("pendingIn = null where pendingIn = ?1", discarded.generation());
        Breach.update("removalPendingIn = null where removalPendingIn = ?1", discarded.generation());
    }
}
