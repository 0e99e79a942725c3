package io.leakwatch.synth;

import java.util.List;

/**
 * A website's account dump: email, username and password in clear text. Emails use only reserved
 * domains (example.com/.org/.net, .test, .invalid), so no generated address can reach a real mailbox.
 * Passwords are heavy-tailed: a Zipf head of the commonest real passwords, then habits (name and
 * birth year, word and digits, birthdays), then a long tail of unique random strings.
 */
final class CredentialDumpRows implements BreachRows {

    private enum PasswordHabit {
        COMMON, NAME_AND_DIGITS, BIRTHDAY, WORD_AND_DIGITS, RANDOM
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

    private final WeightedChoice<String> commonPasswords;

    CredentialDumpRows(SynthTables tables) {
        List<String> ranked = tables.commonPasswords;
        // Zipf's law over the rank: the first is twice as common as the second, and so on
        commonPasswords = WeightedChoice.of(ranked, password -> 1_000_000L / (ranked.indexOf(password) + 1));
    }

    @Override
    public List<String> columns() {
        return List.of("email", "username", "password");
    }

    @Override
    public void write(RowContext row, CsvRowBuffer out) {
        Person person = row.person();
        RowRandom random = row.random();

        String local;
        byte[] domain;
        if (random.chance(QQ_NUMBER_EMAIL)) {
            local = Long.toString(random.nextLong(10_000L, 10_000_000_000L));
            domain = QQ_DOMAIN;
        } else {
            local = emailName(person, random);
            domain = DOMAINS.pick(random);
        }
        out.field();
        if (random.chance(CAPITALISED_EMAIL)) {
            out.appendAscii(Character.toUpperCase(local.charAt(0))).appendAscii(local.substring(1));
        } else {
            out.appendAscii(local);
        }
        out.appendAscii('@').append(domain);

        out.textField(username(person, local, random));
        out.textField(password(person, random));
    }

    private static String emailName(Person person, RowRandom random) {
        String surname = person.surname().pinyin();
        String given = person.givenNamePinyin();
        return switch (random.nextInt(4)) {
            case 0 -> surname + given + yearOrDigits(person, random);
            case 1 -> given + "." + surname + (random.chance(0.5) ? "" : yearOrDigits(person, random));
            case 2 -> given.charAt(0) + surname + random.nextInt(1, 1000);
            default -> WORDS.get(random.nextInt(WORDS.size())) + surname + random.nextInt(10, 10_000);
        };
    }

    private static String username(Person person, String emailLocal, RowRandom random) {
        int habit = random.nextInt(100);
        if (habit < 40) {
            return emailLocal;
        }
        if (habit < 65) {
            return person.givenNamePinyin() + "_" + person.surname().pinyin() + random.nextInt(100);
        }
        if (habit < 85) {
            return WORDS.get(random.nextInt(WORDS.size())) + (random.chance(0.5) ? "_" : "") + random.nextInt(1, 10_000);
        }
        if (habit < 95) {
            return random.chance(0.5) ? person.name() : person.name() + twoDigits(person.birthDate().getYear() % 100);
        }
        return "user" + random.nextLong(100_000L, 1_000_000_000L);
    }

    private String password(Person person, RowRandom random) {
        return switch (PASSWORD_HABITS.pick(random)) {
            case COMMON -> commonPasswords.pick(random);
            case NAME_AND_DIGITS -> person.surname().pinyin() + person.givenNamePinyin() + switch (random.nextInt(4)) {
                case 0 -> Integer.toString(person.birthDate().getYear());
                case 1 -> "123";
                case 2 -> twoDigits(person.birthDate().getMonthValue()) + twoDigits(person.birthDate().getDayOfMonth());
                default -> "520";
            };
            case BIRTHDAY -> random.chance(0.7)
                    ? person.birthDate().toString().replace("-", "")
                    : person.birthDate().toString().substring(2).replace("-", "");
            case WORD_AND_DIGITS -> {
                String word = WORDS.get(random.nextInt(WORDS.size()));
                String capitalised = random.chance(0.3) ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
                yield capitalised + random.nextInt(1, 10_000) + (random.chance(0.15) ? "!" : "");
            }
            case RANDOM -> {
                char[] characters = new char[random.nextInt(8, 15)];
                for (int i = 0; i < characters.length; i++) {
                    characters[i] = RANDOM_PASSWORD_CHARACTERS.charAt(random.nextInt(RANDOM_PASSWORD_CHARACTERS.length()));
                }
                yield new String(characters);
            }
        };
    }

    private static String yearOrDigits(Person person, RowRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> Integer.toString(person.birthDate().getYear());
            case 2 -> twoDigits(person.birthDate().getYear() % 100);
            default -> Integer.toString(random.nextInt(1, 10_000));
        };
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
