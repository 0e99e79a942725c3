package io.leakwatch.index;

import io.leakwatch.identifier.IdentifierType;

/**
 * Which kinds of identifier an account hash was indexed as: a bitmask kept with every account entry
 * (see {@link PackedBucket}), so that the anonymous account search can serve email entries and
 * nothing else. A hash seen as two kinds (a username that is also an email address) has both bits.
 * {@link #NOT_RECORDED}: an entry indexed before types were recorded (see V60), which the search
 * treats as not an email.
 *
 * <p>While an upload is staged, an account's 64-bit value carries its breach id with the type bits
 * above it ({@link #staged}); all records of one upload belong to one breach, so combining two
 * records of the same hash by OR keeps the breach and unites the types.
 */
public final class AccountTypes {

    public static final int NOT_RECORDED = 0;
    public static final int EMAIL = 1;
    public static final int PHONE = 1 << 1;
    public static final int NATIONAL_ID = 1 << 2;
    public static final int USERNAME = 1 << 3;
    /** Bits a packed entry keeps for the types, below its breach count. */
    static final int BITS = 4;
    private static final int STAGED_SHIFT = 56;

    private AccountTypes() {
    }

    public static int of(IdentifierType type) {
        return switch (type) {
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
            case NATIONAL_ID -> NATIONAL_ID;
            case USERNAME -> USERNAME;
            case PASSWORD -> throw new IllegalArgumentException("A password is not an account");
        };
    }

    public static boolean includesEmail(int types) {
        return (types & EMAIL) != 0;
    }

    /** An account's value while it is staged: the breach it is in, and what it was indexed as. */
    public static long staged(long breachId, int types) {
        if (breachId < 0 || breachId >= 1L << STAGED_SHIFT) {
            throw new IllegalArgumentException("A breach id must be below 2^56");
        }
        return ((long) types << STAGED_SHIFT) | breachId;
    }

    public static long breachIdOf(long staged) {
        return staged & ((1L << STAGED_SHIFT) - 1);
    }

    public static int typesOf(long staged) {
        return (int) (staged >>> STAGED_SHIFT) & ((1 << BITS) - 1);
    }
}
