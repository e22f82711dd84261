package news.wire.query.stories;

import static news.wire.query.stories.Articles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FiguresTableTest {

    @Test
    void rangesOfQualifiedFiguresDecideAgreement() {
        assertFalse(figure(100, "EXACT").agreesWith(figure(120, "EXACT")));
        assertTrue(figure(100, "EXACT").agreesWith(figure(100, "EXACT")));
        assertTrue(figure(100, "GREATER_THAN").agreesWith(figure(120, "EXACT")));
        assertFalse(figure(100, "GREATER_THAN").agreesWith(figure(100, "EXACT")), "more than 100 is not 100");
        assertTrue(figure(100, "AT_LEAST").agreesWith(figure(100, "EXACT")));
        assertTrue(figure(100, "APPROX").agreesWith(figure(109, "EXACT")));
        assertFalse(figure(100, "APPROX").agreesWith(figure(115, "EXACT")));
        assertTrue(figure(100, "APPROX").agreesWith(figure(118, "APPROX")), "about 100 and about 118 overlap");
        assertFalse(figure(50, "LESS_THAN").agreesWith(figure(50, "EXACT")));
        assertTrue(figure(50, "AT_MOST").agreesWith(figure(50, "EXACT")));
        assertFalse(figure(100, "GREATER_THAN").agreesWith(figure(100, "AT_MOST")));
        assertTrue(figure(32_400, "GREATER_THAN").agreesWith(figure(33_900, "GREATER_THAN")));
    }

    @Test
    void rowsJoinSingularAndPluralAndFlagSourcesThatDisagree() {
        List<FigureRow> table = FiguresTable.of(List.of(
                article("Wire A", "h", "b").figure(100, "EXACT", "hostages", "100").figure(1, "EXACT", null, "first").json(),
                article("Wire B", "h", "b").figure(120, "EXACT", "Hostage", "120").json(),
                article("Wire C", "h", "b").figure(3000, "GREATER_THAN", "casualties", "more than 3,000").json(),
                article("Wire D", "h", "b").figure(3500, "APPROX", "casualty", "about 3,500").json()));

        assertEquals(2, table.size(), "figures without a counted thing are not rows");
        FigureRow hostages = table.stream().filter(r -> r.counted().equals("hostage")).findFirst().orElseThrow();
        assertEquals(List.of("Wire A", "Wire B"), hostages.sources().stream().map(FigureRow.SourceFigures::source).toList());
        assertTrue(hostages.disagree());
        FigureRow casualties = table.stream().filter(r -> r.counted().equals("casualty")).findFirst().orElseThrow();
        assertFalse(casualties.disagree());
    }

    @Test
    void oneSourceAgreesWhenAnyOfItsFiguresMatchesAndAloneItNeverDisagrees() {
        List<FigureRow> table = FiguresTable.of(List.of(
                article("Wire A", "h", "b").figure(7, "EXACT", "people", "seven").figure(1200, "EXACT", "people", "1,200").json(),
                article("Wire B", "h", "b").figure(1200, "EXACT", "people", "1,200").json(),
                article("Wire C", "h", "b").figure(4, "EXACT", "battalions", "four")
                        .figure(0.667, "EXACT", "dead", "two-thirds").json()));
        assertEquals(2, table.size(), "a share is not a count");
        assertFalse(table.get(0).disagree());
        assertEquals("people", table.get(0).counted());
        assertEquals(1200L, table.get(0).sources().get(0).figures().get(1).value());
        assertFalse(table.get(1).disagree());
    }

    @Test
    void smallCountsOfThingsAndSpansOfTimeMakeNoRows() {
        List<FigureRow> table = FiguresTable.of(List.of(
                article("Wire A", "h", "b").figure(2, "EXACT", "sides", "two").figure(1, "EXACT", "set", "one")
                        .figure(6, "APPROX", "months", "nearly six").figure(3, "EXACT", "homes", "three")
                        .figure(4, "EXACT", "battalions", "four").figure(1200, "EXACT", "homes", "1,200")
                        .figure(2, "EXACT", "soldiers", "two").json()));
        assertEquals(List.of("battalion", "home", "soldier"), table.stream().map(FigureRow::counted).sorted().toList(),
                "people and their units at any count, other things from ten up, never time");
    }

    @Test
    void peopleUnderTwoWordsJoinWhereTheFigureIsTheSame() {
        List<FigureRow> table = FiguresTable.of(List.of(
                article("Wire A", "h", "b").figure(1_000_000, "GREATER_THAN", "refugees", "more than a million")
                        .figure(100, "GREATER_THAN", "detainees", "more than 100").json(),
                article("Wire B", "h", "b").figure(1_000_000, "GREATER_THAN", "civilians", "more than a million")
                        .figure(100, "APPROX", "hostages", "100 or so").figure(250, "APPROX", "hostages", "about 250")
                        .figure(1200, "EXACT", "people", "1,200").json(),
                article("Wire C", "h", "b").figure(33_900, "GREATER_THAN", "lives", "over 33,900").json()));
        assertEquals(List.of("detainee / hostage", "life", "people", "refugee / civilian"),
                table.stream().map(FigureRow::counted).sorted().toList());
        FigureRow refugees = table.stream().filter(r -> r.counted().equals("refugee / civilian")).findFirst().orElseThrow();
        assertEquals(List.of("Wire A", "Wire B"), refugees.sources().stream().map(FigureRow.SourceFigures::source).toList());
        assertFalse(refugees.disagree());
    }

    @Test
    void peopleOneSourceCountsApartStayApart() {
        List<FigureRow> table = FiguresTable.of(List.of(
                article("Wire A", "h", "b").figure(100, "EXACT", "detainees", "100").figure(100, "EXACT", "hostages", "100")
                        .json(),
                article("Wire B", "h", "b").figure(100, "EXACT", "hostages", "100").json()));
        assertEquals(List.of("detainee", "hostage"), table.stream().map(FigureRow::counted).sorted().toList());
    }

    @Test
    void countedThingsAreLowercaseSingular() {
        assertEquals("hostage", CountedThing.of("Hostages"));
        assertEquals("casualty", CountedThing.of("casualties"));
        assertEquals("palestinian civilian", CountedThing.of("Palestinian  civilians"));
        assertEquals("people", CountedThing.of("people"));
        assertEquals("bus", CountedThing.of("bus"));
        assertEquals("child", CountedThing.of("children"));
        assertEquals("people", CountedThing.of("person"));
    }

    private static ReportedFigure figure(double value, String qualifier) {
        return new ReportedFigure(value, qualifier, "CARDINAL", null, null, "a", "text");
    }
}
