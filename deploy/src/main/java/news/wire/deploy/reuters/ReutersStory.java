package news.wire.deploy.reuters;

import java.time.Instant;
import java.util.List;

/**
 * One story of the Reuters-21578 collection, as clean text with its document-level category codes.
 *
 * @param newId the collection's NEWID (1..21578, in chronological order)
 * @param publishedAt the DATE line, read as UTC (the collection does not say which zone its times are in)
 * @param headline the TITLE, on one line
 * @param dateline the DATELINE without its trailing dash (e.g. "SALVADOR, Feb 26"), or "" when absent
 * @param body the BODY; paragraphs are separated by a blank line, lines within a paragraph are joined
 * @param topics TOPICS codes (e.g. "cocoa"); the category lists are empty, never null
 * @param places PLACES codes (e.g. "west-germany")
 * @param people PEOPLE codes (e.g. "james-baker")
 * @param orgs ORGS codes (e.g. "ec")
 * @param exchanges EXCHANGES codes (e.g. "nasdaq")
 */
public record ReutersStory(
        int newId,
        Instant publishedAt,
        String headline,
        String dateline,
        String body,
        List<String> topics,
        List<String> places,
        List<String> people,
        List<String> orgs,
        List<String> exchanges) {

    /** Prefix of {@link #sourceItemId()}: names the collection, so ids never clash with another provider's. */
    public static final String SOURCE_ITEM_PREFIX = "reuters21578:";

    public ReutersStory {
        topics = List.copyOf(topics);
        places = List.copyOf(places);
        people = List.copyOf(people);
        orgs = List.copyOf(orgs);
        exchanges = List.copyOf(exchanges);
    }

    /** The provider's id for ingest: stable across runs, so re-importing the corpus is recognised as duplicates. */
    public String sourceItemId() {
        return SOURCE_ITEM_PREFIX + newId;
    }
}
