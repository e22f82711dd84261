package news.wire.deploy.e2ebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP enrich_consumer_lag_records Records not yet consumed
            # TYPE enrich_consumer_lag_records gauge
            enrich_consumer_lag_records{partition="0",topic="articles.raw"} 12.0
            enrich_consumer_lag_records{partition="1",topic="articles.raw"} 3.0
            enrich_consumer_lag_records_max 99.0
            ingest_outbox_backlog 7.0
            query_indexed_articles_total{outcome="indexed"} 337.0
            query_indexer_lag_records{partition="0",topic="articles.enriched"} NaN
            """;

    @Test
    void sumsEveryLabelSetOfAFamily() {
        assertEquals(15.0, PrometheusText.sum(EXPOSITION, "enrich_consumer_lag_records"));
    }

    @Test
    void readsAFamilyWithoutLabels() {
        assertEquals(7.0, PrometheusText.sum(EXPOSITION, "ingest_outbox_backlog"));
    }

    @Test
    void aLongerNameWithTheSameStartIsNotTheFamily() {
        assertTrue(Double.isNaN(PrometheusText.sum(EXPOSITION, "query_indexed_articles")));
    }

    @Test
    void absentOrNaNOnlyIsNotANumber() {
        assertTrue(Double.isNaN(PrometheusText.sum(EXPOSITION, "query_indexer_lag_records")));
        assertTrue(Double.isNaN(PrometheusText.sum("", "ingest_outbox_backlog")));
    }
}
