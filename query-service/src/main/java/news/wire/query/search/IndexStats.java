package news.wire.query.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import news.wire.query.indexing.ArticleIndex;
import news.wire.query.indexing.MissingIndex;
import news.wire.query.indexing.ArticleIndexer;

/** What the read model holds and how fresh it is. */
@ApplicationScoped
public class IndexStats {

    private final ElasticsearchClient client;
    private final ArticleIndexer indexer;

    public IndexStats(ElasticsearchClient client, ArticleIndexer indexer) {
        this.client = client;
        this.indexer = indexer;
    }

    /**
     * Counts and freshness. {@code freshnessSeconds} is now minus the newest enrichedAt indexed: on a busy wire,
     * how far the index trails enrichment; {@code indexerLag} is the indexer's consumer lag in records (-1 unknown).
     */
    public record Stats(long total, List<ArticleFacets.Count> sources, List<ArticleFacets.TimeCount> perDay,
                        String newestPublishedAt, String newestEnrichedAt, Long freshnessSeconds, long indexerLag,
                        String index, String consumerGroup) {
    }

    public Stats stats(int days) throws IOException {
        Instant now = Instant.now();
        String since = "now-" + (days - 1) + "d/d";
        SearchResponse<Void> response = MissingIndex.orNull(() -> client.search(s -> s.index(ArticleIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("sources", a -> a.terms(t -> t.field("source").size(1000)))
                .aggregations("recent", a -> a.filter(f -> f.range(r -> r.date(d -> d.field("publishedAt").gte(since))))
                        .aggregations("days", d -> d.dateHistogram(h -> h.field("publishedAt")
                                .calendarInterval(CalendarInterval.Day).minDocCount(0)
                                .extendedBounds(e -> e.min(FieldDateMath.of(m -> m.expr(since)))
                                        .max(FieldDateMath.of(m -> m.expr("now/d")))))))
                .aggregations("published", a -> a.max(m -> m.field("publishedAt")))
                .aggregations("enriched", a -> a.max(m -> m.field("enrichedAt"))), Void.class));
        if (response == null) {
            return new Stats(0, List.of(), List.of(), null, null, null, indexer.lag(), ArticleIndex.INDEX,
                    indexer.groupId());
        }
        Aggregate enriched = response.aggregations().get("enriched");
        String newestEnriched = enriched.max().valueAsString();
        Long freshness = null;
        if (newestEnriched != null && enriched.max().value() != null && !Double.isInfinite(enriched.max().value())) {
            freshness = Math.max(0, Duration.between(Instant.ofEpochMilli(enriched.max().value().longValue()), now).toSeconds());
        }
        return new Stats(response.hits().total().value(),
                ArticleFacets.counts(response.aggregations().get("sources")),
                ArticleFacets.timeCounts(response.aggregations().get("recent").filter().aggregations().get("days")),
                response.aggregations().get("published").max().valueAsString(), newestEnriched, freshness,
                indexer.lag(), ArticleIndex.INDEX, indexer.groupId());
    }
}
