package news.wire.enrich.entities;

/** The CoNLL entity classes a newsroom filters by. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, MISC
}
