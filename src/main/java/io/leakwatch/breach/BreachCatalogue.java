package io.leakwatch.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
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

    public List<Breach> all() {
        return Breach.listAll();
    }
}
