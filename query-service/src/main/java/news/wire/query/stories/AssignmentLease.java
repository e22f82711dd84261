package news.wire.query.stories;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import news.wire.query.indexing.ArticleIndex;

/**
 * The right to place articles in stories, held by one indexer instance at a time across all instances: from before
 * its candidate search until its bulk write is acknowledged. Whoever holds it next first refreshes the article index
 * (unless it held it last), so it sees every article placed before, as a single indexer would; without it, two
 * instances could each start a story for the same event in the same second. Kept as one Elasticsearch document,
 * taken and given back by compare-and-set on its sequence number; a holder that dies (SIGKILL) loses it when the
 * lease runs out ({@code query.stories.assignment-lease}).
 */
@ApplicationScoped
public class AssignmentLease {

    /** The lease's index; its mapping is src/main/resources/elasticsearch/story-assignment-index.json. */
    public static final String INDEX = "story-assignment-v1";
    private static final String LEASE = "lease";
    private static final Duration RETRY = Duration.ofMillis(20);
    private static final Logger LOG = Logger.getLogger(AssignmentLease.class);

    private final ElasticsearchClient client;
    private final Duration lease;
    private final String holder;
    private final Clock clock;
    private volatile boolean ready;
    /** The lease document as this instance last wrote it, while it holds the lease. */
    private Held held;

    @Inject
    public AssignmentLease(ElasticsearchClient client, StoryConfig config) {
        this(client, config.assignmentLease(), UUID.randomUUID().toString(), Clock.systemUTC());
    }

    AssignmentLease(ElasticsearchClient client, Duration lease, String holder, Clock clock) {
        this.client = client;
        this.lease = lease;
        this.holder = holder;
        this.clock = clock;
    }

    /**
     * Waits up to WITHIN for the lease and takes it; then the article index shows every article written by earlier
     * holders. Fails with an IOException when another holder keeps it that long.
     */
    public synchronized void acquire(Duration within) throws IOException {
        ensureExists();
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            GetResponse<ObjectNode> current = client.get(g -> g.index(INDEX).id(LEASE), ObjectNode.class);
            String last = null;
            boolean free = true;
            if (current.found() && current.source() != null) {
                ObjectNode lease = current.source();
                last = lease.path("lastHolder").asText(null);
                String was = lease.path("holder").asText(null);
                // Ours when a give-back failed: taken again rather than waited out.
                free = was == null || holder.equals(was) || lease.path("expiresAt").asLong() < clock.millis();
                if (was != null && !holder.equals(was) && free) {
                    LOG.warnf("Taking over the story assignment lease from %s, which let it run out", was);
                    last = was;
                }
            }
            if (free && take(current)) {
                if (!holder.equals(last)) {
                    client.indices().refresh(r -> r.index(ArticleIndex.ALIAS).ignoreUnavailable(true));
                }
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("story assignment lease held elsewhere for more than " + within);
            }
            sleep();
        }
    }

    /** Gives the lease back; a lease that ran out and was taken over meanwhile is left to its new holder. */
    public synchronized void release() throws IOException {
        if (held == null) {
            return;
        }
        Held mine = held;
        held = null;
        ObjectNode free = JsonNodeFactory.instance.objectNode().putNull("holder").put("lastHolder", holder)
                .put("expiresAt", 0L);
        if (write(mine, free) == null) {
            LOG.warnf("The story assignment lease ran out (%s) before this instance gave it back, and was taken over",
                    lease);
        }
    }

    /** This instance's name as a holder. */
    String holder() {
        return holder;
    }

    private boolean take(GetResponse<ObjectNode> current) throws IOException {
        ObjectNode mine = JsonNodeFactory.instance.objectNode().put("holder", holder).put("lastHolder", holder)
                .put("expiresAt", clock.millis() + lease.toMillis());
        // Null when another instance took it between our read and our write.
        held = write(current.found() ? new Held(current.seqNo(), current.primaryTerm()) : null, mine);
        return held != null;
    }

    /**
     * Writes the lease document if it is still as read (SEEN; null: if there is none yet), in a one-item bulk request
     * so that a conflict is an answer rather than an exception. Returns what was written, or null on a conflict.
     */
    private Held write(Held seen, ObjectNode lease) throws IOException {
        BulkOperation operation = seen == null
                ? BulkOperation.of(o -> o.create(c -> c.index(INDEX).id(LEASE).document(lease)))
                : BulkOperation.of(o -> o.index(i -> i.index(INDEX).id(LEASE).ifSeqNo(seen.seqNo())
                        .ifPrimaryTerm(seen.primaryTerm()).document(lease)));
        BulkResponseItem item = client.bulk(b -> b.operations(operation)).items().get(0);
        if (item.status() == 409) {
            return null;
        }
        if (item.error() != null || item.seqNo() == null || item.primaryTerm() == null) {
            throw new IOException("story assignment lease not written (" + item.status() + "): "
                    + (item.error() == null ? "no sequence number" : item.error().reason()));
        }
        return new Held(item.seqNo(), item.primaryTerm());
    }

    private void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/story-assignment-index.json")) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready = true;
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the story assignment lease", e);
        }
    }

    private record Held(long seqNo, long primaryTerm) {
    }
}
