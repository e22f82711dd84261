package news.wire.enrich.entities;

import news.wire.enrich.copy.ArticleField;

/** One span the tagger took for a name, before spans naming the same entity are joined. */
record NameSpan(ArticleField field, int start, int end, String text, EntityType type) {

    int tokenCount() {
        return text.split("\\s+").length;
    }
}
