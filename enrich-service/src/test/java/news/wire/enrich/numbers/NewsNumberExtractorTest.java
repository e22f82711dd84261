package news.wire.enrich.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import news.wire.enrich.copy.ArticleField;
import news.wire.enrich.dates.DateMention;
import news.wire.enrich.dates.TimexType;

class NewsNumberExtractorTest {

    private static final double EPSILON = 1e-9;

    private final NewsNumberExtractor extractor = new NewsNumberExtractor();

    /** Every mention's offsets must point at its own text; checked on every sentence the tests read. */
    private List<NumberMention> read(String text) {
        List<NumberMention> mentions = extractor.extract(ArticleField.BODY, text);
        for (NumberMention m : mentions) {
            assertEquals(m.text(), text.substring(m.start(), m.end()), () -> "offsets of " + m);
            assertEquals(ArticleField.BODY, m.field());
        }
        return mentions;
    }

    private NumberMention only(String text) {
        List<NumberMention> mentions = read(text);
        assertEquals(1, mentions.size(), () -> "one figure expected in \"" + text + "\", got " + mentions);
        return mentions.get(0);
    }

    private NumberMention mention(String text, String surface) {
        List<NumberMention> mentions = read(text);
        return mentions.stream().filter(m -> m.text().equals(surface)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + surface + "\" in " + mentions));
    }

    private static void assertFigure(NumberMention m, double value, NumberKind kind, Qualifier qualifier) {
        assertEquals(value, m.value(), EPSILON, () -> "value of " + m);
        assertEquals(kind, m.kind(), () -> "kind of " + m);
        assertEquals(qualifier, m.qualifier(), () -> "qualifier of " + m);
    }

    @Test
    void namesItsEngine() {
        assertEquals("news-numbers/1", extractor.engine());
    }

    @Test
    void copyWithoutFiguresGivesNothing() {
        assertTrue(read("The minister declined to comment on the talks.").isEmpty());
        assertTrue(extractor.extract(ArticleField.BODY, "").isEmpty());
    }

    @Nested
    class Counts {

        @Test
        void plainCountNamesWhatItCounts() {
            NumberMention m = only("Rescuers pulled 14 miners from the flooded shaft.");
            assertFigure(m, 14, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("miners", m.counted());
            assertNull(m.currency());
            assertNull(m.unit());
        }

        @Test
        void moreThanAMillionRefugees() {
            NumberMention m = only("The agency said more than a million refugees had crossed the river.");
            assertFigure(m, 1_000_000, NumberKind.CARDINAL, Qualifier.GREATER_THAN);
            assertEquals("refugees", m.counted());
            assertEquals("more than a million", m.text());
        }

        @Test
        void decimalMillions() {
            NumberMention m = only("The census counted 1.3 million households in the province.");
            assertFigure(m, 1_300_000, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("1.3 million", m.text());
            assertEquals("households", m.counted());
        }

        @Test
        void thousandsSeparatorAndOver() {
            NumberMention m = only("The flooding has now cost over 33,900 lives across the delta.");
            assertFigure(m, 33_900, NumberKind.CARDINAL, Qualifier.GREATER_THAN);
            assertEquals("lives", m.counted());
            assertEquals("over 33,900", m.text());
        }

        @Test
        void orSoAfterTheFigure() {
            NumberMention m = only("Negotiators believe 100 or so hostages are still held in the tunnels.");
            assertFigure(m, 100, NumberKind.CARDINAL, Qualifier.APPROX);
            assertEquals("hostages", m.counted());
            assertEquals("100 or so", m.text());
        }

        @Test
        void headNounWithoutItsAdjective() {
            NumberMention m = only("The deal freed 150 Palestinian prisoners on Tuesday.");
            assertEquals("prisoners", m.counted());
        }

        @Test
        void lastNounOfACompound() {
            assertEquals("officers", only("Six police officers were hurt in the clashes.").counted());
        }

        @Test
        void ofIsSkippedAfterRoundNumbersAndBeforeTheWholeGroup() {
            assertEquals("people", only("Millions of people watched the final.").counted());
            assertEquals("hostages", only("Three of the hostages were released.").counted());
        }

        @Test
        void noCountedNounWhenTheSentenceDoesNotSayOne() {
            NumberMention m = only("The index closed at 7,412 after a quiet session.");
            assertFigure(m, 7412, NumberKind.CARDINAL, Qualifier.EXACT);
            assertNull(m.counted());
        }

        @Test
        void verbAfterThePluralIsNotCounted() {
            assertEquals("people", only("At least 40 people died when the bridge fell.").counted());
        }

        @Test
        void oneCountsOnlyWhenItNamesWhatItCounts() {
            NumberMention m = only("One fisherman was missing, and no one else was hurt.");
            assertFigure(m, 1, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("fisherman", m.counted());
            assertTrue(read("No one answered, and the one thing left was the car.").stream()
                    .noneMatch(x -> x.text().equalsIgnoreCase("one") && x.counted() == null));
        }

        @Test
        void negativeFigures() {
            NumberMention c = only("Overnight the temperature fell to -12C in the valley.");
            assertFigure(c, -12, NumberKind.QUANTITY, Qualifier.EXACT);
            assertEquals("°C", c.unit());
            assertEquals("-12C", c.text());
            assertEquals(-3, only("The account showed minus 3 after the fees.").value(), EPSILON);
        }
    }

    @Nested
    class Hedges {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                About 40 families were moved out.             | About 40           | APPROX
                Nearly 50 boats were lost.                    | Nearly 50          | APPROX
                Some 60 firms signed the letter.              | Some 60            | APPROX
                Around 70 lorries queued at the border.       | Around 70          | APPROX
                Roughly 80 houses were searched.              | Roughly 80         | APPROX
                Almost 90 schools stayed shut.                | Almost 90          | APPROX
                Police held an estimated 300 protesters.      | an estimated 300   | APPROX
                The strike drew 500 or so nurses.             | 500 or so          | APPROX
                More than 20 villages were cut off.           | More than 20       | GREATER_THAN
                Over 30 ships were turned back.               | Over 30            | GREATER_THAN
                Prices stayed above 15 dollars a barrel.      | above 15 dollars a barrel | GREATER_THAN
                Less than 10 tickets were left.               | Less than 10       | LESS_THAN
                Fewer than 12 clubs entered.                  | Fewer than 12      | LESS_THAN
                Under 25 members voted for it.                | Under 25           | LESS_THAN
                Turnout fell below 40 percent.                | below 40 percent   | LESS_THAN
                At least 9 climbers were rescued.             | At least 9         | AT_LEAST
                The hall holds at most 200 guests.            | at most 200        | AT_MOST
                The fund will lend up to 11 towns money.      | up to 11           | AT_MOST
                No more than 12 trucks may cross each day.    | No more than 12    | AT_MOST
                """)
        void hedgeBeforeOrAfterTheFigure(String sentence, String surface, Qualifier qualifier) {
            NumberMention m = mention(sentence, surface);
            assertEquals(qualifier, m.qualifier());
        }

        @Test
        void hedgeWithoutAFigureIsNotConsumed() {
            NumberMention m = only("Some of the 40 crew members slept over the weekend.");
            assertFigure(m, 40, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("40", m.text());
        }

        @Test
        void figuresFollowedByOrMoreOrFewer() {
            assertEquals(Qualifier.AT_LEAST, mention("Buyers need 500 or more shares.", "500 or more").qualifier());
            assertEquals(Qualifier.AT_MOST, mention("Groups of 20 or fewer pupils.", "20 or fewer").qualifier());
        }
    }

    @Nested
    class Shares {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Inflation reached 12% in the spring.", "Inflation reached 12 percent in the spring.",
            "Inflation reached 12 per cent in the spring."})
        void percentWrittenThreeWays(String sentence) {
            NumberMention m = only(sentence);
            assertFigure(m, 12, NumberKind.PERCENT, Qualifier.EXACT);
            assertNull(m.unit());
            assertNull(m.counted());
        }

        @Test
        void percentagePoints() {
            NumberMention m = only("The party's lead narrowed by 12.5 percentage points.");
            assertFigure(m, 12.5, NumberKind.PERCENT, Qualifier.EXACT);
            assertEquals("percentage point", m.unit());
            assertEquals("12.5 percentage points", m.text());
        }
    }

    @Nested
    class Money {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                The port was sold for $2.5 billion last year.      | $2.5 billion       | 2.5e9  | USD
                The club paid £40m for the striker.                | £40m               | 4.0e7  | GBP
                The bank set aside €3 bn for bad loans.            | €3 bn              | 3.0e9  | EUR
                The city will borrow 40 million euros.             | 40 million euros   | 4.0e7  | EUR
                The state budgeted Rs 500 crore for the dam.       | Rs 500 crore       | 5.0e9  | INR
                The carrier lost US$500m in the quarter.           | US$500m            | 5.0e8  | USD
                The lender raised HK$3 billion.                    | HK$3 billion       | 3.0e9  | HKD
                The merger is worth 3 trillion yen.                | 3 trillion yen     | 3.0e12 | JPY
                Shares closed at 120p on Friday.                   | 120p               | 1.2    | GBP
                The ministry spent 4.5bn yuan on roads.            | 4.5bn yuan         | 4.5e9  | CNY
                Qantas earned A$1.2 billion in the half.           | A$1.2 billion      | 1.2e9  | AUD
                Sales reached 40 million Australian dollars.       | 40 million Australian dollars | 4.0e7 | AUD
                Petronas paid RM5 billion in dividends.            | RM5 billion        | 5.0e9  | MYR
                The stall owner was fined 500 ringgit.             | 500 ringgit        | 500    | MYR
                The bond raised 5,000 Malaysian ringgit.           | 5,000 Malaysian ringgit | 5000 | MYR
                The fund lost 12 billion Norwegian crowns.         | 12 billion Norwegian crowns | 1.2e10 | NOK
                Jakarta set aside Rp 3 trillion for the dam.       | Rp 3 trillion      | 3.0e12 | IDR
                The budget adds 3 trillion rupiah for schools.     | 3 trillion rupiah  | 3.0e12 | IDR
                The fund raised 2 billion baht last month.         | 2 billion baht     | 2.0e9  | THB
                A bowl of noodles costs ฿60 in Bangkok.            | ฿60                | 60     | THB
                Hanoi spent ₫2 trillion on the bridge.             | ₫2 trillion        | 2.0e12 | VND
                Manila pledged ₱500 million in aid.                | ₱500 million       | 5.0e8  | PHP
                The deal was worth 40 million pounds sterling.     | 40 million pounds sterling | 4.0e7 | GBP
                The fine was 800 million forint.                   | 800 million forint | 8.0e8  | HUF
                The lender wrote off 2 billion Swedish kronor.     | 2 billion Swedish kronor | 2.0e9 | SEK
                Nairobi raised Ksh 10 billion from the bond.       | Ksh 10 billion     | 1.0e10 | KES
                Prague spent 5 billion Czech korunas.              | 5 billion Czech korunas | 5.0e9 | CZK
                The bank booked MYR 300 million in fees.           | MYR 300 million    | 3.0e8  | MYR
                """)
        void amountsAndTheirCurrency(String sentence, String surface, double value, String currency) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.MONEY, Qualifier.EXACT);
            assertEquals(currency, m.currency());
            assertNull(m.counted());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Brent rose to $82 a barrel on Monday.              | $82 a barrel       | 82     | USD | per barrel
                Gold hit $2,400 an ounce in New York.              | $2,400 an ounce    | 2400   | USD | per oz
                Rice sells for 45 baht a kilo at the market.       | 45 baht a kilo     | 45     | THB | per kg
                Power traded at 95 euros per megawatt-hour.        | 95 euros per megawatt-hour | 95 | EUR | per MWh
                The company will pay 50 cents a share.             | 50 cents a share   | 0.5    | USD | per share
                The vaccine costs $3 a dose in poor countries.     | $3 a dose          | 3      | USD | per dose
                The minimum wage rises to £11.44 an hour.          | £11.44 an hour     | 11.44  | GBP | per hour
                Wheat traded at 250 euros per tonne in Paris.      | 250 euros per tonne | 250   | EUR | per tonne
                The board paid a dividend of 40p a share.          | 40p a share        | 0.4    | GBP | per share
                The chief executive earns $2 million a year.       | $2 million a year  | 2.0e6  | USD | per year
                """)
        void pricesSayWhatTheyAreFor(String sentence, String surface, double value, String currency, String unit) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.MONEY, Qualifier.EXACT);
            assertEquals(currency, m.currency());
            assertEquals(unit, m.unit());
        }

        @Test
        void currencyCodesThatAreWordsAreNotMoney() {
            NumberMention m = only("ALL 40 MINERS RESCUED");
            assertFigure(m, 40, NumberKind.CARDINAL, Qualifier.EXACT);
            assertNull(m.currency());
        }

        @Test
        void hedgedMoneyKeepsTheHedgeInItsSpan() {
            NumberMention m = only("Repairs will cost about €1.1bn, the ministry said.");
            assertFigure(m, 1.1e9, NumberKind.MONEY, Qualifier.APPROX);
            assertEquals("about €1.1bn", m.text());
        }

        @Test
        void poundsAreSterlingOnlyAfterAScale() {
            assertEquals("GBP", only("The hospital wing cost 40 million pounds.").currency());
            NumberMention weight = only("The boxer weighed in at 300 pounds.");
            assertEquals(NumberKind.QUANTITY, weight.kind());
            assertEquals("lb", weight.unit());
        }

        @Test
        void roundPluralsOfMoney() {
            NumberMention m = only("The scheme wasted millions of dollars.");
            assertFigure(m, 2_000_000, NumberKind.MONEY, Qualifier.AT_LEAST);
            assertEquals("USD", m.currency());
        }
    }

    @Nested
    class Quantities {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                The convoy stopped 40 km from the city.        | 40 km            | 40    | km
                The ship carried 5,000 tonnes of wheat.        | 5,000 tonnes     | 5000  | tonne
                The fire spread 3 miles overnight.             | 3 miles          | 3     | mile
                It was 20 degrees at noon.                     | 20 degrees       | 20    | degree
                The wall stands 6 feet high.                   | 6 feet           | 6     | ft
                Officers seized 250 kg of cocaine.             | 250 kg           | 250   | kg
                The well pumps 12 barrels an hour.             | 12 barrels       | 12    | barrel
                Gusts reached 120 mph on the coast.            | 120 mph          | 120   | mph
                The heat hit 41C in the capital.               | 41C              | 41    | °C
                Crews cleared a 30-mile stretch of road.       | 30-mile          | 30    | mile
                She won the 100m sprint.                       | 100m             | 100   | m
                The reservoir covers 12,000 square kilometres. | 12,000 square kilometres | 12000 | km2
                The plant will add 400 megawatts next year.    | 400 megawatts    | 400   | MW
                The engine makes 300 horsepower.               | 300 horsepower   | 300   | hp
                The new model has 420 hp under the bonnet.     | 420 hp           | 420   | hp
                It peaks at 6,500 rpm on the test bench.       | 6,500 rpm        | 6500  | rpm
                The chip runs at 3.2 GHz when cool.            | 3.2 GHz          | 3.2   | GHz
                The station broadcasts on 98.5 MHz from Dover. | 98.5 MHz         | 98.5  | MHz
                The grid runs at 50 hertz across Europe.       | 50 hertz         | 50    | Hz
                The hybrid returns 58 mpg in town.             | 58 mpg           | 58    | mpg
                Nitrate levels reached 80 ppm in the river.    | 80 ppm           | 80    | ppm
                Benzene was measured at 12 parts per billion.  | 12 parts per billion | 12 | ppb
                The tyres need 32 psi when cold.               | 32 psi           | 32    | psi
                The Nikkei shed 420 points on Tuesday.         | 420 points       | 420   | point
                """)
        void measuresAndTheirUnits(String sentence, String surface, double value, String unit) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.QUANTITY, Qualifier.EXACT);
            assertEquals(unit, m.unit());
            assertNull(m.counted());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                A 45-year-old man was arrested at the scene.   | 45-year-old      | 45
                The driver, aged 67, was unhurt.               | 67               | 67
                The singer, who is 81 years old, retired.      | 81 years old     | 81
                At age 16 she left school.                     | 16               | 16
                """)
        void agesAreYearsOfAge(String sentence, String surface, double value) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.QUANTITY, Qualifier.EXACT);
            assertEquals("year", m.unit());
            assertEquals("age", m.counted());
        }

        @Test
        void anAgeRangeIsTwoAges() {
            for (String sentence : List.of("The victims were aged between 18 and 25.", "Children aged 18 to 25 joined.")) {
                List<NumberMention> ms = read(sentence);
                assertEquals(2, ms.size(), ms::toString);
                assertFigure(ms.get(0), 18, NumberKind.QUANTITY, Qualifier.AT_LEAST);
                assertFigure(ms.get(1), 25, NumberKind.QUANTITY, Qualifier.AT_MOST);
                assertEquals("year", ms.get(1).unit());
                assertEquals("age", ms.get(0).counted());
            }
        }

        @Test
        void aPriceRangeIsForTheSameAmountAtBothEnds() {
            List<NumberMention> ms = read("Analysts see oil at $75-80 a barrel by spring.");
            assertEquals(List.of("per barrel", "per barrel"), ms.stream().map(NumberMention::unit).toList());
            assertEquals("USD", ms.get(1).currency());
        }

        @Test
        void anEarthquakesMagnitudeIsItsUnit() {
            assertEquals("magnitude", only("A magnitude 6.8 earthquake struck off the coast.").unit());
            assertEquals("magnitude", only("A 7.1 magnitude quake hit the region.").unit());
        }

        @Test
        void yearsGoneByAreNotAnAge() {
            NumberMention m = only("He served 15 years in prison.");
            assertFigure(m, 15, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("years", m.counted());
        }

        @Test
        void aChangeThenALevelIsNoRange() {
            List<NumberMention> ms = read("The FTSE 100 fell 40 points to 7,500 on Friday.");
            assertEquals(List.of("40 points", "7,500"), ms.stream().map(NumberMention::text).toList());
            assertEquals(Qualifier.EXACT, ms.get(0).qualifier());
            assertEquals(Qualifier.EXACT, ms.get(1).qualifier());
        }

        @Test
        void mBeforeAPluralNounIsMillions() {
            NumberMention m = only("About 1m websites were hit by the worm.");
            assertFigure(m, 1_000_000, NumberKind.CARDINAL, Qualifier.APPROX);
            assertEquals("websites", m.counted());
        }
    }

    @Nested
    class Ranks {

        @Test
        void spelledAndNumericRanks() {
            assertFigure(mention("She finished third in the final.", "third"), 3, NumberKind.ORDINAL,
                    Qualifier.EXACT);
            assertFigure(mention("It was the 21st edition of the race.", "21st"), 21, NumberKind.ORDINAL,
                    Qualifier.EXACT);
            assertFigure(mention("The twenty-first summit opened.", "twenty-first"), 21, NumberKind.ORDINAL,
                    Qualifier.EXACT);
        }

        @Test
        void secondLargestIsARankOfTwo() {
            NumberMention m = only("It is the country's second-largest port.");
            assertFigure(m, 2, NumberKind.ORDINAL, Qualifier.EXACT);
            assertEquals("second", m.text());
            assertNull(m.counted());
        }

        @Test
        void aSecondOfTimeIsNotARank() {
            assertTrue(read("Wait a second, the driver said, and a second later the lights went out.").isEmpty());
            assertTrue(read("He stopped for a split second.").isEmpty());
        }

        @Test
        void aThirdIsAFractionBeforeOfAndARankBeforeANoun() {
            assertFigure(only("A third of homes lost power."), 0.333, NumberKind.CARDINAL, Qualifier.EXACT);
            assertFigure(only("She is seeking a third term."), 3, NumberKind.ORDINAL, Qualifier.EXACT);
        }

        @Test
        void theSecondHalfIsARankNotAFraction() {
            NumberMention m = only("He scored in the second half.");
            assertFigure(m, 2, NumberKind.ORDINAL, Qualifier.EXACT);
        }
    }

    @Nested
    class Fractions {

        @Test
        void twoThirdsRoundedToThreeDecimals() {
            NumberMention m = only("Two-thirds of voters backed the plan.");
            assertFigure(m, 0.667, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("Two-thirds", m.text());
            assertEquals("voters", m.counted());
        }

        @Test
        void halfOfSomething() {
            NumberMention m = only("Half the staff left within a year.");
            assertFigure(m, 0.5, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("staff", m.counted());
            assertFigure(only("Nearly half of the farms flooded."), 0.5, NumberKind.CARDINAL, Qualifier.APPROX);
        }

        @Test
        void threeQuarters() {
            assertEquals(0.75, only("Three quarters of the budget went on wages.").value(), EPSILON);
        }

        @Test
        void fractionOfARoundNumber() {
            NumberMention m = only("Half a million people lost power.");
            assertFigure(m, 500_000, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("Half a million", m.text());
            assertEquals("people", m.counted());
            assertEquals(250_000, only("A quarter of a million homes were hit.").value(), EPSILON);
        }

        @Test
        void fractionOfAUnit() {
            NumberMention m = only("The queue stretched half a mile.");
            assertFigure(m, 0.5, NumberKind.QUANTITY, Qualifier.EXACT);
            assertEquals("mile", m.unit());
        }
    }

    @Nested
    class SpelledOut {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Twenty-five soldiers were injured.              | Twenty-five                | 25    | soldiers
                The storm damaged three hundred homes.          | three hundred              | 300   | homes
                The bill lists three hundred and twelve items.  | three hundred and twelve   | 312   | items
                Police found a dozen rifles.                    | a dozen                    | 12    | rifles
                Rescuers reached seven villages.                | seven                      | 7     | villages
                The firm hired two thousand workers.            | two thousand               | 2000  | workers
                """)
        void wordsIntoValues(String sentence, String surface, double value, String counted) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals(counted, m.counted());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Dozens of people gathered outside.                    | Dozens                | 24     | people
                Hundreds of homes were flooded.                       | Hundreds              | 200    | homes
                Tens of thousands of protesters marched.              | Tens of thousands     | 20000  | protesters
                Hundreds of thousands of voters stayed home.          | Hundreds of thousands | 200000 | voters
                Several hundred migrants landed overnight.            | Several hundred       | 300    | migrants
                Scores of birds died in the spill.                    | Scores                | 40     | birds
                """)
        void roundPluralsMeanAtLeastTwoOfThem(String sentence, String surface, double value, String counted) {
            NumberMention m = mention(sentence, surface);
            assertFigure(m, value, NumberKind.CARDINAL, Qualifier.AT_LEAST);
            assertEquals(counted, m.counted());
        }

        @Test
        void explicitHedgeWinsOverTheRoundPlural() {
            NumberMention m = only("More than a dozen ministers resigned.");
            assertFigure(m, 12, NumberKind.CARDINAL, Qualifier.GREATER_THAN);
        }

        @Test
        void roundPluralWithoutOfIsNotAFigure() {
            assertTrue(read("Fans turned out in their thousands.").isEmpty());
        }
    }

    @Nested
    class Ranges {

        @Test
        void betweenGivesALowAndAHighEnd() {
            List<NumberMention> ms = read("Between 10 and 20 people were hurt.");
            assertEquals(2, ms.size(), ms::toString);
            assertFigure(ms.get(0), 10, NumberKind.CARDINAL, Qualifier.AT_LEAST);
            assertEquals("Between 10", ms.get(0).text());
            assertFigure(ms.get(1), 20, NumberKind.CARDINAL, Qualifier.AT_MOST);
            assertEquals("20", ms.get(1).text());
            assertEquals("people", ms.get(0).counted());
            assertEquals("people", ms.get(1).counted());
        }

        @Test
        void dashedRange() {
            List<NumberMention> ms = read("Each cell held 10-20 inmates.");
            assertEquals(2, ms.size(), ms::toString);
            assertFigure(ms.get(0), 10, NumberKind.CARDINAL, Qualifier.AT_LEAST);
            assertFigure(ms.get(1), 20, NumberKind.CARDINAL, Qualifier.AT_MOST);
            assertEquals("inmates", ms.get(0).counted());
        }

        @Test
        void scaleAndCurrencyWrittenOnceApplyToBothEnds() {
            List<NumberMention> ms = read("Analysts value the unit at $10-20 million.");
            assertEquals(2, ms.size(), ms::toString);
            assertFigure(ms.get(0), 1e7, NumberKind.MONEY, Qualifier.AT_LEAST);
            assertEquals("USD", ms.get(0).currency());
            assertEquals("$10", ms.get(0).text());
            assertFigure(ms.get(1), 2e7, NumberKind.MONEY, Qualifier.AT_MOST);
            assertEquals("USD", ms.get(1).currency());
            assertEquals("20 million", ms.get(1).text());
        }

        @Test
        void shareRange() {
            List<NumberMention> ms = read("Rents rose 5 to 8 percent.");
            assertEquals(2, ms.size(), ms::toString);
            assertEquals(NumberKind.PERCENT, ms.get(0).kind());
            assertEquals(NumberKind.PERCENT, ms.get(1).kind());
        }

        @Test
        void hedgeBeforeARangeCoversBothEnds() {
            List<NumberMention> ms = read("About 30-40 trucks waited.");
            assertEquals(Qualifier.APPROX, ms.get(0).qualifier());
            assertEquals(Qualifier.APPROX, ms.get(1).qualifier());
        }

        @Test
        void fromToIsAChangeNotARange() {
            List<NumberMention> ms = read("The fare rose from 10 to 20 euros.");
            assertEquals(2, ms.size(), ms::toString);
            assertFigure(ms.get(0), 10, NumberKind.CARDINAL, Qualifier.EXACT);
            assertFigure(ms.get(1), 20, NumberKind.MONEY, Qualifier.EXACT);
        }

        @Test
        void scoreIsTwoFigures() {
            List<NumberMention> ms = read("The visitors won 3-1 in the rain.");
            assertEquals(2, ms.size(), ms::toString);
            assertFigure(ms.get(0), 3, NumberKind.CARDINAL, Qualifier.EXACT);
            assertFigure(ms.get(1), 1, NumberKind.CARDINAL, Qualifier.EXACT);
        }
    }

    @Nested
    class NotFigures {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "The law was passed in 2023.",
            "The file was dated 1996-08-30.",
            "The attack came on October 7.",
            "The attack came on 7 October.",
            "The memo, sent Oct. 7, 2023, was leaked.",
            "The vote closes at 3:30 p.m. on the island.",
            "The ferry leaves at 10 a.m. daily.",
            "The market opens at 9am and shuts at 5.30pm.",
            "Talks resume at 1430 GMT.",
            "Rents soared in the 1990s.",
            "He has been in office since 2019.",
            "The 2023-24 season ends in May.",
            "She was born on 12th March and moved to Leeds by 2001.",
            "The forum runs on 12-14 June.",
            "It ran from 2010 to 2015.",
            "The class of '83 met again."})
        void yearsDatesAndTimes(String sentence) {
            assertEquals(List.of(), read(sentence));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "Reporters waited outside No. 10 all day.",
            "The diner sits on Route 66.",
            "Call the desk on 020 7946 0000.",
            "Leaders met at the G20 summit.",
            "Covid-19 closed the schools.",
            "The firm is building a 5G network.",
            "Flight 370 was never found.",
            "The film Critters 3 flopped.",
            "She presents a show on BBC One.",
            "The parcel was order #12 of the day.",
            "His badge read 12345678."})
        void labelsCodesAndPhoneNumbers(String sentence) {
            assertEquals(List.of(), read(sentence));
        }

        @Test
        void figuresInsideTheDatesFoundInTheSameFieldAreLeftOut() {
            String text = "The talks lasted three days and drew 200 delegates.";
            int start = text.indexOf("three days");
            DateMention found = new DateMention(TimexType.DURATION, "P3D", null, ArticleField.BODY, start,
                    start + "three days".length(), "three days");
            assertEquals(List.of("three", "200"), texts(extractor.extract(ArticleField.BODY, text, List.of())));
            assertEquals(List.of("200"), texts(extractor.extract(ArticleField.BODY, text, List.of(found))));
            assertEquals(List.of("three", "200"),
                    texts(extractor.extract(ArticleField.HEADLINE, text, List.of(found))));
        }

        private static List<String> texts(List<NumberMention> mentions) {
            return mentions.stream().map(NumberMention::text).toList();
        }

        @Test
        void countsNextToDatesSurvive() {
            NumberMention m = only("In 2023, 2,000 people fled the valley.");
            assertFigure(m, 2000, NumberKind.CARDINAL, Qualifier.EXACT);
            assertEquals("people", m.counted());
        }

        @Test
        void yearShapedCountsSurviveWhenTheyCountSomething() {
            assertEquals(1980, only("The plant laid off 1980 workers.").value(), EPSILON);
            assertEquals(Qualifier.GREATER_THAN, only("Police made more than 2000 arrests.").qualifier());
            assertEquals(NumberKind.MONEY, only("The fine was $2000 per day.").kind());
        }

        @Test
        void yearBeforeAPluralNounInAYearPhraseStaysAYear() {
            assertTrue(read("Wages in 2019 prices barely moved.").isEmpty());
            assertTrue(read("The 2024 elections were close.").isEmpty());
        }
    }

    @Nested
    class Offsets {

        @Test
        void offsetsAreUtf16IndicesIntoTheField() {
            String body = "Fans \uD83D\uDE00 paid £40m for it.";
            NumberMention m = only(body);
            assertEquals(body.indexOf('£'), m.start());
            assertEquals(body.indexOf(" for"), m.end());
            assertEquals("£40m", m.text());
        }

        @Test
        void spanCoversHedgeFigureAndUnitButNotTheCountedNoun() {
            String body = "Officials said nearly 40 km of track and some 300 workers were affected.";
            List<NumberMention> ms = read(body);
            assertEquals(2, ms.size(), ms::toString);
            assertEquals("nearly 40 km", ms.get(0).text());
            assertEquals(body.indexOf("nearly"), ms.get(0).start());
            assertEquals("some 300", ms.get(1).text());
            assertEquals(body.indexOf(" workers"), ms.get(1).end());
        }

        @Test
        void mentionsComeInOrderAndCarryTheirField() {
            String headline = "Quake kills 12, injures 40";
            List<NumberMention> ms = extractor.extract(ArticleField.HEADLINE, headline);
            assertEquals(2, ms.size(), ms::toString);
            assertTrue(ms.get(0).start() < ms.get(1).start());
            for (NumberMention m : ms) {
                assertEquals(ArticleField.HEADLINE, m.field());
                assertEquals(m.text(), headline.substring(m.start(), m.end()));
            }
        }
    }

    @Test
    void everyFigureInAParagraph() {
        String body = "Almost two-thirds of the 1,200 staff will go by March, and the firm expects to save £85m a year. "
                + "Its share price fell 7% to 312p, the third fall in a week.";
        List<NumberMention> ms = read(body);
        List<String> texts = ms.stream().map(NumberMention::text).toList();
        assertEquals(List.of("Almost two-thirds", "1,200", "£85m a year", "7%", "312p", "third"), texts);
        if (ms.get(0).qualifier() != Qualifier.APPROX) {
            fail("hedge lost: " + ms.get(0));
        }
        assertEquals("staff", ms.get(1).counted());
        assertEquals(3.12, ms.get(4).value(), EPSILON);
    }
}
