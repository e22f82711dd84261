package news.wire.enrich.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Abbreviations and variants of names every desk uses ("U.S.", "Britain", "Nato") under one canonical name, so an
 * entity has the same id in every article whichever form the copy chose.
 */
final class WellKnownNames {

    /** The one name and type a well-known entity goes by. */
    record KnownName(EntityType type, String name) {
    }

    /** Acronyms match only as written ("US", never "us" or "Us"); other forms match whatever their case. */
    private static final Map<String, KnownName> ACRONYMS = new HashMap<>();
    private static final Map<String, KnownName> NAMES = new HashMap<>();

    static {
        location("United States", "U.S.", "US", "USA", "U.S.A.", "United States of America");
        location("United Kingdom", "U.K.", "UK", "Britain", "Great Britain");
        location("United Arab Emirates", "UAE", "U.A.E.");
        location("Democratic Republic of the Congo", "DRC", "DR Congo");
        location("Russia", "Russian Federation");
        location("China", "People's Republic of China", "PRC");
        location("South Korea", "Republic of Korea");
        location("North Korea", "Democratic People's Republic of Korea", "DPRK");
        location("Netherlands", "The Netherlands", "Holland");
        organization("United Nations", "U.N.", "UN");
        organization("European Union", "EU", "E.U.");
        organization("NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation");
        organization("UNHCR", "UN Refugee Agency", "U.N. Refugee Agency", "United Nations High Commissioner for Refugees");
        organization("UNICEF", "Unicef", "United Nations Children's Fund");
        organization("World Health Organization", "WHO", "World Health Organisation");
        organization("World Food Programme", "WFP", "World Food Program");
        organization("International Monetary Fund", "IMF");
        organization("World Trade Organization", "WTO", "World Trade Organisation");
        organization("International Atomic Energy Agency", "IAEA");
        organization("International Criminal Court", "ICC");
        organization("International Committee of the Red Cross", "ICRC");
        organization("Organization of the Petroleum Exporting Countries", "OPEC", "Opec",
                "Organisation of the Petroleum Exporting Countries");
        organization("African Union", "AU");
        organization("Association of Southeast Asian Nations", "ASEAN", "Asean");
        organization("European Central Bank", "ECB");
        organization("Federal Reserve", "Fed", "U.S. Federal Reserve", "US Federal Reserve");
    }

    private WellKnownNames() {
    }

    private static void location(String name, String... variants) {
        add(new KnownName(EntityType.LOCATION, name), name, variants);
    }

    private static void organization(String name, String... variants) {
        add(new KnownName(EntityType.ORGANIZATION, name), name, variants);
    }

    private static void add(KnownName known, String name, String... variants) {
        put(name, known);
        for (String variant : variants) {
            put(variant, known);
        }
    }

    private static void put(String form, KnownName known) {
        if (isAcronym(form)) {
            ACRONYMS.put(form, known);
        } else {
            NAMES.put(form.toLowerCase(Locale.ROOT), known);
        }
    }

    /** Capitals (and full stops) only: "UN", "U.S.A.", "NATO". */
    private static boolean isAcronym(String form) {
        return form.chars().allMatch(c -> c == '.' || Character.isUpperCase(c)) && form.chars().anyMatch(Character::isLetter);
    }

    /** The well-known entity this form names, if it is one. */
    static Optional<KnownName> of(String form) {
        String name = form.replaceAll("\\s+", " ");
        // A dateline or a headline in capitals ("UNITED STATES") is still the full name; an acronym never is.
        return Optional.ofNullable(ACRONYMS.get(name))
                .or(() -> Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT))));
    }

    /**
     * The well-known entity an article's entity is, from its canonical name, else from one of its other mentions
     * when that names something of the same type (so "United States" wrongly joined to "United States Senate" does
     * not rename the Senate).
     */
    static Optional<KnownName> of(String canonical, EntityType type, List<String> mentions) {
        return of(canonical).or(() -> mentions.stream().map(WellKnownNames::of).flatMap(Optional::stream)
                .filter(k -> k.type() == type).findFirst());
    }
}
