package io.leakwatch.notify;

import io.leakwatch.breach.Breach;

/**
 * Which breaches a subscriber may be told they are in. A subscriber proves only their email address:
 * the phone number, ID number or username they add may be a stranger's. Naming a sensitive breach (or
 * even hinting at "a sensitive breach") on such a match would tell anyone who types a stranger's ID
 * number beside their own address which sensitive leaks hold that stranger. So:
 *
 * <ul>
 *   <li>matched through the verified email address itself: every breach still published, sensitive
 *       ones included;</li>
 *   <li>matched only through another identifier: what the public check names for it, and nothing
 *       else, not even a trace.</li>
 * </ul>
 *
 * Decided when a match is recorded (a match that may not be named is not recorded) and again whenever
 * a breach is shown, as breaches' flags may change in between.
 */
final class SubscriberDisclosure {

    private SubscriberDisclosure() {
    }

    static boolean mayName(Breach breach, boolean throughEmail) {
        return throughEmail ? breach.isPublic() : breach.isListedInAccountSearch();
    }
}
