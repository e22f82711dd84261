package news.wire.query.entities;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import news.wire.query.indexing.MissingIndex;

/**
 * The entity registry: one Elasticsearch document per entity id, shared by every query-service instance and rebuilt
 * by replaying articles.enriched. It keeps only what the articles cannot say by themselves (the names an entity was
 * seen under and when each was learned); counts, first and last seen come from the article index, so a replay
 * never counts an article twice. Names only accumulate, so concurrent writers converge: each write is conditional
 * on the version it read and is redone on a conflict.
 */
@ApplicationScoped
public class EntityRegistry {

    /** The registry's index; its mapping is src/main/resources/elasticsearch/entities-index.json. */
    public static final String INDEX = "entities-v1";
    private static final int MOST_WRITE_ATTEMPTS = 5;
    private static final int MOST_MATCHES = 1_000;

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final WrittenNames written = new WrittenNames();
    private volatile boolean ready;

    public EntityRegistry(ElasticsearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** Creates the registry index if it is missing. Cheap after the first success. */
    public void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().exists(e -> e.index(INDEX)).value()) {
            try (InputStream mapping = getClass().getResourceAsStream("/elasticsearch/entities-index.json")) {
                client.indices().create(c -> c.index(INDEX).withJson(mapping));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        ready = true;
    }

    /** The registered entities among these ids. */
    public Map<String, RegisteredEntity> findAll(Collection<String> ids) throws IOException {
        Map<String, RegisteredEntity> found = new HashMap<>();
        if (!ids.isEmpty()) {
            read(ids).forEach((id, v) -> found.put(id, v.entity()));
        }
        return found;
    }

    /**
     * The full entities seen under each of these name keys, by {@code TYPE|key}: one entry under a short name
     * means that name stands for that entity alone.
     */
    public Map<String, List<RegisteredEntity>> fullEntitiesByTypeAndKey(Set<String> keys) throws IOException {
        return byTypeAndKey(knownAs("aliases", keys, null, true), RegisteredEntity::aliases, keys);
    }

    /**
     * The full entities each of these keys could be a shorter name of ({@link ShortForms#shortKeys}), by
     * {@code TYPE|key}.
     */
    public Map<String, List<RegisteredEntity>> fullEntitiesByTypeAndShortKey(Set<String> keys) throws IOException {
        return byTypeAndKey(knownAs("shortKeys", keys, null, true), RegisteredEntity::shortKeys, keys);
    }

    /**
     * Both of the above in one search: the full entities seen under each of these keys or that could go by it, by
     * {@code TYPE|key}.
     */
    public Map<String, List<RegisteredEntity>> fullEntitiesByTypeAndNameOrShortKey(Set<String> keys)
            throws IOException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Query either = Query.of(q -> q.bool(b -> b.minimumShouldMatch("1").should(terms("aliases", keys))
                .should(terms("shortKeys", keys))));
        List<RegisteredEntity> found = search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("full").value(true))).filter(either))), MOST_MATCHES);
        return byTypeAndKey(found, e -> {
            Set<String> all = new LinkedHashSet<>(e.aliases());
            all.addAll(e.shortKeys() == null ? List.of() : e.shortKeys());
            return List.copyOf(all);
        }, keys);
    }

    /** The entities filed under each of their keys that is one of these, by {@code TYPE|key}. */
    private static Map<String, List<RegisteredEntity>> byTypeAndKey(List<RegisteredEntity> entities,
                                                                    Function<RegisteredEntity, List<String>> keysOf,
                                                                    Set<String> keys) {
        Map<String, List<RegisteredEntity>> byKey = new HashMap<>();
        for (RegisteredEntity e : entities) {
            for (String key : keysOf.apply(e)) {
                if (keys.contains(key)) {
                    byKey.computeIfAbsent(typeAndKey(e.type(), key), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return byKey;
    }

    /** How {@link #fullEntitiesByTypeAndKey} names a type and a name key. */
    public static String typeAndKey(String type, String key) {
        return type + "|" + key;
    }

    /** Entities seen under any of these name keys, optionally of one type. */
    public List<RegisteredEntity> knownAs(Collection<String> keys, String type) throws IOException {
        return knownAs("aliases", keys, type, false);
    }

    /** Entities with any of these keys in the field, optionally of one type, optionally only those with a full name. */
    private List<RegisteredEntity> knownAs(String field, Collection<String> keys, String type, boolean onlyFull)
            throws IOException {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Query> filters = new ArrayList<>();
        if (onlyFull) {
            filters.add(Query.of(q -> q.term(t -> t.field("full").value(true))));
        }
        filters.add(terms(field, keys));
        if (type != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("type").value(type))));
        }
        return search(Query.of(q -> q.bool(b -> b.filter(filters))), MOST_MATCHES);
    }

    /** Entities seen under a name starting with the prefix (or with a word so starting), any type or one. */
    public List<RegisteredEntity> knownAsPrefix(String prefix, String type, int size) throws IOException {
        String key = ShortForms.key(prefix);
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.prefix(p -> p.field("aliases").value(key)))
                .should(s -> s.wildcard(w -> w.field("aliases").value("* " + escape(key) + "*"))))));
        if (type != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("type").value(type))));
        }
        return search(Query.of(q -> q.bool(b -> b.filter(filters))), size);
    }

    /**
     * Records that these entities were seen under these names. Only names not yet written by this instance reach
     * Elasticsearch; each entity is read, its names added and written back on condition that nobody wrote it
     * meanwhile, else read again.
     */
    public void record(Collection<Sighting> sightings) throws IOException {
        Map<String, Sighting> pending = new LinkedHashMap<>();
        for (Sighting s : sightings) {
            if (written.cover(s.id(), s.names().keySet())) {
                continue;
            }
            pending.merge(s.id(), s, Sighting::and);
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MOST_WRITE_ATTEMPTS) {
                throw new IOException("Entity registry writes kept conflicting for " + pending.keySet());
            }
            Map<String, Versioned> current = read(pending.keySet());
            List<BulkOperation> operations = new ArrayList<>();
            List<Sighting> order = new ArrayList<>();
            for (Sighting s : pending.values()) {
                Versioned before = current.get(s.id());
                RegisteredEntity after = s.addTo(before == null ? null : before.entity());
                if (before != null && after.equals(before.entity())) {
                    remember(after);
                    continue;
                }
                ObjectNode document = json.valueToTree(after);
                operations.add(before == null
                        ? BulkOperation.of(op -> op.create(c -> c.id(s.id()).document(document)))
                        : BulkOperation.of(op -> op.index(i -> i.id(s.id()).ifSeqNo(before.seqNo())
                                .ifPrimaryTerm(before.primaryTerm()).document(document))));
                order.add(s);
            }
            Map<String, Sighting> again = new LinkedHashMap<>();
            if (!operations.isEmpty()) {
                BulkResponse response = client.bulk(b -> b.index(INDEX).operations(operations));
                for (int i = 0; i < response.items().size(); i++) {
                    BulkResponseItem item = response.items().get(i);
                    Sighting s = order.get(i);
                    if (item.status() == 409) {
                        again.put(s.id(), s);
                    } else if (item.error() != null) {
                        throw new IOException("Entity registry refused " + s.id() + ": " + item.error().reason());
                    } else {
                        remember(s.addTo(current.get(s.id()) == null ? null : current.get(s.id()).entity()));
                    }
                }
            }
            pending = again;
        }
    }

    private void remember(RegisteredEntity entity) {
        written.remember(entity.id(), entity.aliases());
    }

    private Map<String, Versioned> read(Collection<String> ids) throws IOException {
        Map<String, Versioned> found = new HashMap<>();
        MgetResponse<ObjectNode> response = MissingIndex.orNull(() -> client.mget(m -> m.index(INDEX)
                .ids(List.copyOf(ids)), ObjectNode.class));
        if (response == null) {
            return found;
        }
        for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                RegisteredEntity entity = json.treeToValue(item.result().source(), RegisteredEntity.class);
                found.put(entity.id(), new Versioned(entity, item.result().seqNo(), item.result().primaryTerm()));
            }
        }
        return found;
    }

    private List<RegisteredEntity> search(Query query, int size) throws IOException {
        SearchResponse<ObjectNode> response = MissingIndex.orNull(() -> client.search(s -> s.index(INDEX).size(size)
                .query(query), ObjectNode.class));
        if (response == null) {
            return List.of();
        }
        List<RegisteredEntity> entities = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            entities.add(json.treeToValue(hit.source(), RegisteredEntity.class));
        }
        return entities;
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().distinct().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private record Versioned(RegisteredEntity entity, long seqNo, long primaryTerm) {
    }

    /** An entity seen in one article: its names there (key to lowercase surface form), when and where. */
    public record Sighting(String id, String type, String name, Map<String, String> names, String at,
                           String articleId) {

        Sighting and(Sighting other) {
            Map<String, String> all = new LinkedHashMap<>(names);
            other.names.forEach(all::putIfAbsent);
            return new Sighting(id, type, name, all, at, articleId);
        }

        /** The registered entity with these names added; a new one when there was none. */
        RegisteredEntity addTo(RegisteredEntity before) {
            Set<String> aliases = new LinkedHashSet<>(before == null ? List.of() : before.aliases());
            Set<String> surfaces = new LinkedHashSet<>(before == null ? List.of() : before.names());
            List<RegisteredEntity.Learned> learned = new ArrayList<>(before == null ? List.of() : before.learned());
            names.forEach((key, surface) -> {
                if (aliases.add(key)) {
                    learned.add(new RegisteredEntity.Learned(surface, at, articleId));
                }
                surfaces.add(surface);
            });
            String canonical = before == null ? name : before.name();
            return new RegisteredEntity(id, type, canonical, !ShortForms.isShort(canonical), List.copyOf(aliases),
                    List.copyOf(surfaces), List.copyOf(learned), ShortForms.shortKeys(canonical, type));
        }
    }
}
