package news.wire.ingest.intake;

/** Where an accepted article stands on its way to Kafka. */
public enum IntakeStatus {
    /** Committed to PostgreSQL; its outbox message is waiting for the relay. */
    STORED,
    /** Stored, and held back until its embargo time. */
    EMBARGOED,
    /** Acknowledged by Kafka on articles.raw (acks=all). */
    PUBLISHED,
    /** Killed by its provider; a tombstone replaces it downstream. */
    WITHDRAWN
}
