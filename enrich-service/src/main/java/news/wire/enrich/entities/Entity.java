package news.wire.enrich.entities;

import java.util.List;

/** A real-world entity named in an article, under one canonical name, with every mention of it. */
public record Entity(EntityType type, String name, double salience, List<Mention> mentions) {
}
