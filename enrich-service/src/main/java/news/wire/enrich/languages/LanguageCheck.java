package news.wire.enrich.languages;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the language read in the copy compares with the one the wire declared: {@code languageCheck} in the record. */
public enum LanguageCheck {
    /** Detected and declared name the same language. */
    AGREES("agrees"),
    /** The copy reads as another language than the wire declared: the detected one is used. */
    DIFFERS("differs"),
    /** Detected, and the wire declared none. */
    UNDECLARED("undeclared"),
    /** Too short or too mixed to tell: the declared language is used, or English when none was declared. */
    UNDETECTED("undetected");

    private final String value;

    LanguageCheck(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
