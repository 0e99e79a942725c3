package io.leakwatch.check;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NationalIdNumbers;
import io.leakwatch.identifier.NormalisationResult;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An identifier as a person types it (spacing, capitals, full-width letters), unique to the test
 * that makes it, with the normalised form and the account hash the index knows it by.
 */
record TypedIdentifier(IdentifierType type, String typed, String normalised, String sha1) {

    private static final IdentifierNormaliser NORMALISER = new IdentifierNormaliser();

    static TypedIdentifier of(IdentifierType type) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String typed = switch (type) {
            case EMAIL -> " Lw.Check." + HexFormat.of().toHexDigits(random.nextInt()) + "@Example.ORG ";
            case PHONE -> String.format("139 %04d %04d", random.nextInt(10_000), random.nextInt(10_000));
            case NATIONAL_ID -> {
                LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000));
                String first17 = "440305" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
                yield (first17 + NationalIdNumbers.checkCharacter(first17)).toLowerCase();
            }
            case USERNAME -> "Ｚｈａｎｇ_" + HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
            case PASSWORD -> "correct horse " + HexFormat.of().toHexDigits(random.nextLong());
        };
        return as(type, typed);
    }

    static TypedIdentifier as(IdentifierType type, String typed) {
        if (!(NORMALISER.normalise(type, typed) instanceof NormalisationResult.Accepted accepted)) {
            throw new IllegalArgumentException("Not a valid " + type + ": " + typed);
        }
        return new TypedIdentifier(type, typed, accepted.normalised(), accepted.sha1Hex());
    }

    byte[] hash() {
        return IdentifierHashes.sha1(normalised);
    }

    String prefix() {
        return sha1.substring(0, 5);
    }
}
