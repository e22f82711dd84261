package news.wire.query.stories;

import java.util.List;

/**
 * Copy written for these tests on other events, each sharing a name or two with a diplomatic story about Israel and
 * the United States: a place, a president, a country. None may join that story. {source, headline, body}.
 */
final class UnrelatedCopy {

    static final List<String[]> ARTICLES = List.of(
            new String[] {"Pacific Desk", "Wildfire forces evacuations in eastern Washington",
                "A wildfire driven by strong winds forced about 2,000 residents to leave their homes near Spokane in "
                + "eastern Washington on Tuesday, state officials said. Governor Jay Inslee declared an emergency for "
                + "Spokane County as more than 300 firefighters worked through the night. The Washington State "
                + "Department of Natural Resources said the fire had burned 4,500 acres and destroyed at least 12 "
                + "buildings. Evacuation centres opened in Cheney and Medical Lake, and the Red Cross said it was "
                + "housing families whose homes were in the path of the fire."},
            new String[] {"Capitol Report", "Biden signs bridge repair bill at White House ceremony",
                "President Joe Biden signed a $4 billion bridge repair bill on Tuesday at a White House ceremony "
                + "attended by governors from both parties. The law funds repairs to more than 1,500 bridges rated in "
                + "poor condition by the Department of Transportation, Transportation Secretary Pete Buttigieg said. "
                + "Biden said the money would reach states within months. Senator Shelley Moore Capito, who wrote the "
                + "bill with Democrats, called it proof that Congress could still agree on roads and bridges. Work on "
                + "the first projects in Ohio and Kentucky is due to start in the summer."},
            new String[] {"Markets Wire", "Bank of Israel holds interest rate at 4.5%",
                "The Bank of Israel kept its benchmark interest rate at 4.5% on Monday, as expected by economists, "
                + "saying inflation was still above its target range. Governor Amir Yaron told reporters in Jerusalem "
                + "that the shekel had strengthened against the dollar and that housing prices were rising again. "
                + "Israel's economy grew 2% last year, the central bank said, and it expects growth to pick up in the "
                + "second half. The next rate decision is due in May."},
            new String[] {"Harbour Post", "Valmora dockers strike over pay",
                "Dock workers in Valmora walked out on Thursday over pay, union leader Marta Ilves said. The Valmora "
                + "Port Authority said cranes stood idle and 14 ships queued outside the harbour as the strike began. "
                + "The union wants a 9% rise; the port authority has offered 4%. Talks are due to resume next week."});

    private UnrelatedCopy() {
    }
}
