package io.leakwatch.breach;

import io.quarkus.qute.RawString;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A breach's description is HTML, as in Have I Been Pwned's model, and API clients render it so. It is
 * sanitised with an allow-list when an admin gives it (text formatting, lists and https/http/mailto
 * links, no attribute but a link's target, no script, style or event handler), and the pages render
 * that HTML. Rendering cleans again, so that a description stored before sanitising existed is safe too.
 */
public final class BreachDescription {

    private static final Safelist ALLOWED = Safelist.basic()
            .removeTags("span")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private BreachDescription() {
    }

    /** {@code html} with everything outside the allow-list removed (its text kept). */
    public static String sanitise(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /** The description as HTML a page may include as it is. */
    public static RawString html(String stored) {
        return new RawString(sanitise(stored));
    }

    /** The description's text without markup, for plain-text mail. */
    public static String text(String stored) {
        return Jsoup.parse(sanitise(stored)).text();
    }
}
