package news.wire.query.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import news.wire.query.indexing.ArticleIndexer;

/** Live only while the indexer runs: a service whose indexer died should be restarted. */
@Liveness
@ApplicationScoped
public class ArticleIndexerCheck implements HealthCheck {

    private final ArticleIndexer indexer;

    public ArticleIndexerCheck(ArticleIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("article-indexer").status(indexer.alive()).build();
    }
}
