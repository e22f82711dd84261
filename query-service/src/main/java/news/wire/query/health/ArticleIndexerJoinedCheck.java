package news.wire.query.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import news.wire.query.indexing.ArticleIndexer;

/** Ready once the indexer's consumer has joined its group: before that, new articles are not indexed. */
@Readiness
@ApplicationScoped
public class ArticleIndexerJoinedCheck implements HealthCheck {

    private final ArticleIndexer indexer;

    public ArticleIndexerJoinedCheck(ArticleIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("article-indexer-joined").status(indexer.joined()).build();
    }
}
