package news.wire.query.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import news.wire.query.entities.RegisteredEntity;

/**
 * The entities a story is about: the same person named "Netanyahu" by one outlet and "Benjamin Netanyahu" by
 * another counts once (by canonical id, else matched as in {@link NamedEntity#sameAs}), shown under the canonical
 * name, ranked by salience summed over the articles.
 */
final class TopEntities {

    private TopEntities() {
    }

    static List<TopEntity> of(List<? extends JsonNode> articles, int most, Map<String, RegisteredEntity> canonical) {
        List<Tally> tallies = new ArrayList<>();
        for (JsonNode article : articles) {
            String articleId = article.path("id").asText();
            for (JsonNode e : article.path("entities")) {
                String id = e.path("id").asText(null);
                RegisteredEntity registered = id == null ? null : canonical.get(id);
                if (registered != null) {
                    id = registered.id();
                }
                String type = e.path("type").asText();
                String name = registered != null ? registered.name() : e.path("name").asText();
                if (!NamedEntity.MATCHED_TYPES.contains(type) || name.isBlank()) {
                    continue;
                }
                NamedEntity entity = NamedEntity.of(id, type, name, 1);
                Tally tally = tallies.stream().filter(t -> t.matches(entity)).findFirst().orElse(null);
                if (tally == null) {
                    tally = new Tally();
                    tallies.add(tally);
                }
                tally.add(entity, articleId, e.path("salience").asDouble());
            }
        }
        return tallies.stream()
                .map(Tally::entity)
                .sorted(Comparator.comparingDouble(TopEntity::salience).reversed().thenComparing(TopEntity::name))
                .limit(most)
                .toList();
    }

    private static final class Tally {
        private final List<NamedEntity> names = new ArrayList<>();
        private final Set<String> articles = new HashSet<>();
        private double salience;

        boolean matches(NamedEntity entity) {
            return names.stream().anyMatch(entity::sameAs);
        }

        void add(NamedEntity entity, String articleId, double articleSalience) {
            names.add(entity);
            articles.add(articleId);
            salience += articleSalience;
        }

        TopEntity entity() {
            NamedEntity fullest = names.stream().max(Comparator.comparingInt((NamedEntity n) -> n.name().length())).orElseThrow();
            return new TopEntity(fullest.id(), fullest.name(), fullest.type(), articles.size(),
                    Math.round(salience * 1000) / 1000.0);
        }
    }
}
