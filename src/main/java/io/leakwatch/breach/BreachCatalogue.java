package io.leakwatch.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads of the public breach catalogue. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BreachCatalogue {

    public List<Breach> publicBreaches(Optional<String> domain) {
        String publicOnly = "publishedIn is not null and removedIn is null";
        return domain.filter(d -> !d.isBlank())
                .map(d -> Breach.<Breach>list(publicOnly + " and lower(domain) = ?1 order by name", d.toLowerCase()))
                .orElseGet(() -> Breach.list(publicOnly + " order by name"));
    }

    public Optional<Breach> publicBreach(String name) {
        return Breach.<Breach>find("lower(name) = ?1", name.toLowerCase()).firstResultOptional()
                .filter(Breach::isPublic);
    }

    /** What the public pages list: public breaches that are not retired, newest first. */
    public List<Breach> shownBreaches() {
        return Breach.list("publishedIn is not null and removedIn is null and retired = false order by breachDate desc, name");
    }

    public Optional<Breach> shownBreach(String name) {
        return publicBreach(name).filter(breach -> !breach.retired);
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
        return Breach.<Breach>list("lower(name) in ?1 order by breachDate desc, name", lowerCased).stream()
                .filter(Breach::isListedInAccountSearch)
                .toList();
    }

    public List<Breach> all() {
        return Breach.listAll();
    }
}
