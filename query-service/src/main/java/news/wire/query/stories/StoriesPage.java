package news.wire.query.stories;

import java.util.List;

/** Stories with articles published in a period, the most recently active first. */
public record StoriesPage(String from, String to, List<StorySummary> stories) {
}
