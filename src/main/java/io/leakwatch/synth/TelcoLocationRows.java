package io.leakwatch.synth;

import io.leakwatch.synth.SynthTables.Division;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A telecom insider's location record: subscriber, handset, where and when the network last saw them. */
final class TelcoLocationRows implements BreachRows {

    private static final double SEEN_WHERE_REGISTERED = 0.7;
    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);
    private static final long LAST_SEEN_LATEST = People.LEAK_DATE.plusDays(1).atStartOfDay().toEpochSecond(CHINA_STANDARD_TIME);
    private static final long LAST_SEEN_WINDOW_SECONDS = 180L * 24 * 3600;
    /** Coarse: scattered up to about 70 km around the provincial capital, in hundredths of a degree. */
    private static final int SCATTER_HUNDREDTHS = 60;
    private static final byte[] UTC_PLUS_EIGHT = CsvRowBuffer.plainBytes("+08:00");

    private static final WeightedChoice<byte[]> HANDSETS = WeightedChoice.ofPlainText(
            "Apple iPhone 13 8", "Apple iPhone 14 Pro 6", "Apple iPhone 15 6", "Apple iPhone 11 5", "HUAWEI Mate 60 Pro 6",
            "HUAWEI nova 11 5", "HUAWEI P60 4", "Xiaomi 13 5", "Redmi K60 5", "Redmi Note 12 6", "OPPO Reno10 5",
            "OPPO A58 4", "vivo X90 5", "vivo Y35 4", "HONOR 90 5", "HONOR X50 4", "OnePlus 11 2", "realme GT Neo5 2",
            "Samsung Galaxy S23 2");

    @Override
    public List<String> columns() {
        return List.of("phone", "carrier", "handset", "city", "last_seen_at", "latitude", "longitude");
    }

    @Override
    public void write(RowContext row, CsvRowBuffer out) {
        Person person = row.person();
        RowRandom random = row.random();

        out.field().appendAscii(person.phone().written());
        out.field().append(person.phone().carrier());
        out.field().append(HANDSETS.pick(random));
        Division seenIn = random.chance(SEEN_WHERE_REGISTERED) ? person.division() : row.people().division(random);
        out.field().append(seenIn.city());

        LocalDateTime lastSeen = LocalDateTime.ofEpochSecond(
                LAST_SEEN_LATEST - 1 - random.nextLong(LAST_SEEN_WINDOW_SECONDS), 0, CHINA_STANDARD_TIME);
        out.field().appendDate(lastSeen.toLocalDate()).appendAscii('T')
                .appendNumber(lastSeen.getHour(), 2).appendAscii(':')
                .appendNumber(lastSeen.getMinute(), 2).appendAscii(':')
                .appendNumber(lastSeen.getSecond(), 2).append(UTC_PLUS_EIGHT);

        SynthTables.Province province = seenIn.province();
        out.field().appendHundredths(Math.round(province.latitude() * 100) + random.nextInt(-SCATTER_HUNDREDTHS, SCATTER_HUNDREDTHS + 1));
        out.field().appendHundredths(Math.round(province.longitude() * 100) + random.nextInt(-SCATTER_HUNDREDTHS, SCATTER_HUNDREDTHS + 1));
    }
}
