package io.leakwatch.synth;

import io.leakwatch.synth.SynthTables.Division;

import java.time.LocalDate;
import java.util.List;

/**
 * A police database row: the citizen's identity as the household register has it, an address, and
 * one case or call to the police.
 */
final class PoliceRecordRows implements BreachRows {

    private static final LocalDate FIRST_CASE = LocalDate.of(2010, 1, 1);
    /** Old records of people born before the 18-digit ID still carry the 15-digit one. */
    private static final double LEGACY_ID_SHARE = 0.02;
    private static final int LEGACY_ID_BORN_BEFORE = 1985;
    private static final double LIVES_WHERE_REGISTERED = 0.75;

    private static final WeightedChoice<byte[]> CASE_TYPES = WeightedChoice.ofPlainText(
            "盗窃 18", "报警求助 14", "电信诈骗 14", "治安纠纷 12", "交通事故 10", "家庭纠纷 8", "邻里纠纷 5",
            "故意伤害 4", "寻衅滋事 3", "赌博 3", "吸毒 3", "醉酒驾驶 3", "走失人员 2");
    private static final WeightedChoice<byte[]> ROADS = WeightedChoice.ofPlainText(
            "人民路 5", "中山路 5", "解放路 4", "建设路 4", "和平路 3", "新华路 3", "胜利路 3", "文化路 3", "朝阳路 3",
            "长江路 2", "黄河路 2", "青年路 2", "光明路 2", "幸福路 2", "友谊路 2", "团结路 2", "东风路 2", "工业路 2",
            "学府路 1", "滨江路 1", "迎宾路 1", "振兴路 1");
    private static final byte[] NUMBER = CsvRowBuffer.plainBytes("号");
    private static final byte[] BUILDING = CsvRowBuffer.plainBytes("栋");
    private static final byte[] ENTRANCE = CsvRowBuffer.plainBytes("单元");
    private static final byte[] ROOM = CsvRowBuffer.plainBytes("室");

    @Override
    public List<String> columns() {
        return List.of("name", "phone", "national_id", "date_of_birth", "place_of_birth", "address", "case_type", "case_date");
    }

    @Override
    public void write(RowContext row, CsvRowBuffer out) {
        Person person = row.person();
        RowRandom random = row.random();

        out.field();
        person.appendName(out);
        out.field().appendAscii(person.phone().written());
        boolean legacyId = person.birthDate().getYear() < LEGACY_ID_BORN_BEFORE && random.chance(LEGACY_ID_SHARE);
        out.field().appendAscii(legacyId ? person.legacyNationalId() : person.nationalId());
        out.field().appendDate(person.birthDate());
        out.field().append(person.division().name());

        Division home = random.chance(LIVES_WHERE_REGISTERED) ? person.division() : row.people().division(random);
        out.field().append(home.name()).append(ROADS.pick(random))
                .appendNumber(random.nextInt(1, 400), 1).append(NUMBER)
                .appendNumber(random.nextInt(1, 40), 1).append(BUILDING)
                .appendNumber(random.nextInt(1, 7), 1).append(ENTRANCE)
                .appendNumber(random.nextInt(1, 34) * 100L + random.nextInt(1, 5), 1).append(ROOM);

        out.field().append(CASE_TYPES.pick(random));
        long firstDay = Math.max(FIRST_CASE.toEpochDay(), person.birthDate().plusYears(16).toEpochDay());
        long lastDay = People.LEAK_DATE.toEpochDay();
        out.field().appendDate(LocalDate.ofEpochDay(firstDay + random.nextLong(lastDay - firstDay + 1)));
    }
}
