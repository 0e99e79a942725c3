package io.leakwatch.breach;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads of the public breach catalogue; what is public is {@link Breach#isPublic()}'s to say. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BreachCatalogue {

    private static final Sort NEWEST_FIRST = Sort.descending("breachDate").and("name");

    public List<Breach> publicBreaches(Optional<String> domain) {
        List<Breach> breaches = domain.filter(d -> !d.isBlank())
                .map(d -> Breach.<Breach>list("lower(domain) = ?1", Sort.by("name"), d.toLowerCase(Locale.ROOT)))
                .orElseGet(() -> Breach.listAll(Sort.by("name")));
        return breaches.stream().filter(Breach::isPublic).toList();
    }

    public Optional<Breach> publicBreach(String name) {
        return Breach.<Breach>find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResultOptional()
                .filter(Breach::isPublic);
    }

    /** What the public pages list: public breaches that are not retired, newest first. */
    public List<Breach> shownBreaches() {
        return Breach.<Breach>listAll(NEWEST_FIRST).stream().filter(BreachCatalogue::isShown).toList();
    }

    public Optional<Breach> shownBreach(String name) {
        return publicBreach(name).filter(BreachCatalogue::isShown);
    }

    /** Every breach that an anonymous account search may show, newest first. */
    public List<Breach> listedInAccountSearch() {
        return shownBreaches().stream().filter(Breach::isListedInAccountSearch).toList();
    }

    /** The named breaches that an anonymous account search may show; other names are left out. */
    public List<Breach> listedInAccountSearch(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> lowerCased = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        return Breach.<Breach>list("lower(name) in ?1", NEWEST_FIRST, lowerCased).stream()
                .filter(Breach::isListedInAccountSearch)
                .toList();
    }

    public List<Breach> all() {
        return Breach.listAll();
    }

    private static boolean isShown(Breach breach) {
        return breach.isPublic() && !breach.retired;
    }
}
