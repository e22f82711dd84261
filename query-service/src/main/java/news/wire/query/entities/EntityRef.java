package news.wire.query.entities;

/** An entity of an article as resolution sees it: its id, type and canonical name. */
public record EntityRef(String id, String type, String name) {
}
