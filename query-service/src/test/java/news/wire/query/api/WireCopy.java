package news.wire.query.api;

import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import news.wire.testkit.MessageContract;

/** Builds article.enriched/v1 messages for tests, starting from the contract's example. */
final class WireCopy {

    private final ObjectNode article;

    private WireCopy(ObjectNode article) {
        this.article = article;
    }

    /** Letters only, capitalised: a word the analyzers keep whole and no other test uses. */
    static String rareWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("Zq");
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static WireCopy article(String source, String headline, String body, String publishedAt) {
        ObjectNode a = MessageContract.ENRICHED_ARTICLE.example(UUID.randomUUID().toString());
        a.put("source", source);
        a.put("headline", headline);
        a.put("body", body);
        a.put("publishedAt", publishedAt);
        a.put("language", "en");
        a.putArray("entities");
        a.putArray("numbers");
        a.putArray("dates");
        // The example's subjects would be counted in every facet over the whole index.
        a.putArray("subjects");
        return new WireCopy(a);
    }

    /** Declared by the wire and detected by enrich alike. */
    WireCopy language(String language) {
        article.put("language", language);
        article.put("detectedLanguage", language);
        article.put("languageCheck", "agrees");
        return this;
    }

    /** What enrich detected (null: too short to tell) against what the wire declared (null: nothing). */
    WireCopy languages(String declared, String detected, String check) {
        article.put("language", declared);
        article.put("detectedLanguage", detected);
        article.put("languageCheck", check);
        return this;
    }

    /** As a record of an enricher before languages were detected. */
    WireCopy withoutLanguageDetection() {
        article.remove("detectedLanguage");
        article.remove("languageCheck");
        return this;
    }

    /** A provider subject; code, name or scheme may be null. */
    WireCopy subject(String code, String name, String scheme) {
        ObjectNode s = ((ArrayNode) article.get("subjects")).addObject();
        if (code != null) {
            s.put("code", code);
        }
        if (name != null) {
            s.put("name", name);
        }
        if (scheme != null) {
            s.put("scheme", scheme);
        }
        return this;
    }

    /** The same article at another version, with this body. */
    WireCopy version(int version, String body) {
        ObjectNode next = article.deepCopy();
        next.put("version", version);
        next.put("body", body);
        return new WireCopy(next);
    }

    WireCopy byline(String byline) {
        article.put("byline", byline);
        return this;
    }

    /** As a record of an enricher before the provider's metadata was carried. */
    WireCopy withoutProviderMetadata() {
        for (String field : new String[] {"byline", "versionCreated", "subjects", "people", "organisations", "places"}) {
            article.remove(field);
        }
        return this;
    }

    WireCopy entity(String type, String name, int mentions) {
        ObjectNode e = ((ArrayNode) article.get("entities")).addObject();
        e.put("type", type).put("name", name).put("salience", 0.5);
        ArrayNode list = e.putArray("mentions");
        for (int i = 0; i < mentions; i++) {
            list.addObject().put("field", "body").put("start", i).put("end", i + 1).put("text", name);
        }
        return this;
    }

    WireCopy number(double value, String kind, String counted) {
        ObjectNode n = ((ArrayNode) article.get("numbers")).addObject();
        n.put("value", value).put("kind", kind).put("qualifier", "EXACT");
        if (counted != null) {
            n.put("counted", counted);
        }
        n.put("field", "body").put("start", 0).put("end", 2).put("text", "42");
        return this;
    }

    WireCopy date(String type, String value) {
        ((ArrayNode) article.get("dates")).addObject().put("type", type).put("value", value)
                .put("field", "body").put("start", 0).put("end", 5).put("text", "then");
        return this;
    }

    String id() {
        return article.get("id").asText();
    }

    String json() {
        return article.toString();
    }
}
