package news.wire.deploy.reuters;

/** Why a story of the collection is not handed on as an article. */
public enum SkipReason {

    /** No BODY element, or one with no text: the collection's BRIEF (headline-only) and UNPROC stories. */
    NO_BODY("no body"),

    /** No TITLE element, or an empty one: nothing to use as the headline. */
    NO_TITLE("no title"),

    /** No NEWID, so no stable id for the provider's item. */
    NO_NEWID("no NEWID"),

    /** A DATE that does not start with a day-month-year and time. */
    UNREADABLE_DATE("unreadable date");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** Short, human-readable form for reports. */
    public String label() {
        return label;
    }
}
