package io.leakwatch.synth;

import io.leakwatch.synth.SynthTables.Division;
import io.leakwatch.synth.SynthTables.GivenNameCharacter;
import io.leakwatch.synth.SynthTables.Province;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Makes person i of a kind's population, the same whichever breach shows them. */
final class People {

    /** The day the modelled leaks were taken: everyone is an adult by then. */
    static final LocalDate LEAK_DATE = LocalDate.of(2023, 12, 31);

    /**
     * Adults by five-year birth cohort, youngest (born 2001-2005) first, in hundred thousands, after
     * the 2020 census age pyramid.
     */
    private static final int[] COHORT_SIZES = {727, 749, 919, 1241, 990, 930, 1142, 1212, 1014, 734, 740, 496, 312, 204, 100, 30};
    private static final int YOUNGEST_BIRTH_YEAR = LEAK_DATE.getYear() - 18;
    /** About 105 men to 100 women. */
    private static final double MALE_SHARE = 0.512;
    private static final double TWO_CHARACTER_GIVEN_NAME = 0.72;

    private record ProvinceDivisions(Province province, List<Division> divisions) {
    }

    private final WeightedChoice<SynthTables.Surname> surnames;
    private final WeightedChoice<GivenNameCharacter> menGivenName;
    private final WeightedChoice<GivenNameCharacter> womenGivenName;
    private final WeightedChoice<ProvinceDivisions> provinces;
    private final WeightedChoice<Integer> cohorts;
    private final MobileNumbers mobileNumbers;

    People(SynthTables tables, MobileNumbers mobileNumbers) {
        this.mobileNumbers = mobileNumbers;
        surnames = WeightedChoice.of(tables.surnames, SynthTables.Surname::basisPoints);
        menGivenName = WeightedChoice.of(tables.givenNameCharacters.stream().filter(c -> c.suits(true)).toList(),
                GivenNameCharacter::weight);
        womenGivenName = WeightedChoice.of(tables.givenNameCharacters.stream().filter(c -> c.suits(false)).toList(),
                GivenNameCharacter::weight);
        Map<Province, List<Division>> byProvince = tables.divisions.stream()
                .collect(Collectors.groupingBy(Division::province));
        provinces = WeightedChoice.of(tables.provinces.stream()
                        .map(province -> new ProvinceDivisions(province, byProvince.get(province)))
                        .toList(),
                entry -> entry.province().population());
        cohorts = WeightedChoice.of(IntStream.range(0, COHORT_SIZES.length).boxed().toList(), i -> COHORT_SIZES[i]);
    }

    /** Draws every attribute in a fixed order from the person's own stream; {@code random} is scratch. */
    Person person(long seed, BreachKind populationOf, long index, RowRandom random) {
        random.positionAt(seed, populationOf.personStream(), index);
        boolean male = random.chance(MALE_SHARE);
        SynthTables.Surname surname = surnames.pick(random);
        WeightedChoice<GivenNameCharacter> given = male ? menGivenName : womenGivenName;
        List<GivenNameCharacter> givenName = random.chance(TWO_CHARACTER_GIVEN_NAME)
                ? List.of(given.pick(random), given.pick(random))
                : List.of(given.pick(random));
        LocalDate birthDate = birthDate(random);
        Division division = division(random);
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        return new Person(surname, givenName, male, birthDate, division, sequence, mobileNumbers.draw(random));
    }

    /** Where an ID number is issued, weighted by the province's population. */
    Division division(RowRandom random) {
        List<Division> divisions = provinces.pick(random).divisions();
        return divisions.get(random.nextInt(divisions.size()));
    }

    private LocalDate birthDate(RowRandom random) {
        int year = YOUNGEST_BIRTH_YEAR - 5 * cohorts.pick(random) - random.nextInt(5);
        return LocalDate.ofYearDay(year, 1 + random.nextInt(Year.of(year).length()));
    }
}
