package news.wire.query.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import news.wire.query.entities.EntityIdentity;

/**
 * The one builder of "which articles does this search mean": full text and filters of an {@link ArticleQuery} as an
 * Elasticsearch query. Searches run it against the article index; watches store it as a percolator query, so a watch
 * matches exactly what the same search finds.
 */
@ApplicationScoped
public class ArticleMatching {

    private final EntityIdentity identity;

    public ArticleMatching(EntityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The query. The text goes through simple_query_string, which never fails on user syntax and cannot reach the
     * rest of the query DSL; quoted phrases match the unstemmed {@code .exact} fields. An entity is resolved through
     * the registry as it stands now (query-time identity).
     */
    public Query of(ArticleQuery q) throws IOException {
        return of(q, new HashMap<>());
    }

    /**
     * The query, the entity condition looked up in ENTRIES first (by entity and type) and kept there: a caller building
     * many queries at once (every watch's) asks the registry once per entity, not once per query naming it.
     */
    public Query of(ArticleQuery q, Map<String, Query> entries) throws IOException {
        Query entityEntry = null;
        if (q.entity() != null || q.entityType() != null) {
            String key = q.entity() + "\u0000" + q.entityType();
            entityEntry = entries.get(key);
            if (entityEntry == null) {
                entityEntry = identity.entryNamed(q.entity(), q.entityType());
                entries.put(key, entityEntry);
            }
        }
        Query entry = entityEntry;
        Query text = q.hasText()
                ? Query.of(m -> m.simpleQueryString(s -> s.query(q.text()).fields("headline^2", "body")
                        .quoteFieldSuffix(".exact").defaultOperator(Operator.And)))
                : Query.of(m -> m.matchAll(a -> a));
        return Query.of(b -> b.bool(bool -> bool.must(text).filter(ArticleFilters.of(q, entry))));
    }
}
