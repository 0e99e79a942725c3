package io.leakwatch.explain;

import java.util.Locale;

/** The kinds of step a result groups its advice under, in the order they are shown. */
public enum StepGroup {
    SAFETY,
    ACCOUNTS,
    MONEY_AND_IDENTITY,
    PHONE,
    SCAMS,
    RIGHTS_AND_HELP;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
