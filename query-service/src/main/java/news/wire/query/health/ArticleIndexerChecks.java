package news.wire.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import news.wire.query.indexing.ArticleIndexer;

/** The indexer's health checks. */
@ApplicationScoped
public class ArticleIndexerChecks {

    /** Live only while the indexer runs: a service whose indexer died should be restarted. */
    @Produces
    @Liveness
    HealthCheck running(ArticleIndexer indexer) {
        return () -> HealthCheckResponse.named("article-indexer").status(indexer.alive()).build();
    }

    /** Ready once the indexer's consumer has joined its group: before that, new articles are not indexed. */
    @Produces
    @Readiness
    HealthCheck joined(ArticleIndexer indexer) {
        return () -> HealthCheckResponse.named("article-indexer-joined").status(indexer.joined()).build();
    }
}
