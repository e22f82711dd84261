package news.wire.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.quarkus.test.junit.QuarkusTest;
import news.wire.query.indexing.ArticleIndex;

/**
 * Candidates are read a few hundred documents at a time: a batch whose candidates the cache does not hold, more than
 * one read's worth, still gets every one of them, each article its own.
 */
@QuarkusTest
class StoryCandidatesTest {

    /** More groups of 20 than one read takes: 12 x 20 = 240 documents. */
    private static final int GROUPS = StoryCandidates.DOCUMENTS_PER_READ / 20 + 2;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    ArticleIndex index;

    @Inject
    StoryCandidates candidates;

    @Inject
    StoryConfig config;

    /** A day of its own for this run's copy, so no earlier run's articles are candidates. */
    private final Instant runDay = Articles.dayOfItsOwn("2070-01-01T09:00:00Z");
    /** Letters only: an analyzer may split a word where letters and digits meet. */
    private final String run = letters(runDay.getEpochSecond());

    @Test
    void aBatchWithMoreUnknownCandidatesThanOneReadGetsThemAll() throws Exception {
        index.ensureExists();
        int perGroup = config.candidates();
        List<BulkOperation> writes = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            for (int i = 0; i < perGroup; i++) {
                ObjectNode doc = Articles.article("Desk " + i, words(g), words(g) + " " + word(g, "d" + letters(i)),
                        runDay.plusSeconds(i)).json();
                doc.put("storyId", story(g));
                writes.add(BulkOperation.of(op -> op.index(x -> x.id(doc.get("id").asText()).version(1L)
                        .versionType(VersionType.External).document(doc))));
            }
        }
        var written = elasticsearch.bulk(b -> b.index(ArticleIndex.INDEX).refresh(Refresh.True).operations(writes));
        assertEquals(false, written.errors(), "the candidates are indexed");

        List<ArticleProfile> batch = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            batch.add(Articles.article("Late Desk", words(g), words(g), runDay.plusSeconds(3_600)).profile());
        }
        Map<String, List<ArticleProfile>> near = candidates.near(batch);

        for (int g = 0; g < GROUPS; g++) {
            List<ArticleProfile> found = near.get(batch.get(g).id());
            assertEquals(perGroup, found.size(), "group " + g + " gets its " + perGroup + " candidates");
            Set<String> stories = found.stream().map(ArticleProfile::storyId).collect(Collectors.toSet());
            assertEquals(Set.of(story(g)), stories, "group " + g + " gets its own group's articles");
        }
    }

    /** Words only one group's articles use. */
    private String words(int group) {
        return word(group, "a") + " " + word(group, "b") + " " + word(group, "c");
    }

    private String word(int group, String part) {
        return "zq" + run + "x" + letters(group) + part;
    }

    private static String letters(long n) {
        StringBuilder s = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            s.append((char) ('a' + (c - '0')));
        }
        return s.toString();
    }

    private String story(int group) {
        return "story-" + run + "-" + group;
    }
}
