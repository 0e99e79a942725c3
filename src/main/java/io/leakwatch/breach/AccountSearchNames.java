package io.leakwatch.breach;

import io.leakwatch.index.GenerationServed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names an anonymous account search may show, by breach id: published breaches that are not
 * sensitive, retired or fabricated. Held in memory because every range request consults it; reloaded
 * whenever a new generation is served or a breach's flags change.
 */
@ApplicationScoped
public class AccountSearchNames {

    private volatile Map<Long, String> namesById = Map.of();

    /** The name to show for a breach id, or null when the breach must not be named. */
    public String nameOf(long breachId) {
        return namesById.get(breachId);
    }

    @Transactional
    void onGenerationServed(@Observes GenerationServed served) {
        reload();
    }

    @Transactional
    public void reload() {
        namesById = Breach.<Breach>streamAll()
                .filter(Breach::isListedInAccountSearch)
                .collect(Collectors.toUnmodifiableMap(breach -> breach.id, breach -> breach.name));
    }
}
