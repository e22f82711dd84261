package news.wire.ingest.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads IPTC ninjs (News in JSON), versions 1.x and 2.x, into a wire item. */
@ApplicationScoped
public class NinjsReader {

    private static final Pattern MARKUP = Pattern.compile(
            "<(p|div|br|h[1-6]|ul|ol|li|blockquote|span|a|b|i|em|strong)\\b", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = JsonMapper.builder()
            // Two headlines in one object: which one the provider meant is anybody's guess.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final HtmlText html = new HtmlText();

    /** Parses and reads a ninjs document. */
    public WireItem read(String document) {
        JsonNode item = parse(document);
        if (!item.isObject()) {
            throw new WireFormatException("not-ninjs", "A ninjs item is a JSON object");
        }
        return read(item);
    }

    /** Reads an already parsed ninjs object (the API parses JSON once to tell ninjs from its own form). */
    public WireItem read(JsonNode item) {
        Instant versionCreated = WireDates.parse(text(item, "versioncreated"), "versioncreated");
        Instant firstCreated = WireDates.parse(text(item, "firstcreated"), "firstcreated");
        List<String> places = new ArrayList<>();
        places.add(located(item));
        places.addAll(names(item, "place", "places"));
        return new WireItem(
                CleanText.inline(text(item, "uri")),
                WireValues.version(text(item, "version"), "version"),
                source(item),
                headline(item),
                body(item),
                CleanText.inline(text(item, "language")),
                firstCreated != null ? firstCreated : versionCreated,
                versionCreated,
                byline(item),
                subjects(item),
                CleanText.names(names(item, "person", "people")),
                CleanText.names(names(item, "organisation", "organisations")),
                CleanText.names(places),
                WireValues.pubStatus(text(item, "pubstatus"), "pubstatus"),
                WireDates.parse(text(item, "embargoed"), "embargoed"));
    }

    /**
     * Whether a JSON object is ninjs rather than the API's simple form ({@code headline, body, source,
     * publishedAt, language}): ninjs names its fields in lower case and never has a plain {@code body}.
     */
    public boolean looksLikeNinjs(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (String field : List.of("uri", "headlines", "bodies", "versioncreated", "firstcreated", "pubstatus",
                "body_text", "body_html")) {
            if (node.has(field)) {
                return true;
            }
        }
        return false;
    }

    JsonNode parse(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new WireFormatException("malformed-json", "Malformed JSON" + where + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    private String headline(JsonNode item) {
        String headline = CleanText.inline(text(item, "headline"));
        if (headline != null) {
            return headline;
        }
        JsonNode chosen = byRole(objects(item, "headlines"), "main");
        return chosen == null ? null : CleanText.inline(text(chosen, "value"));
    }

    private String body(JsonNode item) {
        String text = CleanText.lineParagraphs(text(item, "body_text"));
        if (text != null) {
            return text;
        }
        for (String markup : List.of("body_html", "body_xml")) {
            String body = html.toText(text(item, markup));
            if (body != null) {
                return body;
            }
        }
        return bodies(item);
    }

    /** 2.x: the main body, plain text preferred over HTML when the provider sends both. */
    private String bodies(JsonNode item) {
        List<JsonNode> bodies = objects(item, "bodies");
        List<JsonNode> main = bodies.stream().filter(b -> "main".equalsIgnoreCase(text(b, "role"))).toList();
        List<JsonNode> candidates = main.isEmpty() ? bodies : main;
        JsonNode plain = candidates.stream().filter(b -> !isHtml(b)).findFirst().orElse(null);
        if (plain != null) {
            return CleanText.lineParagraphs(text(plain, "value"));
        }
        return candidates.isEmpty() ? null : html.toText(text(candidates.get(0), "value"));
    }

    /** A body without a content type is HTML when it looks like markup; the spec leaves that to the provider. */
    private static boolean isHtml(JsonNode body) {
        String type = text(body, "contenttype");
        if (type != null) {
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.contains("html") || lower.contains("xml");
        }
        String value = text(body, "value");
        return value != null && MARKUP.matcher(value).find();
    }

    private String byline(JsonNode item) {
        String single = CleanText.inline(text(item, "byline"));
        if (single == null) {
            single = CleanText.inline(text(item, "by"));
        }
        if (single != null) {
            return single;
        }
        List<String> bylines = new ArrayList<>();
        for (JsonNode byline : objects(item, "bylines")) {
            String value = text(byline, "byline");
            bylines.add(value != null ? value : text(byline, "name"));
        }
        List<String> clean = CleanText.names(bylines);
        return clean.isEmpty() ? null : String.join("; ", clean);
    }

    private static String source(JsonNode item) {
        String holder = CleanText.inline(text(item, "copyrightholder"));
        if (holder != null) {
            return holder;
        }
        List<JsonNode> infosources = objects(item, "infosources");
        return infosources.isEmpty() ? null : CleanText.inline(text(infosources.get(0), "name"));
    }

    /** The dateline place: a string in 1.x and 2.0, an object with a name in later versions. */
    private static String located(JsonNode item) {
        JsonNode located = item.get("located");
        if (located != null && located.isObject()) {
            return text(located, "name");
        }
        return text(item, "located");
    }

    /**
     * 1.x lists {@code subject} with code and scheme apart, 2.x {@code subjects} with a uri; providers mix the two,
     * so either shape is read from either list. A bare string is a name.
     */
    private static List<ProviderSubject> subjects(JsonNode item) {
        List<ProviderSubject> subjects = new ArrayList<>();
        for (String field : List.of("subject", "subjects")) {
            JsonNode list = item.get(field);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode entry : list) {
                if (entry.isTextual()) {
                    subjects.add(SubjectCodes.of(null, null, entry.asText()));
                } else if (text(entry, "code") == null && text(entry, "uri") != null) {
                    subjects.add(SubjectCodes.fromReference(text(entry, "uri"), text(entry, "name")));
                } else {
                    subjects.add(SubjectCodes.of(text(entry, "code"), text(entry, "scheme"), text(entry, "name")));
                }
            }
        }
        return SubjectCodes.distinct(subjects);
    }

    private static List<String> names(JsonNode item, String singular, String plural) {
        List<String> names = new ArrayList<>();
        for (String field : List.of(singular, plural)) {
            JsonNode list = item.get(field);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode entry : list) {
                names.add(entry.isTextual() ? entry.asText() : text(entry, "name"));
            }
        }
        return names;
    }

    private static JsonNode byRole(List<JsonNode> entries, String role) {
        return entries.stream().filter(e -> role.equalsIgnoreCase(text(e, "role"))).findFirst()
                .orElse(entries.stream().filter(e -> text(e, "value") != null).findFirst().orElse(null));
    }

    private static List<JsonNode> objects(JsonNode item, String field) {
        JsonNode list = item.get(field);
        List<JsonNode> objects = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(entry -> {
                if (entry.isObject()) {
                    objects.add(entry);
                }
            });
        }
        return objects;
    }

    /** A scalar field as text (ninjs versions are strings in the schema and numbers in the wild). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new WireFormatException("invalid-field", "ninjs field " + field + " must be a string");
    }
}
