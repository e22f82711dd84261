package news.wire.query.stories;

import static news.wire.query.stories.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StoryCentroidTest {

    @Test
    void oneEntityNamedTwoWaysIsPooledOnceWithItsWeightAveraged() {
        ArticleProfile a = article("A", "Netanyahu meets envoy", "Benjamin Netanyahu met the envoy in Jerusalem.")
                .entity("PERSON", "Benjamin Netanyahu", 0.8).entity("LOCATION", "Jerusalem", 0.5).profile();
        ArticleProfile b = article("B", "Envoy leaves", "Netanyahu saw the envoy off.")
                .entity("PERSON", "Netanyahu", 0.6).profile();
        StoryCentroid story = StoryCentroid.of(List.of(a, b));
        assertEquals(List.of("Benjamin Netanyahu", "Jerusalem"), story.entities().stream().map(NamedEntity::name).toList());
        assertEquals((0.8 + 0.6) / 2, story.weight(0), 1e-9);
        assertEquals(0.5 * NamedEntity.typeWeight("LOCATION") / 2, story.weight(1), 1e-9);
    }

    @Test
    void eachArticleCountsOnceInTheWordsHoweverLong() {
        ArticleProfile shortOne = article("A", "Strike", "strike strike").profile();
        ArticleProfile longOne = article("B", "Harbour", "harbour harbour harbour harbour harbour harbour harbour").profile();
        StoryCentroid story = StoryCentroid.of(List.of(shortOne, longOne));
        assertEquals(1.0, story.words().weight("strike"), 1e-9);
        assertEquals(1.0, story.words().weight("harbour"), 1e-9);
    }
}
