package news.wire.query.entities;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * re-enrichment or re-indexing), and it stops being so if a second full "... Biden" appears. A person's name without
 * a middle name ("Regina Benjamin") joins the one fuller name it was seen under ("Regina M. Benjamin") the same way.
 */
@ApplicationScoped
public class EntityIdentity {

    /** The types enrichment gives entities, in the order the dashboard shows them. */
    public static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    private static final Pattern ID = Pattern.compile("^(" + String.join("|", TYPES).toLowerCase(Locale.ROOT)
            + "):\\S+$");

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
        Set<String> keys = new LinkedHashSet<>();
        registered.values().forEach(e -> keys.add(ShortForms.key(e.name())));
        Map<String, RegisteredEntity> fullest = fullestByTypeAndKey(keys);
        Map<String, RegisteredEntity> canonical = new HashMap<>();
        registered.forEach((id, e) -> canonical.put(id, seenUnderAFullNameOfItsOwn(e) ? e
                : fullest.getOrDefault(EntityRegistry.typeAndKey(e.type(), ShortForms.key(e.name())), e)));
        Map<String, RegisteredEntity> oneType = firstTypeSeen(canonical.values());
        canonical.replaceAll((id, e) -> oneType.getOrDefault(e.id(), e));
        return canonical;
    }

    /**
     * Whether an entity named by one word has also been seen, under the same id, with a name of several words:
     * "Microsoft" is the id of "Microsoft Corp." too, so it is a company in its own right, not the first word of
     * "Microsoft Security Response Alliance".
     */
    static boolean seenUnderAFullNameOfItsOwn(RegisteredEntity e) {
        return !e.full() && e.aliases() != null && e.aliases().stream().anyMatch(alias -> alias.contains(" "));
    }

    /**
     * The tagger calls one name of several words an organisation in one article and a place in another ("Kansas City
     * Chiefs", "Telecom Egypt"); indexers working at once can register both before either sees the other. Such a
     * pair is one entity: the one seen first (then by id, so every instance and every replay agrees). By entity id,
     * for the entities among these that have such a twin.
     */
    private Map<String, RegisteredEntity> firstTypeSeen(Collection<RegisteredEntity> entities) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (RegisteredEntity e : entities) {
            if (e.full() && EntityResolver.OTHER_TYPE.containsKey(e.type())) {
                keys.add(ShortForms.key(e.name()));
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<RegisteredEntity>> seen = registry.fullEntitiesByTypeAndKey(keys);
        Map<String, RegisteredEntity> chosen = new HashMap<>();
        for (RegisteredEntity e : entities) {
            twin(e, seen).ifPresent(twin -> chosen.put(e.id(), seenFirst(e, twin)));
        }
        return chosen;
    }

    /** The entity of the other type under this one's very name, when there is exactly one. */
    private static Optional<RegisteredEntity> twin(RegisteredEntity e, Map<String, List<RegisteredEntity>> seen) {
        String other = EntityResolver.OTHER_TYPE.get(e.type());
        if (other == null || !e.full()) {
            return Optional.empty();
        }
        String key = ShortForms.key(e.name());
        List<RegisteredEntity> twins = seen.getOrDefault(EntityRegistry.typeAndKey(other, key), List.of()).stream()
                .filter(t -> ShortForms.key(t.name()).equals(key)).toList();
        return twins.size() == 1 ? Optional.of(twins.get(0)) : Optional.empty();
    }

    private static RegisteredEntity seenFirst(RegisteredEntity a, RegisteredEntity b) {
        Comparator<RegisteredEntity> bySeen = Comparator.comparing(EntityIdentity::firstSeen)
                .thenComparing(RegisteredEntity::id);
        return bySeen.compare(a, b) <= 0 ? a : b;
    }

    private static String firstSeen(RegisteredEntity e) {
        // ISO-8601 instants of one format order as text; an entity with no record of when sorts last.
        return e.learned() == null ? "~" : e.learned().stream().map(RegisteredEntity.Learned::at)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse("~");
    }

    /**
     * For each {@code TYPE|key} among these names: the one fuller entity seen under it, when there is exactly one.
     * A fuller entity that is itself known by a still fuller name counts as that one, so "Comeaux", seen as "Joseph
     * Comeaux" and as "Arcade Joseph Comeaux", is one man, as "Regina Benjamin" is "Regina M. Benjamin"; two fuller
     * entities that are not one (George W. and George H. W. Bush) leave the name alone.
     */
    private Map<String, RegisteredEntity> fullestByTypeAndKey(Set<String> keys) throws IOException {
        Map<String, List<RegisteredEntity>> seen = fullerSeenUnder(keys);
        Set<String> candidateKeys = new LinkedHashSet<>();
        seen.values().forEach(candidates -> candidates.forEach(c -> candidateKeys.add(ShortForms.key(c.name()))));
        Map<String, List<RegisteredEntity>> seenAgain = fullerSeenUnder(candidateKeys);
        Map<String, RegisteredEntity> fullest = new HashMap<>();
        seen.forEach((typeAndKey, candidates) -> {
            Map<String, RegisteredEntity> distinct = new LinkedHashMap<>();
            for (RegisteredEntity candidate : candidates) {
                List<RegisteredEntity> further = seenAgain.getOrDefault(
                        EntityRegistry.typeAndKey(candidate.type(), ShortForms.key(candidate.name())), List.of());
                RegisteredEntity top = further.size() == 1 ? further.get(0) : candidate;
                distinct.putIfAbsent(top.id(), top);
            }
            if (distinct.size() == 1) {
                fullest.put(typeAndKey, distinct.values().iterator().next());
            }
        });
        return fullest;
    }

    /**
     * The full entities seen under each name key, by {@code TYPE|key}, whose own name is fuller: any, for a name of
     * one word; for a longer one, only a person whose name has these words and more ("Joseph Comeaux" in "Arcade
     * Joseph Comeaux"). Longer names of organisations and places are often other entities: the "White House" is not
     * the "Nixon White House", the "United Nations" not the "United Nations Development Programme".
     */
    private Map<String, List<RegisteredEntity>> fullerSeenUnder(Set<String> keys) throws IOException {
        Map<String, List<RegisteredEntity>> fuller = new HashMap<>();
        registry.fullEntitiesByTypeAndNameOrShortKey(keys).forEach((typeAndKey, candidates) -> {
            String key = typeAndKey.substring(typeAndKey.indexOf('|') + 1);
            List<String> words = List.of(key.split(" "));
            // A person may be found by a name of several words no article gave him ("Joseph Comeaux" for Arcade
            // Joseph Comeaux). A lone surname only by the names it was seen under: every registered Lopez would
            // otherwise make "Lopez" ambiguous in every story. Organisations and places, whose initials need their
            // capitals checked, only by names they were seen under.
            boolean severalWords = key.contains(" ");
            List<RegisteredEntity> longer = candidates.stream()
                    .filter(c -> severalWords && c.type().equals("PERSON") || c.aliases().contains(key))
                    .filter(c -> isFullerName(words, ShortForms.words(c.name()), c.type())).toList();
            if (!longer.isEmpty()) {
                fuller.put(typeAndKey, longer);
            }
        });
        return fuller;
    }

    private static boolean isFullerName(List<String> name, List<String> fuller, String type) {
        if (type.equals("PERSON")) {
            return ShortForms.standsFor(String.join(" ", name), name, fuller, type);
        }
        return name.size() == 1 && fuller.size() > 1;
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
        List<String> ids = registry.knownAs(List.of(key), type).stream().map(RegisteredEntity::id).toList();
        Map<String, RegisteredEntity> distinct = new LinkedHashMap<>();
        canonicalAll(ids).values().forEach(e -> distinct.putIfAbsent(e.id(), e));
        return List.copyOf(distinct.values());
    }

    /**
     * The condition on one nested entity entry for "this entry is that entity": its id, or, for an entity with a
     * full name, a shorter name it was seen under that leads to no other fuller entity of its type.
     */
    public Query entry(RegisteredEntity entity) throws IOException {
        List<Query> either = new ArrayList<>();
        either.add(Query.of(q -> q.term(t -> t.field("entities.id").value(entity.id()))));
        if (entity.full()) {
            String own = ShortForms.key(entity.name());
            Optional<RegisteredEntity> twin = twin(entity, registry.fullEntitiesByTypeAndKey(Set.of(own)));
            if (twin.isPresent() && seenFirst(entity, twin.get()) == entity) {
                either.add(Query.of(q -> q.term(t -> t.field("entities.id").value(twin.get().id()))));
            }
            Map<String, List<FieldValue>> shorterNames = new LinkedHashMap<>();
            for (String surface : entity.names()) {
                String key = ShortForms.key(surface);
                if (!key.equals(own) && key.split(" ").length < own.split(" ").length) {
                    shorterNames.computeIfAbsent(key, k -> new ArrayList<>()).add(FieldValue.of(surface));
                }
            }
            if (entity.type().equals("PERSON") && entity.shortKeys() != null) {
                // Names of several words a person could go by but was never seen under ("Marta Zielinska" for Marta
                // Anna Zielinska, "Mo Cheeks"): the articles that wrote them are this person's too.
                entity.shortKeys().stream().filter(key -> key.contains(" ") && !key.equals(own))
                        .forEach(key -> shorterNames.computeIfAbsent(key, k -> new ArrayList<>()).add(FieldValue.of(key)));
            }
            Map<String, RegisteredEntity> fullest = fullestByTypeAndKey(shorterNames.keySet());
            List<FieldValue> alone = new ArrayList<>();
            shorterNames.forEach((key, surfaces) -> {
                RegisteredEntity only = fullest.get(EntityRegistry.typeAndKey(entity.type(), key));
                if (only != null && only.id().equals(entity.id())) {
                    alone.addAll(surfaces);
                }
            });
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
