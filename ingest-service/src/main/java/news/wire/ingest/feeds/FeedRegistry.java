package news.wire.ingest.feeds;

import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import news.wire.ingest.config.IngestConfig;

/** The feeds ingest-service polls: registrations, and the bookkeeping of each poll. */
@ApplicationScoped
@Transactional
public class FeedRegistry {

    /** PostgreSQL's unique_violation: another registration of the same URL committed first. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Clock clock;
    private final IngestConfig.Feeds config;
    private final Event<FeedRegistered> registered;
    private final FeedAddresses addresses;

    public FeedRegistry(Clock clock, IngestConfig config, Event<FeedRegistered> registered, FeedAddresses addresses) {
        this.clock = clock;
        this.config = config.feeds();
        this.registered = registered;
        this.addresses = addresses;
    }

    /**
     * Registers a feed, due for its first poll at once.
     *
     * @throws InvalidFeedException when a field is invalid
     * @throws FeedAddressRefusedException when the URL's host resolves to an internal address not allowed
     * @throws FeedExistsException when the URL is already registered
     */
    public Feed register(FeedRegistration registration) {
        FeedRegistration.Checked checked = registration.check(config.minInterval(), config.defaultInterval());
        checkAddress(checked.url());
        Feed.findByUrl(checked.url()).ifPresent(existing -> {
            throw new FeedExistsException(checked.url(), existing.id);
        });
        Feed feed = Feed.of(checked, Instant.now(clock));
        try {
            feed.persistAndFlush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new FeedExistsException(checked.url(), null);
            }
            throw e;
        }
        registered.fire(new FeedRegistered(feed.id));
        return feed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Feed> list() {
        return Feed.listByRegistration();
    }

    /** In a transaction of its own when the caller has none: the poller reads outside any request context. */
    public Optional<Feed> find(UUID id) {
        return Feed.findByIdOptional(id);
    }

    /** Unregisters a feed; a poll already running finishes, but its outcome is no longer recorded. */
    public boolean delete(UUID id) {
        return Feed.deleteById(id);
    }

    /** Claims up to {@code limit} feeds that are due, for this poller alone until the claim runs out. */
    public List<UUID> claimDue(int limit) {
        Instant now = Instant.now(clock);
        return Feed.claimDue(now, now.plus(config.lease()), limit);
    }

    /** Records a finished poll; the feed may have been unregistered meanwhile, and then there is nothing to do. */
    public void record(UUID id, PollResult result) {
        Duration maxBackoff = config.maxBackoff();
        Feed.<Feed>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .ifPresent(feed -> feed.record(result, Instant.now(clock), maxBackoff));
    }

    /**
     * Refuses an internal feed host at once, so whoever registers it hears why; every poll checks again, since what
     * a name resolves to can change. A host without an address yet is registered: its polls say so until it has one.
     */
    private void checkAddress(String url) {
        try {
            addresses.admit(URI.create(url).getHost());
        } catch (UnknownHostException e) {
            // Registered all the same; see above.
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
