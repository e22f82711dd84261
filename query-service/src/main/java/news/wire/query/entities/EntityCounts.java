package news.wire.query.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;

/**
 * Counts per entity id folded into counts per real-world entity: a short form still standing alone ("Biden" in an
 * article indexed before anyone knew) adds to the entity it now stands for, shown under that entity's canonical name.
 * Article counts are added up, which is exact because enrichment keeps one entry per entity per article.
 */
public final class EntityCounts {

    private EntityCounts() {
    }

    /** What an aggregation counted for one id: the name it was indexed under, articles, mentions. */
    public record Counted(String id, String type, String name, long articles, long mentions) {
    }

    /** Most articles first, then most mentions, then by name: what a desk looks at first. */
    public static final Comparator<Counted> BY_ARTICLES = Comparator.comparingLong(Counted::articles).reversed()
            .thenComparing(Comparator.comparingLong(Counted::mentions).reversed())
            .thenComparing(Counted::name);
    /** Most mentions first, then most articles, then by name: how completion ranks. */
    public static final Comparator<Counted> BY_MENTIONS = Comparator.comparingLong(Counted::mentions).reversed()
            .thenComparing(Comparator.comparingLong(Counted::articles).reversed())
            .thenComparing(Counted::name);

    /**
     * What a nested aggregation of entities counted per type: buckets "types", then "ids", each id with the "name" it
     * was indexed under and, when asked for, the sum of its "mentions". Enrichment keeps one entry per entity per
     * article, so entries counted are articles naming it.
     */
    public static Map<String, List<Counted>> byType(Aggregate entities) {
        Map<String, List<Counted>> byType = new LinkedHashMap<>();
        for (StringTermsBucket type : entities.nested().aggregations().get("types").sterms().buckets().array()) {
            List<Counted> counted = new ArrayList<>();
            for (StringTermsBucket id : type.aggregations().get("ids").sterms().buckets().array()) {
                List<StringTermsBucket> name = id.aggregations().get("name").sterms().buckets().array();
                Aggregate mentions = id.aggregations().get("mentions");
                counted.add(new Counted(id.key().stringValue(), type.key().stringValue(),
                        name.isEmpty() ? id.key().stringValue() : name.get(0).key().stringValue(), id.docCount(),
                        mentions == null ? 0 : mentions.sum().value().longValue()));
            }
            byType.put(type.key().stringValue(), counted);
        }
        return byType;
    }

    /** The ids counted, all types together. */
    public static List<String> ids(Map<String, List<Counted>> byType) {
        return byType.values().stream().flatMap(List::stream).map(Counted::id).toList();
    }

    /** The counts folded by canonical entity, in the given order, at most {@code most}. */
    public static List<Counted> fold(List<Counted> counted, Map<String, RegisteredEntity> canonical,
                                     Comparator<Counted> order, int most) {
        Map<String, Counted> folded = new LinkedHashMap<>();
        for (Counted c : counted) {
            RegisteredEntity entity = canonical.get(c.id());
            Counted as = entity == null ? c
                    : new Counted(entity.id(), entity.type(), entity.name(), c.articles(), c.mentions());
            folded.merge(as.id(), as, (a, b) -> new Counted(a.id(), a.type(), a.name(), a.articles() + b.articles(),
                    a.mentions() + b.mentions()));
        }
        List<Counted> ranked = new ArrayList<>(folded.values());
        ranked.sort(order);
        return ranked.size() > most ? List.copyOf(ranked.subList(0, most)) : ranked;
    }
}
