package news.wire.ingest.api;

import java.util.Comparator;
import java.util.List;

import news.wire.ingest.feeds.FeedExistsException;
import news.wire.ingest.feeds.InvalidFeedException;

/** The problem document for each way a feed registration can be refused. */
final class FeedProblems {

    private FeedProblems() {
    }

    static Problem invalid(InvalidFeedException e) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return new Problem(ArticleProblems.TYPE_PREFIX + "invalid-feed", "Invalid feed", 400,
                "The feed registration has invalid or missing fields: " + fields, errors);
    }

    static Problem exists(FeedExistsException e) {
        return new Problem(ArticleProblems.TYPE_PREFIX + "feed-exists", "Feed already registered", 409,
                e.getMessage(), List.of());
    }
}
