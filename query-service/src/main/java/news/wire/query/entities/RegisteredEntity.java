package news.wire.query.entities;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One real-world entity as the registry keeps it: its id, type and canonical name, whether that name is a full one
 * (more than one word) or a short form still standing alone, the keys of every name it was seen under
 * ({@link ShortForms#key}), the same names in lowercase as articles wrote them, when each name was learned, and the
 * keys of the shorter names it could go by ({@link ShortForms#shortKeys}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredEntity(String id, String type, String name, boolean full, List<String> aliases,
                               List<String> names, List<Learned> learned, List<String> shortKeys) {

    /** A name this entity was first seen under, when, and in which article: the record of a merge. */
    public record Learned(String alias, String at, String articleId) {
    }
}
