package news.wire.enrich.copy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The article field a tag was found in; offsets are relative to that field. */
public enum ArticleField {
    HEADLINE, BODY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
