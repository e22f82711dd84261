package news.wire.query.stories;

/** An entity prominent in a story: its fullest name, in how many of the story's articles, and its summed salience. */
public record TopEntity(String name, String type, int articles, double salience) {
}
