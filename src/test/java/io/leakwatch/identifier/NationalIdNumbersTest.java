package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NationalIdNumbersTest {

    @Test
    void theCheckCharacterCompletesAKnownNumber() {
        assertEquals('X', NationalIdNumbers.checkCharacter("11010519491231002"));
        assertEquals('5', NationalIdNumbers.checkCharacter("35020319560718123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X"})
    void theCheckCharacterNeedsSeventeenDigits(String notSeventeenDigits) {
        assertThrows(IllegalArgumentException.class, () -> NationalIdNumbers.checkCharacter(notSeventeenDigits));
    }

    @Test
    void aBirthDateIsInTheFutureFromTheDayAfterToday() {
        Clock onFirstOfMay2024 = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
        NationalIdNumbers ids = new NationalIdNumbers(onFirstOfMay2024);
        String bornToday = withCheck("44030520240501123");
        String bornTomorrow = withCheck("44030520240502123");

        assertEquals(new Accepted(bornToday), ids.normalise(bornToday));
        assertInstanceOf(Rejected.class, ids.normalise(bornTomorrow));
    }

    private static String withCheck(String first17) {
        return first17 + NationalIdNumbers.checkCharacter(first17);
    }
}
