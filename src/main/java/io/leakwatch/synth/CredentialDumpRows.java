package io.leakwatch.synth;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A website's account dump: email, username and password in clear text. Emails use only reserved
 * domains (example.com/.org/.net, .test, .invalid), so no generated address can reach a real mailbox.
 * Passwords are heavy-tailed: a Zipf head of the commonest real passwords, then habits (name and
 * birth year, word and digits, birthdays), then a long tail of unique random strings.
 * <p>
 * Fields are written straight into the row buffer rather than built as strings first: at millions
 * of rows per second, string concatenation cost more than everything else, in run time and in JIT time.
 */
final class CredentialDumpRows implements BreachRows {

    private enum PasswordHabit {
        COMMON, NAME_AND_DIGITS, BIRTHDAY, WORD_AND_DIGITS, RANDOM
    }

    private record RankedPassword(byte[] utf8, long weight) {
    }

    private static final WeightedChoice<PasswordHabit> PASSWORD_HABITS = WeightedChoice.of(
            List.of(PasswordHabit.values()), habit -> switch (habit) {
                case COMMON -> 22;
                case NAME_AND_DIGITS -> 18;
                case BIRTHDAY -> 10;
                case WORD_AND_DIGITS -> 20;
                case RANDOM -> 30;
            });
    /** Reserved names only (RFC 2606, RFC 6761), shaped like the providers common in Chinese dumps. */
    private static final byte[] QQ_DOMAIN = CsvRowBuffer.plainBytes("qq.test");
    private static final WeightedChoice<byte[]> DOMAINS = WeightedChoice.ofPlainText(
            "163.test 20", "example.com 20", "126.test 10", "mail.test 10", "sina.test 8", "example.org 8",
            "example.net 8", "yeah.test 4", "foxmail.test 4", "corp.invalid 4");
    private static final List<String> WORDS = List.of("love", "happy", "lucky", "angel", "tiger", "dragon", "monkey",
            "sunny", "star", "moon", "sky", "cool", "king", "baby", "hello", "summer", "winter", "apple", "kitty",
            "panda", "xiaobai", "woaini", "qwe", "abc", "asd", "zxc", "game", "music");
    private static final String RANDOM_PASSWORD_CHARACTERS =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*_-.,\"";
    private static final double QQ_NUMBER_EMAIL = 0.25;
    private static final double CAPITALISED_EMAIL = 0.04;

    private final WeightedChoice<RankedPassword> commonPasswords;

    CredentialDumpRows(SynthTables tables) {
        List<String> ranked = tables.commonPasswords;
        // Zipf's law over the rank: the first is twice as common as the second, and so on
        commonPasswords = WeightedChoice.of(IntStream.range(0, ranked.size())
                        .mapToObj(rank -> new RankedPassword(CsvRowBuffer.plainBytes(ranked.get(rank)), 1_000_000L / (rank + 1)))
                        .toList(),
                RankedPassword::weight);
    }

    @Override
    public List<String> columns() {
        return List.of("email", "username", "password");
    }

    @Override
    public void write(RowContext row, CsvRowBuffer out) {
        Person person = row.person();
        RowRandom random = row.random();

        out.field();
        int localStart = out.size();
        boolean qqNumber = random.chance(QQ_NUMBER_EMAIL);
        if (qqNumber) {
            out.appendNumber(random.nextLong(10_000L, 10_000_000_000L), 1);
        } else {
            appendEmailName(person, random, out);
        }
        int localEnd = out.size();
        if (random.chance(CAPITALISED_EMAIL)) {
            out.upperCaseAsciiAt(localStart);
        }
        out.appendAscii('@').append(qqNumber ? QQ_DOMAIN : DOMAINS.pick(random));

        out.field();
        appendUsername(person, random, out, localStart, localEnd);
        appendPassword(person, random, out);
    }

    private static void appendEmailName(Person person, RowRandom random, CsvRowBuffer out) {
        String surname = person.surname().pinyin();
        switch (random.nextInt(4)) {
            case 0 -> {
                out.appendAscii(surname);
                appendGivenNamePinyin(person, out);
                appendYearOrDigits(person, random, out);
            }
            case 1 -> {
                appendGivenNamePinyin(person, out);
                out.appendAscii('.').appendAscii(surname);
                if (random.chance(0.5)) {
                    appendYearOrDigits(person, random, out);
                }
            }
            case 2 -> out.appendAscii(person.givenName().get(0).pinyin().charAt(0)).appendAscii(surname)
                    .appendNumber(random.nextInt(1, 1000), 1);
            default -> out.appendAscii(WORDS.get(random.nextInt(WORDS.size()))).appendAscii(surname)
                    .appendNumber(random.nextInt(10, 10_000), 1);
        }
    }

    private static void appendUsername(Person person, RowRandom random, CsvRowBuffer out, int emailLocalStart, int emailLocalEnd) {
        int habit = random.nextInt(100);
        if (habit < 40) {
            out.appendCopy(emailLocalStart, emailLocalEnd);
        } else if (habit < 65) {
            appendGivenNamePinyin(person, out);
            out.appendAscii('_').appendAscii(person.surname().pinyin()).appendNumber(random.nextInt(100), 1);
        } else if (habit < 85) {
            out.appendAscii(WORDS.get(random.nextInt(WORDS.size())));
            if (random.chance(0.5)) {
                out.appendAscii('_');
            }
            out.appendNumber(random.nextInt(1, 10_000), 1);
        } else if (habit < 95) {
            person.appendName(out);
            if (random.chance(0.5)) {
                out.appendNumber(person.birthDate().getYear() % 100, 2);
            }
        } else {
            out.appendAscii("user").appendNumber(random.nextLong(100_000L, 1_000_000_000L), 1);
        }
    }

    private void appendPassword(Person person, RowRandom random, CsvRowBuffer out) {
        PasswordHabit habit = PASSWORD_HABITS.pick(random);
        if (habit == PasswordHabit.RANDOM) {
            // The only habit whose characters may need quoting
            char[] characters = new char[random.nextInt(8, 15)];
            for (int i = 0; i < characters.length; i++) {
                characters[i] = RANDOM_PASSWORD_CHARACTERS.charAt(random.nextInt(RANDOM_PASSWORD_CHARACTERS.length()));
            }
            out.textField(String.valueOf(characters));
            return;
        }
        out.field();
        switch (habit) {
            case COMMON -> out.append(commonPasswords.pick(random).utf8());
            case NAME_AND_DIGITS -> {
                out.appendAscii(person.surname().pinyin());
                appendGivenNamePinyin(person, out);
                switch (random.nextInt(4)) {
                    case 0 -> out.appendNumber(person.birthDate().getYear(), 4);
                    case 1 -> out.appendAscii("123");
                    case 2 -> out.appendNumber(person.birthDate().getMonthValue(), 2)
                            .appendNumber(person.birthDate().getDayOfMonth(), 2);
                    default -> out.appendAscii("520");
                }
            }
            case BIRTHDAY -> out.appendNumber(random.chance(0.7) ? person.birthDate().getYear() : person.birthDate().getYear() % 100, 2)
                    .appendNumber(person.birthDate().getMonthValue(), 2)
                    .appendNumber(person.birthDate().getDayOfMonth(), 2);
            case WORD_AND_DIGITS -> {
                int wordStart = out.size();
                out.appendAscii(WORDS.get(random.nextInt(WORDS.size())));
                if (random.chance(0.3)) {
                    out.upperCaseAsciiAt(wordStart);
                }
                out.appendNumber(random.nextInt(1, 10_000), 1);
                if (random.chance(0.15)) {
                    out.appendAscii('!');
                }
            }
            default -> throw new IllegalStateException("Handled above: " + habit);
        }
    }

    private static void appendGivenNamePinyin(Person person, CsvRowBuffer out) {
        for (SynthTables.GivenNameCharacter character : person.givenName()) {
            out.appendAscii(character.pinyin());
        }
    }

    private static void appendYearOrDigits(Person person, RowRandom random, CsvRowBuffer out) {
        switch (random.nextInt(4)) {
            case 0 -> {
                // no suffix
            }
            case 1 -> out.appendNumber(person.birthDate().getYear(), 4);
            case 2 -> out.appendNumber(person.birthDate().getYear() % 100, 2);
            default -> out.appendNumber(random.nextInt(1, 10_000), 1);
        }
    }
}
