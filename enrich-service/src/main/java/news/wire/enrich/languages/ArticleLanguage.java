package news.wire.enrich.languages;

/**
 * The language an article is taken to be in: {@code detected} is what the copy reads as (null when it is too short
 * or too mixed to tell), {@code declared} the wire's own tag reduced to its language (null when absent or not a
 * language), and {@code language} the one the engines go by: the detected one, else the declared one, else English.
 */
public record ArticleLanguage(String detected, String declared, String language, LanguageCheck check) {

    /** English, the only language the entity, number and date engines read. */
    public static final String ENGLISH = "en";

    public boolean english() {
        return ENGLISH.equals(language);
    }

    /** Why the English engines were not run, for the record's {@code enricher.untagged}; null when they were. */
    public String untaggedReason() {
        if (english()) {
            return null;
        }
        String how = check == LanguageCheck.UNDETECTED ? "declared " + language + " (too short or mixed to detect)"
                : "detected " + language;
        return "language " + how + ": the entity, number and date engines read English only";
    }
}
