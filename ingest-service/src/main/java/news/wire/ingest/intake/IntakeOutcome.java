package news.wire.ingest.intake;

/** What intake did with a submission; decides the HTTP status (202 for a change, 200 for none). */
public enum IntakeOutcome {
    /** A new article. */
    CREATED(true),
    /** A known item with changed content or a newer provider version: a new version of the same article. */
    NEW_VERSION(true),
    /** A withdrawal (kill) of a known item. */
    WITHDRAWN(true),
    /** The same item with the same content: nothing stored, nothing published. */
    DUPLICATE(false),
    /** An older provider version than the one already held: ignored. */
    STALE(false);

    private final boolean changed;

    IntakeOutcome(boolean changed) {
        this.changed = changed;
    }

    /** Whether this submission changed anything (and will be published). */
    public boolean changed() {
        return changed;
    }
}
