package io.leakwatch.synth;

import java.time.LocalDate;
import java.util.List;

/** A party membership roster row: member, ethnicity, where they belong (organisation and branch) and their post. */
final class PartyRosterRows implements BreachRows {

    private enum OrganisationType {
        COMPANY, INSTITUTION, AGENCY
    }

    private static final WeightedChoice<OrganisationType> ORGANISATION_TYPES = WeightedChoice.of(
            List.of(OrganisationType.values()), type -> switch (type) {
                case COMPANY -> 45;
                case INSTITUTION -> 20;
                case AGENCY -> 35;
            });
    private static final WeightedChoice<byte[]> BRAND_CHARACTERS = WeightedChoice.ofPlainText(
            "华 3", "盛 2", "达 2", "鑫 2", "兴 2", "源 2", "泰 2", "宏 2", "恒 2", "博 1", "创 1", "新 2", "联 1", "中 2",
            "天 2", "海 1", "长 1", "信 1", "和 1", "瑞 1", "金 2", "通 1", "安 1", "康 1", "福 1", "隆 1", "远 1", "正 1");
    private static final WeightedChoice<byte[]> INDUSTRIES = WeightedChoice.ofPlainText(
            "科技有限公司 8", "建设集团有限公司 4", "电力有限公司 2", "贸易有限公司 5", "物流有限公司 3", "食品有限公司 3",
            "化工有限公司 2", "机械制造有限公司 3", "医药有限公司 2", "能源有限公司 2", "通信有限公司 1", "建材有限公司 2",
            "投资有限公司 2", "置业有限公司 2", "农业发展有限公司 2");
    private static final WeightedChoice<byte[]> INSTITUTIONS = WeightedChoice.ofPlainText(
            "师范学院 3", "理工学院 2", "职业技术学院 4", "医学院 1", "第一中学 3", "第二中学 2", "实验中学 2",
            "实验小学 2", "人民医院 4", "中医院 2", "妇幼保健院 1");
    private static final WeightedChoice<byte[]> AGENCIES = WeightedChoice.ofPlainText(
            "公安局 4", "税务局 3", "教育局 3", "财政局 2", "卫生健康委员会 2", "市场监督管理局 3", "自然资源局 2",
            "人力资源和社会保障局 2", "人民法院 2", "人民检察院 2", "交通运输局 2", "生态环境局 1", "民政局 1", "统计局 1");
    private static final WeightedChoice<byte[]> COMPANY_BRANCHES = WeightedChoice.ofPlainText(
            "第一党支部 6", "第二党支部 5", "第三党支部 4", "第四党支部 3", "第五党支部 2", "综合党支部 3", "生产党支部 2",
            "离退休党支部 2");
    private static final WeightedChoice<byte[]> INSTITUTION_BRANCHES = WeightedChoice.ofPlainText(
            "教职工第一党支部 5", "教职工第二党支部 4", "学生第一党支部 3", "学生第二党支部 2", "机关党支部 2",
            "离退休党支部 2");
    private static final WeightedChoice<byte[]> AGENCY_BRANCHES = WeightedChoice.ofPlainText(
            "机关第一党支部 6", "机关第二党支部 5", "机关第三党支部 3", "离退休干部党支部 3", "综合党支部 2");
    private static final WeightedChoice<byte[]> POSITIONS = WeightedChoice.ofPlainText(
            "党员 850", "支部委员 50", "组织委员 25", "宣传委员 25", "纪检委员 20", "支部副书记 15", "支部书记 15");

    private final WeightedChoice<SynthTables.EthnicGroup> ethnicGroups;

    PartyRosterRows(SynthTables tables) {
        ethnicGroups = WeightedChoice.of(tables.ethnicGroups, SynthTables.EthnicGroup::population);
    }

    @Override
    public List<String> columns() {
        return List.of("name", "national_id", "date_of_birth", "ethnicity", "organisation", "branch", "position", "joined_on");
    }

    @Override
    public void write(RowContext row, CsvRowBuffer out) {
        Person person = row.person();
        RowRandom random = row.random();

        out.field();
        person.appendName(out);
        out.field().appendAscii(person.nationalId());
        out.field().appendDate(person.birthDate());
        out.field().append(ethnicGroups.pick(random).utf8());

        byte[] city = person.division().city();
        OrganisationType type = ORGANISATION_TYPES.pick(random);
        out.field().append(city);
        switch (type) {
            case COMPANY -> out.append(BRAND_CHARACTERS.pick(random)).append(BRAND_CHARACTERS.pick(random))
                    .append(INDUSTRIES.pick(random));
            case INSTITUTION -> out.append(INSTITUTIONS.pick(random));
            case AGENCY -> out.append(AGENCIES.pick(random));
        }
        out.field().append(switch (type) {
            case COMPANY -> COMPANY_BRANCHES.pick(random);
            case INSTITUTION -> INSTITUTION_BRANCHES.pick(random);
            case AGENCY -> AGENCY_BRANCHES.pick(random);
        });
        out.field().append(POSITIONS.pick(random));

        // Members join at 18 or later, mostly before their mid-forties
        long firstDay = person.birthDate().plusYears(18).toEpochDay();
        long lastDay = Math.min(person.birthDate().plusYears(45).toEpochDay(), People.LEAK_DATE.toEpochDay());
        out.field().appendDate(LocalDate.ofEpochDay(firstDay + random.nextLong(lastDay - firstDay + 1)));
    }
}
