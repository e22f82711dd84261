package news.wire.enrich.entities;

import java.util.List;

import news.wire.enrich.copy.ArticleField;

/** A real-world entity named in an article, under one canonical name and an id the same in every article. */
public record Entity(String id, EntityType type, String name, double salience, List<Mention> mentions) {

    /**
     * The entity under its canonical name, with the id that name gives it. Salience: how often it is named (against
     * {@code most}, the mentions of the article's most named entity), whether the headline names it, and how early
     * the body does.
     */
    static Entity named(EntityType type, String name, List<Mention> mentions, int most, int bodyLength) {
        boolean inHeadline = mentions.stream().anyMatch(m -> m.field() == ArticleField.HEADLINE);
        int firstOffset = mentions.stream().filter(m -> m.field() == ArticleField.BODY).mapToInt(Mention::start).min()
                .orElse(bodyLength);
        double salience = 0.5 * mentions.size() / most + (inHeadline ? 0.3 : 0)
                + 0.2 * (1.0 - (double) firstOffset / Math.max(1, bodyLength));
        return new Entity(EntityId.of(type, name), type, name, Math.round(Math.min(1.0, salience) * 1000) / 1000.0,
                mentions);
    }
}
