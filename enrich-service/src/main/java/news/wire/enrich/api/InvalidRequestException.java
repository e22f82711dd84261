package news.wire.enrich.api;

/** A request field that the preview cannot use as sent; a 400 naming it. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
