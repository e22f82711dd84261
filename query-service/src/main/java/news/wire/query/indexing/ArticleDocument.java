package news.wire.query.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.query.entities.EntityFields;

/**
 * Turns an article.enriched/v1 record into the document indexed for it: the record itself plus fields derived
 * for searching, which the mapping indexes but leaves out of {@code _source} (so GET by id returns the record
 * as enrich-service wrote it, with its entity ids resolved across articles): {@code entities[].mentionCount},
 * {@code entities[].aliases} (the names the article used for the entity) and {@code dates[].range}. Also
 * {@code textLanguage} (the language searches filter and count by: {@link TextLanguage}), kept in {@code _source}
 * because an index's {@code _source} excludes cannot change once it exists, and removed where records are read.
 */
public final class ArticleDocument {

    private ArticleDocument() {
    }

    /** Adds the derived fields to the record, in place, and returns it. */
    public static ObjectNode of(ObjectNode article) {
        for (JsonNode entity : article.path("entities")) {
            if (entity instanceof ObjectNode e) {
                EntityFields.derive(e);
            }
        }
        for (JsonNode date : article.path("dates")) {
            if (date instanceof ObjectNode d) {
                MentionedPeriod.of(d.path("type").asText(null), d.path("value").asText(null)).ifPresent(p ->
                        d.putObject("range").put("gte", p.startInstant()).put("lt", p.endInstant()));
            }
        }
        TextLanguage.of(article).ifPresent(language -> article.put(TextLanguage.FIELD, language));
        return article;
    }
}
