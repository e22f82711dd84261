package news.wire.enrich.entities;

import java.util.List;

/** A real-world entity named in an article, under one canonical name and an id the same in every article. */
public record Entity(String id, EntityType type, String name, double salience, List<Mention> mentions) {

    /** The entity under its canonical name, with the id that name gives it. */
    static Entity named(EntityType type, String name, double salience, List<Mention> mentions) {
        return new Entity(EntityId.of(type, name), type, name, salience, mentions);
    }
}
