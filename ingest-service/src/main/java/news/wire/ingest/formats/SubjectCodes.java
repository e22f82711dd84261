package news.wire.ingest.formats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the provider's subjects comparable across formats. NewsML-G2 names IPTC Media Topics by QCode
 * ({@code medtop:20000256}), ninjs 2 by URI ({@code http://cv.iptc.org/newscodes/mediatopic/20000256}) and ninjs 1
 * by code and scheme apart; all three become code {@code 20000256} in scheme {@code medtop}, so a desk that files
 * and searches by code finds the item whichever format it came in.
 */
final class SubjectCodes {

    /** IPTC's own QCode aliases of the NewsCodes schemes wire copy files subjects in. */
    private static final Map<String, String> IPTC_ALIASES = Map.of(
            "http://cv.iptc.org/newscodes/mediatopic/", "medtop",
            "http://cv.iptc.org/newscodes/subjectcode/", "subj");

    private SubjectCodes() {
    }

    /** A subject named by a QCode or a URI (NewsML-G2 qcode or uri, ninjs 2 uri), with its name if given. */
    static ProviderSubject fromReference(String qcodeOrUri, String name) {
        String reference = CleanText.inline(qcodeOrUri);
        if (reference == null) {
            return of(null, null, name);
        }
        if (reference.contains("://")) {
            int end = Math.max(reference.lastIndexOf('/'), reference.lastIndexOf('#')) + 1;
            return of(reference.substring(end), reference.substring(0, end), name);
        }
        int colon = reference.indexOf(':');
        return colon < 0 ? of(reference, null, name)
                : of(reference.substring(colon + 1), reference.substring(0, colon), name);
    }

    /**
     * A subject given as code and scheme apart (ninjs 1 code and scheme, NITF value and idsrc); a code that is
     * itself a QCode or URI is split. Null when it has neither code nor name.
     */
    static ProviderSubject of(String code, String scheme, String name) {
        String cleanCode = CleanText.inline(code);
        String cleanScheme = CleanText.inline(scheme);
        String cleanName = CleanText.inline(name);
        if (cleanScheme == null && cleanCode != null && cleanCode.indexOf(':') > 0) {
            return fromReference(cleanCode, cleanName);
        }
        if (cleanCode == null && cleanName == null) {
            return null;
        }
        return new ProviderSubject(cleanCode, cleanName, alias(cleanScheme));
    }

    /** Subjects with neither code nor name dropped, repeats (same code and scheme, or same name) removed, order kept. */
    static List<ProviderSubject> distinct(Collection<ProviderSubject> subjects) {
        Set<List<String>> seen = new HashSet<>();
        List<ProviderSubject> kept = new ArrayList<>();
        for (ProviderSubject subject : subjects) {
            if (subject == null) {
                continue;
            }
            List<String> key = subject.code() != null ? List.of("code", Objects.toString(subject.scheme(), ""),
                    subject.code()) : List.of("name", subject.name());
            if (seen.add(key)) {
                kept.add(subject);
            }
        }
        return List.copyOf(kept);
    }

    /** The IPTC alias of a NewsCodes scheme URI, however its provider spelled the protocol and the last slash. */
    private static String alias(String scheme) {
        if (scheme == null || !scheme.contains("://")) {
            return scheme;
        }
        String key = scheme.replaceFirst("^https://", "http://");
        return IPTC_ALIASES.getOrDefault(key.endsWith("/") ? key : key + "/", scheme);
    }
}
