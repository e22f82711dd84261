package news.wire.query.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
