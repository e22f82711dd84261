package news.wire.ingest.feeds;

import java.util.UUID;

/** A registration for a URL that is already polled: polling it twice would only double the load on the publisher. */
public class FeedExistsException extends RuntimeException {

    /** The feed already registered, or null when another registration won a race and its id is not known here. */
    private final UUID existing;

    public FeedExistsException(String url, UUID existing) {
        super("A feed with URL " + url + " is already registered" + (existing == null ? "" : " as /v1/feeds/" + existing));
        this.existing = existing;
    }

    public UUID existing() {
        return existing;
    }
}
