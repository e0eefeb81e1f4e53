package com.brandcluster.system.support;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core's automated accessibility check of the page a {@link Browser} shows, with the axe script bundled in
 * {@code com.deque.html.axe-core:selenium} (injected into the page: no CDN, works offline). A page passes when axe
 * finds no violation of impact {@code serious} or {@code critical}; moderate and minor ones are reported by
 * {@link #check(Browser)} but do not fail.
 */
public final class Accessibility {

    /** The impacts that fail a page. */
    public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Runs axe on the current page and returns every violation it found, whatever its impact. */
    public static List<Rule> check(Browser browser) {
        Results results = new AxeBuilder()
                .setAxeScriptProvider(new EmbeddedResourceAxeProvider())
                .analyze(browser.driver());
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + browser.url() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations();
    }

    /**
     * Runs axe on the current page and fails, listing them one per line with the elements concerned, when it has any
     * serious or critical violation. {@code page} names the page in the message.
     */
    public static void assertNoSeriousViolations(Browser browser, String page) {
        List<Rule> failing = check(browser).stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(failing.size() + " serious or critical accessibility violation(s) on " + page
                    + " (" + browser.url() + "):\n" + describe(failing));
        }
    }

    /** Violations as readable lines: impact, rule, what it asks, where it is explained, and the elements concerned. */
    public static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp()
                        + " (" + rule.getHelpUrl() + ")\n" + rule.getNodes().stream()
                        .map(Accessibility::describe)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
        return "    at " + node.getTarget() + ": " + node.getHtml() + (summary.isEmpty() ? "" : "\n      " + summary);
    }
}
