package news.wire.ingest.api;

import java.util.List;

import news.wire.ingest.feeds.FeedAddressRefusedException;
import news.wire.ingest.feeds.FeedExistsException;
import news.wire.ingest.feeds.InvalidFeedException;

/** The problem document for each way a feed registration can be refused. */
final class FeedProblems {

    private FeedProblems() {
    }

    static Problem invalid(InvalidFeedException e) {
        List<Problem.FieldError> errors = e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return Problem.of("invalid-feed", "Invalid feed", 400,
                "The feed registration has invalid or missing fields: " + Problem.fieldNames(errors), errors);
    }

    /** Its own type: the fields are well formed, and what is refused is where the feed lives. */
    static Problem addressRefused(FeedAddressRefusedException e) {
        return Problem.of("feed-address-refused", "Feed address not allowed", 400,
                "The feed's url is refused: " + e.getMessage(), List.of(new Problem.FieldError("url", e.getMessage())));
    }

    static Problem exists(FeedExistsException e) {
        return Problem.of("feed-exists", "Feed already registered", 409, e.getMessage());
    }
}
