package news.wire.query.stories;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entity prominent in a story: its id and canonical name, in how many of its articles, and its summed salience. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopEntity(String id, String name, String type, int articles, double salience) {
}
