package news.wire.query.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One article in a result list: enough to show a headline row with its byline and the provider's subjects, and link to
 * the full record and its story. {@code versionCreated} is when the provider made the version shown, when it says.
 * {@code highlight} holds HTML-escaped fragments of headline and body with the matched words in {@code <em>}, when
 * asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleHit(String id, int version, String source, String headline, String byline, String publishedAt,
                         String versionCreated, String storyId, Double score, List<ProviderSubject> subjects,
                         List<String> entities, Map<String, List<String>> highlight) {
}
