package news.wire.query.api;

/** A story request parameter that cannot be used as given; becomes a 400 problem naming it. */
public class InvalidStoryParameterException extends RuntimeException {

    private final String parameter;

    public InvalidStoryParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
