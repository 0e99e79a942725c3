package io.leakwatch.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;

/** axe-core's WCAG 2.1 A and AA rules, run on a page as it is in the browser now. */
public final class Accessibility {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    /** Each violation as one line: where, the rule, and the elements that break it; empty when none. */
    public static List<String> violations(Page page, String where) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(where + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
        }
        return found;
    }
}
