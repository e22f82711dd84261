package news.wire.query.entities;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives each short form of an article ("Biden", "HP") the id of the full entity it stands for, when the context
 * leaves one choice: first the entities of nearby articles (those in its time window that share its words or names,
 * the future story among them), then the registry (names seen earlier anywhere). Two candidates (two Smiths in play)
 * leave it alone: a split is cheaper than a wrong merge, and {@link EntityIdentity} still joins it at query time
 * once the registry has only one full entity under that name. Type must agree, so "Washington" the city never
 * becomes George Washington.
 */
@ApplicationScoped
public class EntityResolver {

    static final Set<String> RESOLVED_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");
    /** The types the tagger confuses for one name of several words. */
    static final Map<String, String> OTHER_TYPE = Map.of("ORGANIZATION", "LOCATION", "LOCATION", "ORGANIZATION");

    private final EntityRegistry registry;

    public EntityResolver(EntityRegistry registry) {
        this.registry = registry;
    }

    /** What the registry knows of the short names in these articles: full entities per type and name key. */
    public Knowledge lookUp(List<ObjectNode> articles) throws IOException {
        registry.ensureExists();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> shortIds = new LinkedHashSet<>();
        for (ObjectNode article : articles) {
            for (JsonNode e : article.path("entities")) {
                String name = e.path("name").asText("");
                String type = e.path("type").asText();
                if (RESOLVED_TYPES.contains(type) && e.hasNonNull("id")) {
                    keys.add(ShortForms.key(name));
                    if (ShortForms.isShort(name)) {
                        shortIds.add(e.get("id").asText());
                    }
                }
            }
        }
        Set<String> standingAlone = new LinkedHashSet<>();
        registry.findAll(shortIds).values().stream().filter(EntityIdentity::seenUnderAFullNameOfItsOwn)
                .forEach(e -> standingAlone.add(e.id()));
        return new Knowledge(registry.fullEntitiesByTypeAndKey(keys), registry.fullEntitiesByTypeAndShortKey(keys),
                standingAlone);
    }

    /**
     * Rewrites the id and name of each short form of the article that resolves (in place), looking among the nearby
     * entities published within the window of the article; a resolved short form that repeats an entity already in
     * the article joins it.
     */
    public void resolve(ObjectNode article, Nearby nearby, Knowledge knowledge) {
        if (article.path("entities") instanceof ArrayNode list) {
            for (JsonNode e : list) {
                if (e instanceof ObjectNode entity) {
                    resolveOne(entity, nearby, knowledge);
                }
            }
            joinRepeats(list);
        }
    }

    /** Tells the registry under which names each entity of these articles was seen. */
    public void learn(List<ObjectNode> articles) throws IOException {
        List<EntityRegistry.Sighting> sightings = new ArrayList<>();
        for (ObjectNode article : articles) {
            String at = article.path("publishedAt").asText(null);
            String articleId = article.path("id").asText(null);
            for (JsonNode e : article.path("entities")) {
                if (!e.hasNonNull("id")) {
                    continue;
                }
                Map<String, String> names = new LinkedHashMap<>();
                addName(names, e.path("name").asText(""));
                for (JsonNode m : e.path("mentions")) {
                    addName(names, m.path("text").asText(""));
                }
                sightings.add(new EntityRegistry.Sighting(e.get("id").asText(), e.path("type").asText(),
                        e.path("name").asText(), names, at, articleId));
            }
        }
        registry.record(sightings);
    }

    private static void addName(Map<String, String> names, String name) {
        String key = ShortForms.key(name);
        if (!key.isEmpty()) {
            names.putIfAbsent(key, name.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
    }

    private static void resolveOne(ObjectNode entity, Nearby nearby, Knowledge knowledge) {
        String type = entity.path("type").asText();
        String name = entity.path("name").asText("");
        boolean resolved = RESOLVED_TYPES.contains(type);
        if (!resolved && !type.equals("MISC") || !entity.hasNonNull("id") || name.isBlank()
                || knowledge.standingAlone().contains(entity.get("id").asText())) {
            return;
        }
        EntityRef full = resolved ? fullerEntity(type, name, nearby, knowledge) : null;
        if (full == null) {
            full = sameNameOtherType(type, name, nearby, knowledge);
        }
        if (full != null) {
            entity.put("id", full.id());
            entity.put("type", full.type());
            entity.put("name", full.name());
        }
    }

    /**
     * The one fuller entity the name stands for ("Biden" for "Joe Biden", "Red Sox" for "Boston Red Sox"): among the
     * nearby entities if any fits, else among those the registry knows.
     */
    private static EntityRef fullerEntity(String type, String name, Nearby nearby, Knowledge knowledge) {
        List<EntityRef> near = fullest(nearby.entities().fuller(type, name, nearby.publishedAt(), nearby.window()));
        if (near.size() == 1) {
            return outnumbered(name, near.get(0), nearby) ? null : near.get(0);
        }
        if (near.isEmpty()) {
            List<EntityRef> known = fullest(knowledge.fullEntitiesFor(type, name).stream()
                    .map(e -> new EntityRef(e.id(), type, e.name())).toList());
            if (known.size() == 1) {
                return known.get(0);
            }
        }
        return null;
    }

    /**
     * Whether an organisation's first word is the organisation itself rather than the fuller name nearby: when more
     * nearby articles, this one included, use the word alone than use that name, "Microsoft" is the company, not
     * the "Microsoft Word" one of them named. Initials and last words ("HP", "Bluejays") are short forms whatever
     * their count.
     */
    private static boolean outnumbered(String name, EntityRef fuller, Nearby nearby) {
        String word = ShortForms.key(name);
        if (!fuller.type().equals("ORGANIZATION") || !ShortForms.isShort(name)
                || !ShortForms.words(fuller.name()).get(0).equals(word)) {
            return false;
        }
        NearbyEntities entities = nearby.entities();
        int alone = 1 + entities.articles(fuller.type(), word, nearby.publishedAt(), nearby.window());
        return alone > entities.articles(fuller.type(), ShortForms.key(fuller.name()), nearby.publishedAt(),
                nearby.window());
    }

    /**
     * The people among the candidates without those that are only another candidate's shorter name: "Cheeks" has one
     * man in play, not two, when nearby articles call him "Mo Cheeks" and "Maurice Cheeks". Not organisations: that
     * "Trustworthy Computing" is "Microsoft Trustworthy Computing" does not make "Microsoft" the one.
     */
    static List<EntityRef> fullest(List<EntityRef> candidates) {
        if (candidates.size() < 2 || !candidates.stream().allMatch(c -> c.type().equals("PERSON"))) {
            return candidates;
        }
        return candidates.stream().filter(c -> candidates.stream().noneMatch(other -> !other.id().equals(c.id())
                && ShortForms.standsFor(c.name(), other.name(), c.type()))).toList();
    }

    /**
     * The tagger types one name differently from article to article ("Morningside Recovery" an organisation here and
     * a place there, "Mediterranean Sea" a place and a miscellaneous name, "Creighton" a person and a university): the
     * entity already known under that very name with another type. A name of several words takes the one such entity
     * nearby, else the one the registry knows as an organisation or a place. A one-word name takes it only when the
     * nearby articles mostly use the other type (at least two, and more than use this type, this article included):
     * "Jordan" the country and "Jordan" the player are both real, and only the story's own usage tells which it is.
     */
    private static EntityRef sameNameOtherType(String type, String name, Nearby nearby, Knowledge knowledge) {
        String key = ShortForms.key(name);
        List<EntityRef> near = new ArrayList<>();
        for (String other : RESOLVED_TYPES) {
            if (!other.equals(type)) {
                near.addAll(nearby.entities().named(other, key, nearby.publishedAt(), nearby.window()));
            }
        }
        if (ShortForms.isShort(name)) {
            if (near.size() != 1) {
                return null;
            }
            int other = nearby.entities().articles(near.get(0).type(), key, nearby.publishedAt(), nearby.window());
            int own = 1 + nearby.entities().articles(type, key, nearby.publishedAt(), nearby.window());
            return other >= 2 && other > own ? near.get(0) : null;
        }
        if (near.size() == 1) {
            return near.get(0);
        }
        String other = OTHER_TYPE.get(type);
        if (!near.isEmpty() || other == null) {
            return null;
        }
        List<RegisteredEntity> known = knowledge.fullEntities(other, key).stream()
                .filter(e -> ShortForms.key(e.name()).equals(key)).toList();
        return known.size() == 1 ? new EntityRef(known.get(0).id(), other, known.get(0).name()) : null;
    }

    /** The nearby entities to resolve an article's names against, and the article's time and window. */
    public record Nearby(NearbyEntities entities, Instant publishedAt, Duration window) {
    }

    /** One entry per entity per article, as enrich writes it: a short form resolved to a named entity joins it. */
    private static void joinRepeats(ArrayNode entities) {
        Map<String, ObjectNode> first = new HashMap<>();
        for (Iterator<JsonNode> it = entities.iterator(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (!(e instanceof ObjectNode entity) || !entity.hasNonNull("id")) {
                continue;
            }
            ObjectNode kept = first.putIfAbsent(entity.get("id").asText(), entity);
            if (kept != null) {
                if (entity.path("mentions") instanceof ArrayNode more && kept.path("mentions") instanceof ArrayNode into) {
                    into.addAll(more);
                }
                kept.put("salience", Math.max(kept.path("salience").asDouble(), entity.path("salience").asDouble()));
                EntityFields.derive(kept);
                it.remove();
            }
        }
    }

    /**
     * Full entities the registry knows under the names of one batch, or could know under them as short forms, and
     * the ids of the batch's one-word names that are entities in their own right ("Microsoft", seen as "Microsoft
     * Corp."), which no fuller name takes over.
     */
    public record Knowledge(Map<String, List<RegisteredEntity>> byTypeAndKey,
                            Map<String, List<RegisteredEntity>> byTypeAndShortKey, Set<String> standingAlone) {

        List<RegisteredEntity> fullEntities(String type, String key) {
            return byTypeAndKey.getOrDefault(EntityRegistry.typeAndKey(type, key), List.of());
        }

        /** Full entities seen under the name, else those the name could be a short form of (written as it is). */
        List<RegisteredEntity> fullEntitiesFor(String type, String name) {
            String key = ShortForms.key(name);
            Map<String, RegisteredEntity> found = new LinkedHashMap<>();
            for (RegisteredEntity e : fullEntities(type, key)) {
                if (!ShortForms.key(e.name()).equals(key)) {
                    found.putIfAbsent(e.id(), e);
                }
            }
            if (found.isEmpty()) {
                for (RegisteredEntity e : byTypeAndShortKey.getOrDefault(EntityRegistry.typeAndKey(type, key), List.of())) {
                    if (ShortForms.standsFor(name, e.name(), type)) {
                        found.putIfAbsent(e.id(), e);
                    }
                }
            }
            return List.copyOf(found.values());
        }
    }
}
