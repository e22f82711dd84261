package news.wire.enrich.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import news.wire.enrich.copy.ArticleField;

/** Every rule against one publication time: Wednesday 9 October 2024, noon UTC. Sentences are made up. */
class NewsDateExtractorTest {

    private static final ZonedDateTime WEDNESDAY = ZonedDateTime.parse("2024-10-09T12:00:00Z");

    private final NewsDateExtractor extractor = new NewsDateExtractor();

    private List<DateMention> extract(String text) {
        return extractor.extract(ArticleField.BODY, text, WEDNESDAY);
    }

    /** Asserts the one mention covering exactly {@code phrase} (its first occurrence in {@code text}). */
    private void expect(String text, String phrase, TimexType type, String value, String mod) {
        List<DateMention> mentions = extract(text);
        int start = text.indexOf(phrase);
        assertTrue(start >= 0, "phrase not in sentence: " + phrase);
        DateMention found = mentions.stream().filter(m -> m.start() == start && m.end() == start + phrase.length())
                .findFirst().orElseThrow(() -> new AssertionError("no mention [" + phrase + "] in " + mentions));
        assertEquals(phrase, found.text());
        assertEquals(text.substring(found.start(), found.end()), found.text());
        assertEquals(type, found.type(), phrase);
        assertEquals(value, found.value(), phrase);
        assertEquals(mod, found.mod(), phrase);
        assertEquals(ArticleField.BODY, found.field());
    }

    private void expectDate(String text, String phrase, String value) {
        expect(text, phrase, TimexType.DATE, value, null);
    }

    private void expectNothing(String text) {
        assertEquals(List.of(), extract(text), text);
    }

    @Test
    void namesItsEngine() {
        assertEquals("news-dates/1", extractor.engine());
    }

    @Test
    void anExpressionBeyondTheCalendarIsLeftUntaggedAndTheRestStillFound() {
        // java.time counts years to 999,999,999: before, these threw and the stream dead-lettered the whole article.
        List<DateMention> found = extract("It began 99999999999 years ago, in 2147483648 days it ends, "
                + "and the talks were on Monday.");
        DateMention monday = found.stream().filter(m -> m.text().equals("Monday")).findFirst().orElseThrow();
        assertEquals("2024-10-07", monday.value());
    }

    @Test
    void emptyTextHasNoMentions() {
        expectNothing("");
    }

    @Nested
    class Weekdays {

        @Test
        void bareWeekdayIsTheLastOne() {
            expectDate("The council voted on Monday to close the pier.", "Monday", "2024-10-07");
        }

        @Test
        void futureTenseMakesItTheNextOne() {
            expectDate("The council will meet on Monday to discuss the pier.", "Monday", "2024-10-14");
        }

        @Test
        void sameDayWeekdayIsThatDay() {
            expectDate("The ferry sank on Wednesday, the coastguard said.", "Wednesday", "2024-10-09");
            expectDate("Inspectors will visit the site on Wednesday.", "Wednesday", "2024-10-09");
        }

        @Test
        void reportingVerbNextToTheDayOutweighsALaterWould() {
            expectDate("The mayor said Tuesday that she would resign.", "Tuesday", "2024-10-08");
        }

        @Test
        void lastAndNextPointAwayFromTheStory() {
            expectDate("Trading halted last Friday.", "last Friday", "2024-10-04");
            expectDate("Trading resumes next Friday.", "next Friday", "2024-10-11");
            expectDate("Trading resumed last Wednesday.", "last Wednesday", "2024-10-02");
        }

        @Test
        void aDeadlineWordLooksAheadForWeekdaysAndClockTimesToo() {
            expectDate("The road stays shut until Tuesday.", "Tuesday", "2024-10-15");
            expect("Bids are accepted until 5 p.m. Nov. 4.", "5 p.m. Nov. 4", TimexType.TIME, "2024-11-04T17:00",
                    null);
        }

        @Test
        void partOfDayWidensTheSpanButKeepsTheDay() {
            expectDate("Fire broke out at the depot on Sunday night.", "Sunday night", "2024-10-06");
        }
    }

    @Nested
    class RelativeToTheStory {

        @Test
        void weeksAreIsoWeeks() {
            expectDate("Shares fell this week.", "this week", "2024-W41");
            expectDate("Shares fell last week.", "last week", "2024-W40");
        }

        @Test
        void monthsAndYears() {
            expectDate("The budget is due next month.", "next month", "2024-11");
            expectDate("Exports grew this year.", "this year", "2024");
            expectDate("Exports shrank last year.", "last year", "2023");
        }

        @Test
        void neighbouringDays() {
            expectDate("The strike ended yesterday.", "yesterday", "2024-10-08");
            expectDate("The strike ends today.", "today", "2024-10-09");
            expectDate("The strike ends tomorrow.", "tomorrow", "2024-10-10");
        }

        @Test
        void partsOfTheDayAreTimes() {
            expect("The band plays tonight.", "tonight", TimexType.TIME, "2024-10-09TNI", null);
            expect("Police closed the road this morning.", "this morning", TimexType.TIME, "2024-10-09TMO", null);
            expect("Looters struck last night.", "last night", TimexType.TIME, "2024-10-08TNI", null);
        }

        @Test
        void agoCountsBackAtTheWritersGranularity() {
            expectDate("The dam burst two weeks ago.", "two weeks ago", "2024-09-25");
            expectDate("The mill closed three years ago.", "three years ago", "2021");
            expectDate("The mill closed five months ago.", "five months ago", "2024-05");
        }

        @Test
        void inSomeWeeksWithAFutureVerbIsADate() {
            expectDate("The results will be known in two weeks.", "two weeks", "2024-10-23");
        }

        @Test
        void thePastSomeYearsIsADuration() {
            expect("Rents doubled over the past three years.", "the past three years", TimexType.DURATION, "P3Y",
                    null);
        }
    }

    @Nested
    class CalendarDates {

        @Test
        void monthAloneIsTheLastOne() {
            expectDate("The plant opened in March.", "March", "2024-03");
        }

        @Test
        void monthWithFutureCueIsTheNextOne() {
            expectDate("The plant will open in March.", "March", "2025-03");
        }

        @Test
        void dayAndMonthInEitherOrder() {
            expectDate("Rockets were fired on October 7, officials said.", "October 7", "2024-10-07");
            expectDate("Rockets were fired on 7 October, officials said.", "7 October", "2024-10-07");
            expectDate("Rockets were fired on Oct. 7, officials said.", "Oct. 7", "2024-10-07");
        }

        @Test
        void dayOfTheYearAheadWithAFutureCueIsThisYearsNextOne() {
            expectDate("The vote is scheduled for Nov. 5.", "Nov. 5", "2024-11-05");
        }

        @Test
        void aLaterDayWithoutAnyCueIsLastYears() {
            expectDate("December 7 remains a day of mourning in the town.", "December 7", "2023-12-07");
            expectDate("Snow in November is rare on the coast.", "November", "2023-11");
        }

        @Test
        void aDeadlineWordMakesItTheComingOne() {
            expectDate("Dividend payable Dec. 7 to holders of record Nov. 22.", "Dec. 7", "2024-12-07");
            expectDate("Dividend payable Dec. 7 to holders of record Nov. 22.", "Nov. 22", "2024-11-22");
            expectDate("The new tariff takes effect Nov. 1 for all carriers.", "Nov. 1", "2024-11-01");
            expectDate("The exhibition runs through January at the old mill.", "January", "2025-01");
            expectDate("Bids must arrive by March 3, the council says.", "March 3", "2025-03-03");
        }

        @Test
        void aDeadlineInThePastStaysInThePast() {
            expectDate("The old tariff took effect Nov. 1 for all carriers.", "Nov. 1", "2023-11-01");
            expectDate("The bridge was finished by March, ahead of plan.", "March", "2024-03");
        }

        @Test
        void yearToDateThroughIsNoDeadline() {
            expectDate("Ticket sales are up 4% this year through August.", "August", "2024-08");
            expectDate("Ticket sales are up 4% this year through November.", "November", "2023-11");
        }

        @Test
        void aWeekdayBesideTheDayPicksTheYear() {
            expectDate("The editorial ran on Saturday, Dec. 7.", "Saturday, Dec. 7", "2024-12-07");
            expectDate("The gala will be held on Thursday, Dec. 7.", "Thursday, Dec. 7", "2023-12-07");
        }

        @Test
        void aFutureAuxiliaryGovernsTheParticiplesAfterIt() {
            expectDate("The bank will redeem its preferred shares on Nov. 3.", "Nov. 3", "2024-11-03");
            expectDate("The bonus would be paid in January to all staff.", "January", "2025-01");
            expectDate("She will succeed the founder Feb. 1, the board says.", "Feb. 1", "2025-02-01");
        }

        @Test
        void expectationsAndWindowsLookAhead() {
            expectDate("The firm expects to report results in November.", "November", "2024-11");
            expectDate("No ruling is likely between now and March.", "March", "2025-03");
        }

        @Test
        void aLaterDayInAPastTenseSentenceIsLastYears() {
            expectDate("The company was founded on Dec. 20 by two brothers.", "Dec. 20", "2023-12-20");
        }

        @Test
        void thisMonthIsThisYearsWhicheverSideOfTheStory() {
            expectDate("Voters go to the polls this February.", "this February", "2024-02");
            expectDate("The harbour reopens this December.", "this December", "2024-12");
        }

        @Test
        void fullDates() {
            expectDate("The ceasefire began on October 7, 2023 at dawn.", "October 7, 2023", "2023-10-07");
            expectDate("Filed 2023-10-07 in the district court.", "2023-10-07", "2023-10-07");
            expectDate("Figures for 1996-08-30 were revised.", "1996-08-30", "1996-08-30");
        }

        @Test
        void monthWithYear() {
            expectDate("The line opened in March 2021.", "March 2021", "2021-03");
        }

        @Test
        void bareYear() {
            expectDate("The bridge was built in 2023.", "2023", "2023");
        }

        @Test
        void aFigureWithDecimalsIsNoYear() {
            expectNothing("The index closed at 1874.6 points.");
        }

        @Test
        void decades() {
            expectDate("Tariffs were lower in the 1990s.", "the 1990s", "199");
        }

        @Test
        void quarters() {
            expectDate("Profit rose in the third quarter.", "the third quarter", "2024-Q3");
            expectDate("Third-quarter sales slipped.", "Third-quarter", "2024-Q3");
        }

        @Test
        void seasons() {
            expectDate("The drought began last summer.", "last summer", "2023-SU");
        }

        @Test
        void mayTheSurnameIsNoDate() {
            expectNothing("Theresa May said the plan had failed.");
        }

        @Test
        void mayAfterAPrepositionIsTheMonth() {
            expectDate("The law changed in May.", "May", "2024-05");
        }
    }

    @Nested
    class VagueReferences {

        @Test
        void comingDaysAreTheFuture() {
            expectDate("More rain is expected in the coming days.", "the coming days", "FUTURE_REF");
        }

        @Test
        void nowAndCurrentlyAreThePresent() {
            expectDate("The port is now closed.", "now", "PRESENT_REF");
            expectDate("The port is currently closed.", "currently", "PRESENT_REF");
        }

        @Test
        void recentlyIsThePast() {
            expectDate("The port recently reopened.", "recently", "PAST_REF");
        }
    }

    @Nested
    class Durations {

        @Test
        void approximateAdjectivalDuration() {
            expect("The nearly six-month war ended.", "nearly six-month", TimexType.DURATION, "P6M", "APPROX");
        }

        @Test
        void qualifiedAmounts() {
            expect("Talks lasted more than two years.", "more than two years", TimexType.DURATION, "P2Y", "MORE_THAN");
            expect("Talks lasted less than a week.", "less than a week", TimexType.DURATION, "P1W", "LESS_THAN");
            expect("Talks lasted at least 72 hours.", "at least 72 hours", TimexType.DURATION, "PT72H",
                    "EQUAL_OR_MORE");
            expect("Talks lasted about three days.", "about three days", TimexType.DURATION, "P3D", "APPROX");
            expect("Talks lasted almost a month.", "almost a month", TimexType.DURATION, "P1M", "APPROX");
            expect("Talks lasted some 40 minutes.", "some 40 minutes", TimexType.DURATION, "PT40M", "APPROX");
            expect("Talks lasted around nine months.", "around nine months", TimexType.DURATION, "P9M", "APPROX");
            expect("Talks lasted up to 30 days.", "up to 30 days", TimexType.DURATION, "P30D", "EQUAL_OR_LESS");
        }

        @Test
        void anAmountOfSomethingIsADuration() {
            expect("Residents endured three weeks of flooding.", "three weeks", TimexType.DURATION, "P3W", null);
        }

        @Test
        void unitLongAdjectives() {
            expect("Delegates left their third day-long summit early.", "day-long", TimexType.DURATION, "P1D", null);
            expect("The villages ended a decades-long feud.", "decades-long", TimexType.DURATION, "PXY", null);
        }

        @Test
        void quartersOfSomethingAreFractions() {
            expectNothing("Exports make up about three-quarters of output.");
        }

        @Test
        void laterCountsFromTheEventJustTold() {
            expect("The fire was out two hours later.", "two hours later", TimexType.DURATION, "PT2H", null);
        }

        @Test
        void beforeAnEventCountsFromThatEvent() {
            expect("The car was seen two days before the robbery.", "two days before", TimexType.DURATION, "P2D",
                    null);
            expectDate("The gates had closed three days before, staff said.", "three days before", "2024-10-06");
        }

        @Test
        void hoursAreClockDurations() {
            expect("Power was out for 24 hours.", "24 hours", TimexType.DURATION, "PT24H", null);
        }

        @Test
        void aDecadeIsTenYearsAsTimeBankWritesIt() {
            expect("The feud lasted a decade.", "a decade", TimexType.DURATION, "P10Y", null);
        }

        @Test
        void halves() {
            expect("The hearing lasted 2 1/2 hours.", "2 1/2 hours", TimexType.DURATION, "PT2H30M", null);
        }

        @Test
        void agesAreNotDurations() {
            expectNothing("A 6-year-old boy was rescued.");
        }
    }

    @Nested
    class ClockTimes {

        @Test
        void clockTimeOnThePublicationDay() {
            expect("The blast happened at 3:30 p.m. near the station.", "3:30 p.m.", TimexType.TIME,
                    "2024-10-09T15:30", null);
        }

        @Test
        void approximateTime() {
            expect("The blast happened around 9 a.m. near the station.", "around 9 a.m.", TimexType.TIME,
                    "2024-10-09T09:00", "APPROX");
        }

        @Test
        void midnightAndNoon() {
            expect("The curfew starts at midnight.", "midnight", TimexType.TIME, "2024-10-09T24:00", null);
            expect("The rally starts at noon.", "noon", TimexType.TIME, "2024-10-09T12:00", null);
        }

        @Test
        void timeWithAWeekday() {
            expect("The polls closed at 8 p.m. Monday.", "8 p.m. Monday", TimexType.TIME, "2024-10-07T20:00", null);
        }
    }

    @Nested
    class Recurrences {

        @Test
        void everyWeekday() {
            expect("The market opens every Monday.", "every Monday", TimexType.SET, "XXXX-WXX-1", null);
        }

        @Test
        void adverbsAndEach() {
            expect("The ferry sails daily.", "daily", TimexType.SET, "P1D", null);
            expect("The fair returns each year.", "each year", TimexType.SET, "P1Y", null);
        }
    }

    @Nested
    class Datelines {

        @Test
        void reutersDateline() {
            expectDate("WASHINGTON, Oct 7 (Reuters) - Officials met.", "Oct 7", "2024-10-07");
        }

        @Test
        void isoDateline() {
            expectDate("LONDON 1996-08-30\nShares rose.", "1996-08-30", "1996-08-30");
        }

        @Test
        void datelineNearTheTurnOfTheYearIsTheNearestDay() {
            List<DateMention> mentions = extractor.extract(ArticleField.BODY, "BERLIN, Dec 31 (Reuters) - Fireworks.",
                    ZonedDateTime.parse("2025-01-01T01:00:00Z"));
            assertEquals("2024-12-31", mentions.get(0).value());
        }
    }

    @Nested
    class PositionsInAPeriod {

        @Test
        void earlyMidLate() {
            expect("Prices peaked in early 2023.", "early 2023", TimexType.DATE, "2023", "START");
            expect("Prices peaked in mid-March.", "mid-March", TimexType.DATE, "2024-03", "MID");
            expect("Prices peaked late last year.", "late last year", TimexType.DATE, "2023", "END");
            expect("Prices will peak by the end of the year.", "the end of the year", TimexType.DATE, "2024", "END");
        }
    }

    @Test
    void offsetsAreUtf16AndMentionsComeInOrder() {
        String text = "Das Café 😀 öffnete yesterday, and closed today.";
        List<DateMention> mentions = extract(text);
        assertEquals(2, mentions.size());
        assertEquals("yesterday", text.substring(mentions.get(0).start(), mentions.get(0).end()));
        assertEquals("today", mentions.get(1).text());
        assertTrue(mentions.get(0).end() <= mentions.get(1).start());
    }

    @Test
    void headlineFieldIsKept() {
        List<DateMention> mentions = extractor.extract(ArticleField.HEADLINE, "Markets slide on Monday", WEDNESDAY);
        assertEquals(ArticleField.HEADLINE, mentions.get(0).field());
    }
}
