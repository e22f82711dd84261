package news.wire.ingest.formats;

import java.time.Instant;
import java.util.List;

/**
 * One wire item as read from any supported format, before intake gives it an article id and version.
 * Text fields are clean text (no markup); paragraphs in {@code body} are separated by a blank line.
 *
 * @param sourceItemId the provider's own id for the item (ninjs uri, NITF doc-id, NewsML-G2 guid), or null
 * @param providerVersion the provider's version number of the item, or null when the format carries none
 * @param source the outlet or agency, or null when the format does not say (the caller then supplies it)
 * @param publishedAt first publication time, or null when the format does not say
 * @param versionCreated when this version was made, or null
 * @param pubStatus usable, or withdrawn (a kill: ninjs "canceled", NewsML-G2 "stat:canceled")
 * @param embargoedUntil not to be published before this time, or null
 * @param subjects the provider's subject codes; people, organisations and places are the names it tagged the item
 *        with (not names found in the text)
 */
public record WireItem(
        String sourceItemId,
        Integer providerVersion,
        String source,
        String headline,
        String body,
        String language,
        Instant publishedAt,
        Instant versionCreated,
        String byline,
        List<ProviderSubject> subjects,
        List<String> people,
        List<String> organisations,
        List<String> places,
        PubStatus pubStatus,
        Instant embargoedUntil) {

    /** Whether an item may be used, or withdraws an earlier one. */
    public enum PubStatus {
        USABLE, WITHDRAWN
    }
}
