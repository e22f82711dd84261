package news.wire.query.entities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Which real-world entity an id or a name means at query time, and which indexed entity entries are that entity.
 * An article indexed before anyone knew that "Biden" is Joe Biden still carries the short form; once the registry
 * holds exactly one full person seen as "Biden", that short form is Joe Biden here too (retroactively, without
 * re-enrichment or re-indexing), and it stops being so if a second full "... Biden" appears.
 */
@ApplicationScoped
public class EntityIdentity {

    private static final Pattern ID = Pattern.compile("^(person|organization|location|misc):\\S+$");

    private final EntityRegistry registry;

    public EntityIdentity(EntityRegistry registry) {
        this.registry = registry;
    }

    /** True when the value is written as an entity id ({@code person:joe-biden}), not as a name. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The entity this id stands for now: itself, or the one full entity a short form standing alone is known as. */
    public Optional<RegisteredEntity> canonical(String id) throws IOException {
        return Optional.ofNullable(canonicalAll(List.of(id)).get(id));
    }

    /** The canonical entity of each registered id among these. */
    public Map<String, RegisteredEntity> canonicalAll(Collection<String> ids) throws IOException {
        Map<String, RegisteredEntity> registered = registry.findAll(new LinkedHashSet<>(ids));
        Set<String> shortKeys = new LinkedHashSet<>();
        for (RegisteredEntity e : registered.values()) {
            if (!e.full()) {
                shortKeys.add(ShortForms.key(e.name()));
            }
        }
        Map<String, List<RegisteredEntity>> fullByKey = registry.fullEntitiesByTypeAndKey(shortKeys);
        Map<String, RegisteredEntity> canonical = new HashMap<>();
        registered.forEach((id, e) -> {
            List<RegisteredEntity> full = e.full() ? List.of() : fullByKey.getOrDefault(
                    EntityRegistry.typeAndKey(e.type(), ShortForms.key(e.name())), List.of());
            canonical.put(id, full.size() == 1 ? full.get(0) : e);
        });
        return canonical;
    }

    /**
     * The entities an {@code entity=} value names: the entity of an id, or every entity seen under the name (two
     * Smiths: both), each as its canonical entity.
     */
    public List<RegisteredEntity> named(String idOrName, String type) throws IOException {
        if (isId(idOrName)) {
            return canonical(idOrName).filter(e -> type == null || type.equals(e.type())).stream().toList();
        }
        String key = ShortForms.key(idOrName);
        if (key.isEmpty()) {
            return List.of();
        }
        List<String> ids = registry.knownAs(List.of(key), type, false).stream().map(RegisteredEntity::id).toList();
        Map<String, RegisteredEntity> distinct = new LinkedHashMap<>();
        canonicalAll(ids).values().forEach(e -> distinct.putIfAbsent(e.id(), e));
        return List.copyOf(distinct.values());
    }

    /**
     * The condition on one nested entity entry for "this entry is that entity": its id, or, for an entity with a
     * full name, a short name standing alone that no other full entity of its type was seen under.
     */
    public Query entry(RegisteredEntity entity) throws IOException {
        List<Query> either = new ArrayList<>();
        either.add(Query.of(q -> q.term(t -> t.field("entities.id").value(entity.id()))));
        if (entity.full()) {
            Map<String, String> shortNames = new LinkedHashMap<>();
            for (String surface : entity.names()) {
                if (ShortForms.isShort(surface)) {
                    shortNames.putIfAbsent(ShortForms.key(surface), surface);
                }
            }
            Map<String, List<RegisteredEntity>> fullByKey = registry.fullEntitiesByTypeAndKey(shortNames.keySet());
            List<FieldValue> alone = new ArrayList<>();
            for (String surface : entity.names()) {
                String key = ShortForms.key(surface);
                if (shortNames.containsKey(key) && fullByKey.getOrDefault(EntityRegistry.typeAndKey(entity.type(), key), List.of()).size() == 1) {
                    alone.add(FieldValue.of(surface));
                }
            }
            if (!alone.isEmpty()) {
                either.add(Query.of(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("entities.type").value(entity.type())))
                        .filter(f -> f.terms(t -> t.field("entities.name.lower").terms(v -> v.value(alone)))))));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(either).minimumShouldMatch("1")));
    }

    /**
     * The condition on one nested entity entry for an {@code entity=} value and an entity type (either may be null):
     * the registered entities the value names, by identity; a value the registry does not know, as a canonical name
     * written exactly as indexed.
     */
    public Query entryNamed(String idOrName, String type) throws IOException {
        List<Query> clauses = new ArrayList<>();
        if (idOrName != null) {
            List<RegisteredEntity> named = named(idOrName, type);
            clauses.add(named.isEmpty() ? Query.of(q -> q.term(t -> t.field("entities.name").value(idOrName)))
                    : entryOfAny(named));
        }
        if (type != null) {
            clauses.add(Query.of(q -> q.term(t -> t.field("entities.type").value(type))));
        }
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /** The condition on one nested entity entry for "this entry is any of these entities". */
    public Query entryOfAny(List<RegisteredEntity> entities) throws IOException {
        List<Query> any = new ArrayList<>();
        for (RegisteredEntity e : entities) {
            any.add(entry(e));
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }
}
