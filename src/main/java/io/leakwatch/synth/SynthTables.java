package io.leakwatch.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference tables behind realistic synthetic people, read from {@code src/main/resources/synth/}
 * (small tab-separated files; lines starting with {@code #} say where the figures come from).
 */
final class SynthTables {

    record Surname(byte[] utf8, String pinyin, int basisPoints) {
    }

    record GivenNameCharacter(byte[] utf8, String pinyin, char sex, int weight) {
        boolean suits(boolean male) {
            return sex == 'U' || sex == (male ? 'M' : 'F');
        }
    }

    record Province(String code, int population, double latitude, double longitude) {
    }

    /** A county-level division: the first six digits of an ID number issued there. */
    record Division(String code, byte[] name, byte[] city, Province province) {
    }

    record EthnicGroup(byte[] utf8, int population) {
    }

    final List<Surname> surnames;
    final List<GivenNameCharacter> givenNameCharacters;
    final List<Province> provinces;
    final List<Division> divisions;
    final List<EthnicGroup> ethnicGroups;
    /** Most common first. */
    final List<String> commonPasswords;

    private SynthTables(List<Surname> surnames, List<GivenNameCharacter> givenNameCharacters, List<Province> provinces,
                        List<Division> divisions, List<EthnicGroup> ethnicGroups, List<String> commonPasswords) {
        this.surnames = surnames;
        this.givenNameCharacters = givenNameCharacters;
        this.provinces = provinces;
        this.divisions = divisions;
        this.ethnicGroups = ethnicGroups;
        this.commonPasswords = commonPasswords;
    }

    static SynthTables load() {
        List<Province> provinces = read("provinces.tsv", 4, row -> new Province(row[0], Integer.parseInt(row[1]),
                Double.parseDouble(row[2]), Double.parseDouble(row[3])));
        Map<String, Province> provincesByCode = provinces.stream()
                .collect(Collectors.toMap(Province::code, Function.identity()));
        List<Division> divisions = read("division-codes.tsv", 3, row -> {
            Province province = provincesByCode.get(row[0].substring(0, 2));
            if (province == null || !row[0].matches("[0-9]{6}")) {
                throw new IllegalStateException("Division " + row[0] + " is not in a known province");
            }
            return new Division(row[0], CsvRowBuffer.plainBytes(row[1]), CsvRowBuffer.plainBytes(row[2]), province);
        });
        return new SynthTables(
                read("surnames.tsv", 3, row -> new Surname(CsvRowBuffer.plainBytes(row[0]), row[1], Integer.parseInt(row[2]))),
                read("given-name-characters.tsv", 4, row -> new GivenNameCharacter(CsvRowBuffer.plainBytes(row[0]),
                        row[1], row[2].charAt(0), Integer.parseInt(row[3]))),
                provinces,
                divisions,
                read("ethnic-groups.tsv", 2, row -> new EthnicGroup(CsvRowBuffer.plainBytes(row[0]), Integer.parseInt(row[1]))),
                read("common-passwords.tsv", 1, row -> row[0]));
    }

    private static <T> List<T> read(String name, int columns, Function<String[], T> parse) {
        String path = "/synth/" + name;
        List<T> rows = new ArrayList<>();
        try (InputStream in = SynthTables.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean headerSeen = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(path + ": expected " + columns + " columns in: " + line);
                }
                if (headerSeen) {
                    rows.add(parse.apply(fields));
                }
                headerSeen = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
