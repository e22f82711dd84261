package news.wire.query.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

    private static final String TEXT = """
            # HELP ingest_articles_total Articles taken in by ingest-service, by what became of them
            # TYPE ingest_articles_total counter
            ingest_articles_total{format="application/json",outcome="created",source="Harbour \\"Wire\\", Ltd"} 12.0
            ingest_articles_total{format="text/plain",outcome="created",source="Desk"} 3.0
            ingest_articles_total{format="text/plain",outcome="duplicate",source="Desk"} 5.0 1732190000000
            ingest_outbox_backlog 7.0
            query_indexer_lag_records{partition="0",topic="articles.enriched"} NaN
            query_indexer_lag_records{partition="1",topic="articles.enriched"} 4
            query_article_freshness_seconds_bucket{since="received",le="0.5"} 2.0
            query_article_freshness_seconds_bucket{since="received",le="1.0"} 6.0
            query_article_freshness_seconds_bucket{since="received",le="+Inf"} 8.0
            query_article_freshness_seconds_bucket{since="published",le="+Inf"} 1.0
            this line is not a sample
            broken{label="never closed 1.0
            # EOF
            """;

    @Test
    void readsSamplesWithEscapedLabelsAndTimestamps() {
        MetricsScrape scrape = MetricsScrape.parse(TEXT);
        assertEquals(10, scrape.samples().size());
        MetricsScrape.Sample first = scrape.samples().get(0);
        assertEquals("Harbour \"Wire\", Ltd", first.labels().get("source"));
        assertEquals(12.0, first.value());
        assertEquals(5.0, scrape.sum("ingest_articles_total", Map.of("outcome", "duplicate")));
    }

    @Test
    void sumsAcrossOtherLabelsAndSkipsUnknownValues() {
        MetricsScrape scrape = MetricsScrape.parse(TEXT);
        assertEquals(15.0, scrape.sum("ingest_articles_total", Map.of("outcome", "created")));
        assertEquals(20.0, scrape.sum("ingest_articles_total", Map.of()));
        assertEquals(4.0, scrape.sum("query_indexer_lag_records", Map.of()));
        // A counter not registered yet has counted nothing.
        assertEquals(0.0, scrape.sum("ingest_articles_total", Map.of("outcome", "withdrawn")));
        assertTrue(scrape.has("ingest_outbox_backlog"));
        assertFalse(scrape.has("ingest_outbox_oldest_seconds"));
    }

    @Test
    void histogramBucketsInBoundOrder() {
        List<MetricsScrape.Bucket> buckets = MetricsScrape.parse(TEXT)
                .buckets("query_article_freshness_seconds", Map.of("since", "received"));
        assertEquals(List.of(new MetricsScrape.Bucket(0.5, 2), new MetricsScrape.Bucket(1.0, 6),
                new MetricsScrape.Bucket(Double.POSITIVE_INFINITY, 8)), buckets);
    }

    @Test
    void oddLinesAreSkippedNotFatal() {
        assertNull(MetricsScrape.sample("# TYPE x counter"));
        assertNull(MetricsScrape.sample("{le=\"1\"} 2"));
        assertNull(MetricsScrape.sample("name{a=\"1\" 2"));
        assertNull(MetricsScrape.sample("name notanumber"));
        assertEquals(Double.NEGATIVE_INFINITY, MetricsScrape.sample("name{a=\"x\\\\y\"} -Inf").value());
        assertEquals("x\\y", MetricsScrape.sample("name{a=\"x\\\\y\"} -Inf").labels().get("a"));
        assertEquals(0, MetricsScrape.parse("").samples().size());
    }

    @Test
    void aSeriesReadAgainSharesItsNameAndLabelsWithTheReadBefore() {
        MetricsScrape before = MetricsScrape.parse(TEXT);
        MetricsScrape after = MetricsScrape.parse(TEXT.replace("} 12.0", "} 13.0") + "ingest_new_series 1.0\n", before);

        assertEquals(before.samples().size() + 1, after.samples().size());
        for (int i = 0; i < before.samples().size(); i++) {
            MetricsScrape.Sample was = before.samples().get(i);
            MetricsScrape.Sample is = after.samples().get(i);
            assertSame(was.name(), is.name(), is.toString());
            assertSame(was.labels(), is.labels(), is.toString());
        }
        assertEquals(13.0, after.samples().get(0).value(), "values are the new read's");
        assertEquals("ingest_new_series", after.samples().get(before.samples().size()).name());
    }
}
