package io.leakwatch.synth;

import io.leakwatch.identifier.NationalIdNumbers;
import io.leakwatch.synth.MobileNumbers.MobileNumber;
import io.leakwatch.synth.SynthTables.Division;
import io.leakwatch.synth.SynthTables.GivenNameCharacter;
import io.leakwatch.synth.SynthTables.Surname;

import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic citizen. The same (seed, kind, index) always gives the same person, which is how
 * one person turns up in several generated breaches.
 */
record Person(Surname surname, List<GivenNameCharacter> givenName, boolean male, LocalDate birthDate,
              Division division, int sequence, MobileNumber phone) {

    /** The 18-character resident ID: division, birth date, sequence (odd for men) and check character. */
    String nationalId() {
        StringBuilder id = new StringBuilder(18)
                .append(division.code())
                .append(birthDate.getYear());
        appendTwoDigits(id, birthDate.getMonthValue());
        appendTwoDigits(id, birthDate.getDayOfMonth());
        appendTwoDigits(id.append(sequence / 100), sequence % 100);
        return id.append(NationalIdNumbers.checkCharacter(id)).toString();
    }

    /** The 15-digit form issued before 1999, for people born in the 1900s: no century, no check character. */
    String legacyNationalId() {
        String id = nationalId();
        return id.substring(0, 6) + id.substring(8, 17);
    }

    void appendName(CsvRowBuffer out) {
        out.append(surname.utf8());
        for (GivenNameCharacter character : givenName) {
            out.append(character.utf8());
        }
    }

    private static void appendTwoDigits(StringBuilder into, int value) {
        into.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
