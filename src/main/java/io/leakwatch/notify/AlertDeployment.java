package io.leakwatch.notify;

import io.leakwatch.index.IndexConfig;
import io.leakwatch.web.AddressRange;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start a portal (outside the dev and test profiles) whose alert settings are only safe on
 * a laptop: alerts on without the portal's public https address to build mail links on, or with one
 * of the fixed keys the dev and test profiles use, which anyone can read in this repository. Each
 * refusal is one line on standard error and exit code 1 (Quarkus prints a {@link ConfigurationException}
 * so).
 */
@ApplicationScoped
public class AlertDeployment {

    private static final List<String> LAPTOP_PROFILES = List.of("dev", "test");
    private static final List<String> KEY_PROPERTIES = List.of("leakwatch.notify.hash-key", "leakwatch.notify.link-key");

    private final NotifyConfig config;
    private final boolean serving;
    private final Optional<String> baseUrl;
    private final Config allSettings;

    public AlertDeployment(NotifyConfig config, IndexConfig indexConfig,
                           @ConfigProperty(name = "leakwatch.base-url") Optional<String> baseUrl, Config allSettings) {
        this.config = config;
        this.serving = indexConfig.serving();
        this.baseUrl = baseUrl;
        this.allSettings = allSettings;
    }

    /** Before any other start-up work: a refused portal does nothing. */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!serving || LAPTOP_PROFILES.stream().anyMatch(ConfigUtils::isProfileActive)) {
            return;
        }
        problem(config.hashKey(), config.linkKey(), laptopKeys(), baseUrl).ifPresent(problem -> {
            throw new ConfigurationException("Refusing to start: " + problem);
        });
    }

    /** What is wrong with these settings for a real deployment, if anything. */
    static Optional<String> problem(Optional<String> hashKey, Optional<String> linkKey, Set<String> laptopKeys, Optional<String> baseUrl) {
        Optional<String> hash = hashKey.filter(key -> !key.isEmpty());
        if (hash.isEmpty()) {
            return Optional.empty(); // alerts are off: no mail is sent, no key is used
        }
        if (laptopKeys.contains(hash.get())) {
            return Optional.of("LEAKWATCH_NOTIFY_HASH_KEY is the fixed key of the dev or test profile, which anyone can read;"
                    + " set a secret of your own (openssl rand -hex 32)");
        }
        if (linkKey.filter(laptopKeys::contains).isPresent()) {
            return Optional.of("LEAKWATCH_NOTIFY_LINK_KEY is the fixed key of the dev or test profile, which anyone can read;"
                    + " set a secret of your own (openssl rand -hex 32), or leave it unset");
        }
        return problemWithBaseUrl(baseUrl);
    }

    static Optional<String> problemWithBaseUrl(Optional<String> baseUrl) {
        String advice = "breach alerts are on (LEAKWATCH_NOTIFY_HASH_KEY), and the links in their mails are built on"
                + " LEAKWATCH_BASE_URL: set it to the portal's public https address, e.g. https://leakwatch.example.org";
        if (baseUrl.filter(url -> !url.isBlank()).isEmpty()) {
            return Optional.of(advice + " (it is not set)");
        }
        String url = baseUrl.get().strip();
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of(advice + " (it is " + url + ", not https)");
            }
            if (uri.getHost() == null || isLocal(uri.getHost())) {
                return Optional.of(advice + " (it is " + url + ", which no one else can reach)");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(advice + " (it is " + url + ", not an address)");
        }
    }

    private static boolean isLocal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        return AddressRange.literal(name).map(address -> address.isLoopbackAddress() || address.isAnyLocalAddress()).orElse(false);
    }

    /** The keys the dev and test profiles set, whatever this process's profile. */
    private Set<String> laptopKeys() {
        Set<String> keys = new HashSet<>();
        for (ConfigSource source : allSettings.getConfigSources()) {
            for (String profile : LAPTOP_PROFILES) {
                for (String property : KEY_PROPERTIES) {
                    Optional.ofNullable(source.getValue("%" + profile + "." + property)).ifPresent(keys::add);
                }
            }
        }
        return keys;
    }
}
