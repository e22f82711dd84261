package news.wire.enrich.entities;

import java.util.List;

/** Finds the entities of an article; implementations are pure functions of the text, so engines can be swapped. */
public interface EntityTagger {

    /** Engine name and version, recorded in every enriched article so it can be re-enriched later. */
    String engine();

    List<Entity> tag(String headline, String body);
}
