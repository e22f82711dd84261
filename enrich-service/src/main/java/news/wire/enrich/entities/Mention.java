package news.wire.enrich.entities;

import news.wire.enrich.copy.ArticleField;

/** One place an entity is named: the field and the character offsets [start, end) into it. */
public record Mention(ArticleField field, int start, int end, String text) {
}
