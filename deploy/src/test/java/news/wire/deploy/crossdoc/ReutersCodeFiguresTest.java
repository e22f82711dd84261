package news.wire.deploy.crossdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReutersCodeFiguresTest {

    @Test
    void findsTheDominantIdItsCoverageAndNamesSharingAWord() {
        ReutersCodeFigures figures = new ReutersCodeFigures();
        figures.add(story("james-baker", person("p1", "James Baker")));
        figures.add(story("james-baker", person("p1", "James Baker")));
        figures.add(story("james-baker", person("p2", "Baker")));
        figures.add(story("james-baker", person("p3", "Ronald Reagan")));

        ReutersCodeFigures.CodeFigures baker = figures.figures().get(0);

        assertEquals("james-baker", baker.code());
        assertEquals(4, baker.stories());
        assertEquals("p1", baker.dominantId());
        assertEquals(0.5, baker.coverage(), 1e-9);
        assertEquals(List.of("Baker"), baker.splitNames());
    }

    @Test
    void wordsOfANameIncludeItsLettersRunTogether() {
        assertEquals(Set.of("us"), ReutersCodeFigures.words("U.S."));
        assertEquals(Set.of("bank", "england", "bankofengland"), ReutersCodeFigures.words("Bank of England"));
    }

    private static ReutersCodeFigures.CodedStory story(String person, SystemEntities.Entity... entities) {
        return new ReutersCodeFigures.CodedStory(Map.of(ReutersCodeFigures.Category.PEOPLE, List.of(person)),
                List.of(entities));
    }

    private static SystemEntities.Entity person(String id, String name) {
        return new SystemEntities.Entity(id, "PERSON", name, List.of());
    }
}
