package news.wire.query.entities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
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

import news.wire.query.indexing.ArticleDocument;

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

    private final EntityRegistry registry;

    public EntityResolver(EntityRegistry registry) {
        this.registry = registry;
    }

    /** What the registry knows of the short names in these articles: full entities per type and name key. */
    public Knowledge lookUp(List<ObjectNode> articles) throws IOException {
        registry.ensureExists();
        Set<String> keys = new LinkedHashSet<>();
        for (ObjectNode article : articles) {
            for (JsonNode e : article.path("entities")) {
                String name = e.path("name").asText("");
                if (RESOLVED_TYPES.contains(e.path("type").asText()) && e.hasNonNull("id") && ShortForms.isShort(name)) {
                    keys.add(ShortForms.key(name));
                }
            }
        }
        return new Knowledge(registry.fullEntitiesByTypeAndKey(keys));
    }

    /**
     * Rewrites the id and name of each short form of the article that resolves (in place); a resolved short form
     * that repeats an entity already in the article joins it. Returns the article's entities after resolution.
     */
    public List<EntityRef> resolve(ObjectNode article, Collection<EntityRef> context, Knowledge knowledge) {
        JsonNode entities = article.path("entities");
        if (entities instanceof ArrayNode list) {
            for (JsonNode e : list) {
                if (e instanceof ObjectNode entity) {
                    resolveOne(entity, context, knowledge);
                }
            }
            joinRepeats(list);
        }
        return refs(article);
    }

    /** The entities of an article document, as resolution sees them. */
    public static List<EntityRef> refs(JsonNode article) {
        List<EntityRef> refs = new ArrayList<>();
        for (JsonNode e : article.path("entities")) {
            if (e.hasNonNull("id")) {
                refs.add(new EntityRef(e.get("id").asText(), e.path("type").asText(), e.path("name").asText()));
            }
        }
        return refs;
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

    private static void resolveOne(ObjectNode entity, Collection<EntityRef> context, Knowledge knowledge) {
        String type = entity.path("type").asText();
        String name = entity.path("name").asText("");
        if (!RESOLVED_TYPES.contains(type) || !entity.hasNonNull("id") || !ShortForms.isShort(name)) {
            return;
        }
        Map<String, EntityRef> nearby = new LinkedHashMap<>();
        for (EntityRef other : context) {
            if (other.type().equals(type) && ShortForms.standsFor(name, other.name(), type)) {
                nearby.putIfAbsent(other.id(), other);
            }
        }
        EntityRef full = null;
        if (nearby.size() == 1) {
            full = nearby.values().iterator().next();
        } else if (nearby.isEmpty()) {
            List<RegisteredEntity> known = knowledge.fullEntities(type, ShortForms.key(name));
            if (known.size() == 1) {
                full = new EntityRef(known.get(0).id(), type, known.get(0).name());
            }
        }
        if (full != null) {
            entity.put("id", full.id());
            entity.put("name", full.name());
        }
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
                ArticleDocument.deriveEntityFields(kept);
                it.remove();
            }
        }
    }

    /** Full entities the registry knows under the short names of one batch. */
    public record Knowledge(Map<String, List<RegisteredEntity>> byTypeAndKey) {

        List<RegisteredEntity> fullEntities(String type, String key) {
            return byTypeAndKey.getOrDefault(EntityRegistry.typeAndKey(type, key), List.of());
        }
    }
}
