package io.leakwatch.identifier;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The part of libphonenumber's metadata that the browser's port of {@link IdentifierNormaliser}
 * needs to parse a number as {@code PhoneNumberUtil.parse} does and to judge it possible as
 * {@code isPossibleNumberWithReason} does: for each country calling code, the rules of its main
 * region; and the default region's own rules, with the patterns of its kinds of number (fixed line,
 * mobile, toll free...), by which the check page tells a possible number from a valid one as
 * {@code isValidNumberForRegion} does. Taken from the Java library at start, never typed by hand, so
 * both sides follow one source (see NORMALISATION.md).
 */
public record PhoneRules(RegionRules defaultRegion, List<NumberType> defaultRegionTypes,
                         Map<Integer, RegionRules> callingCodes) {

    /** One kind of number of a region: its pattern, and its lengths (none: the region's). */
    public record NumberType(String pattern, List<Integer> possibleLengths) {
    }

    /** One region's rules; patterns are Java regular expressions that JavaScript reads the same way. */
    public record RegionRules(String region, int countryCode, String internationalPrefix,
                              String nationalNumberPattern, List<Integer> possibleLengths,
                              List<Integer> localOnlyLengths, String nationalPrefixForParsing,
                              String nationalPrefixTransformRule) {

        static RegionRules of(String region, PhoneMetadata metadata) {
            return new RegionRules(region, metadata.getCountryCode(), metadata.getInternationalPrefix(),
                    metadata.getGeneralDesc().getNationalNumberPattern(),
                    List.copyOf(metadata.getGeneralDesc().getPossibleLengthList()),
                    List.copyOf(metadata.getGeneralDesc().getPossibleLengthLocalOnlyList()),
                    metadata.getNationalPrefixForParsing(), metadata.getNationalPrefixTransformRule());
        }
    }

    /** The rules IdentifierNormaliser applies by default (region CN). */
    public static PhoneRules forDefaultRegion() {
        return forRegion(IdentifierNormaliser.DEFAULT_PHONE_REGION);
    }

    static PhoneRules forRegion(String defaultRegion) {
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        Map<Integer, RegionRules> callingCodes = new TreeMap<>();
        for (int callingCode : phoneNumbers.getSupportedCallingCodes()) {
            callingCodes.put(callingCode, forCallingCode(callingCode));
        }
        PhoneMetadata metadata = metadata().getMetadataForRegion(defaultRegion);
        List<NumberType> types = Stream.of(metadata.getFixedLine(), metadata.getMobile(), metadata.getTollFree(),
                        metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getPersonalNumber(), metadata.getVoip(),
                        metadata.getPager(), metadata.getUan(), metadata.getVoicemail())
                .filter(type -> type.hasNationalNumberPattern() && !type.getNationalNumberPattern().isEmpty())
                .map(type -> new NumberType(type.getNationalNumberPattern(), List.copyOf(type.getPossibleLengthList())))
                .toList();
        return new PhoneRules(regionRules(defaultRegion), types, callingCodes);
    }

    /** One region's own rules. */
    static RegionRules regionRules(String region) {
        return RegionRules.of(region, metadata().getMetadataForRegion(region));
    }

    /** The rules of a country calling code's main region, which libphonenumber judges lengths by. */
    static RegionRules forCallingCode(int callingCode) {
        String mainRegion = PhoneNumberUtil.getInstance().getRegionCodeForCountryCode(callingCode);
        return RegionRules.of(mainRegion, PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(mainRegion)
                ? metadata().getMetadataForNonGeographicalRegion(callingCode)
                : metadata().getMetadataForRegion(mainRegion));
    }

    private static MetadataSource metadata() {
        return DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    }
}
