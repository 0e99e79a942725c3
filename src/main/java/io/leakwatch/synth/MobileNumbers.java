package io.leakwatch.synth;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Mobile numbers as they appear in Chinese leaks: mostly mainland numbers written as 11 plain
 * digits, from the prefixes each carrier really uses, and a few foreign ones in E.164. Every number
 * is valid by libphonenumber (tests check the mainland prefixes and samples of the rest).
 */
final class MobileNumbers {

    record MobileNumber(String written, byte[] carrier) {
    }

    private record Prefix(long digits, byte[] carrier, int weight) {
    }

    /** Blocks of 10,000 numbers (national number without its last four digits) that are valid mobiles. */
    private record ForeignRegion(int countryCode, long[] validBlocks, int weight) {
    }

    private static final double FOREIGN_SHARE = 0.03;
    private static final int BLOCK_SIZE = 10_000;
    private static final int SUFFIXES_CHECKED_PER_BLOCK = 3;
    private static final byte[] ROAMING = CsvRowBuffer.plainBytes("国际漫游");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final WeightedChoice<Prefix> prefixes;
    private final WeightedChoice<ForeignRegion> foreignRegions;

    MobileNumbers() {
        List<Prefix> all = new ArrayList<>();
        // Older 13x/15x/18x ranges hold most subscribers; market shares about 60/20/20
        addPrefixes(all, "中国移动", 6, "134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198");
        addPrefixes(all, "中国联通", 4, "130 131 132 145 155 156 166 171 175 176 185 186 196");
        addPrefixes(all, "中国电信", 4, "133 153 173 177 180 181 189 190 191 193 199");
        addPrefixes(all, "中国广电", 1, "192");
        prefixes = WeightedChoice.of(all, Prefix::weight);

        List<ForeignRegion> regions = new ArrayList<>();
        String[][] regionsAndWeights = {{"HK", "30"}, {"TW", "20"}, {"MO", "6"}, {"US", "10"}, {"JP", "8"},
                {"KR", "7"}, {"SG", "5"}, {"MY", "5"}, {"GB", "4"}, {"AU", "3"}, {"CA", "2"}};
        for (String[] regionAndWeight : regionsAndWeights) {
            regions.add(foreignRegion(regionAndWeight[0], Integer.parseInt(regionAndWeight[1])));
        }
        foreignRegions = WeightedChoice.of(regions, ForeignRegion::weight);
    }

    MobileNumber draw(RowRandom random) {
        if (random.chance(FOREIGN_SHARE)) {
            return foreign(random, foreignRegions.pick(random));
        }
        Prefix prefix = prefixes.pick(random);
        return new MobileNumber(Long.toString(prefix.digits * 100_000_000L + random.nextInt(100_000_000)), prefix.carrier);
    }

    private static MobileNumber foreign(RowRandom random, ForeignRegion region) {
        long block = region.validBlocks[random.nextInt(region.validBlocks.length)];
        return new MobileNumber("+" + region.countryCode + (block * BLOCK_SIZE + random.nextInt(BLOCK_SIZE)), ROAMING);
    }

    /**
     * Validating each number as it is made would cost libphonenumber's regular expressions (tens of
     * microseconds, behind a shared lock) per number. Instead the hundred blocks next to the region's
     * example mobile number are checked once, here, and numbers are drawn freely within valid ones:
     * mobile ranges are allocated in such blocks.
     */
    private ForeignRegion foreignRegion(String region, int weight) {
        PhoneNumber example = phoneNumbers.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        long firstBlock = example.getNationalNumber() / BLOCK_SIZE / 100 * 100;
        RowRandom suffixes = new RowRandom().positionAt(0, region.hashCode(), 0);
        long[] validBlocks = LongStream.range(firstBlock, firstBlock + 100)
                .filter(block -> IntStream.range(0, SUFFIXES_CHECKED_PER_BLOCK).allMatch(i -> phoneNumbers.isValidNumberForRegion(
                        new PhoneNumber().setCountryCode(example.getCountryCode())
                                .setNationalNumber(block * BLOCK_SIZE + suffixes.nextInt(BLOCK_SIZE)), region)))
                .toArray();
        if (validBlocks.length == 0) {
            throw new IllegalStateException("No valid mobile numbers found near the example for " + region);
        }
        return new ForeignRegion(example.getCountryCode(), validBlocks, weight);
    }

    /** The mainland prefixes, for the test that proves each one gives valid numbers. */
    List<Long> mainlandPrefixes() {
        return prefixes.values().stream().map(Prefix::digits).toList();
    }

    private static void addPrefixes(List<Prefix> into, String carrier, int weight, String prefixes) {
        byte[] carrierName = CsvRowBuffer.plainBytes(carrier);
        for (String prefix : prefixes.split(" ")) {
            into.add(new Prefix(Long.parseLong(prefix), carrierName, weight));
        }
    }
}
