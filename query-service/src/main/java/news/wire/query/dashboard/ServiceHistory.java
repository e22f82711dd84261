package news.wire.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent metric reads of one service, oldest first, and what follows from them: counter rates, gauge values and
 * histogram quantiles. Rates follow Prometheus' {@code increase()}: each series' rises between consecutive reads
 * are added up, and a fall is a restart of the service, after which the new value is all increase.
 */
public final class ServiceHistory {

    /** One read of a service's metrics at a time; {@code scrape} is null when the service could not be read. */
    public record Reading(Instant at, MetricsScrape scrape, String error) {

        public boolean reachable() {
            return scrape != null;
        }
    }

    /** A quantile read from histogram buckets; {@code atLeast} when it fell beyond the largest finite bucket. */
    public record Quantile(double value, boolean atLeast) {
    }

    private final Duration keep;
    private final Deque<Reading> readings = new ArrayDeque<>();

    public ServiceHistory(Duration keep) {
        this.keep = keep;
    }

    public synchronized void add(Reading reading) {
        readings.addLast(reading);
        while (!readings.isEmpty() && readings.peekFirst().at().isBefore(reading.at().minus(keep))) {
            readings.removeFirst();
        }
    }

    public synchronized List<Reading> readings() {
        return List.copyOf(readings);
    }

    public synchronized Reading latest() {
        return readings.peekLast();
    }

    /**
     * Per second over the reads of the last {@code window} up to the newest read; null while the service is
     * unreachable now or there are not yet two reads of it in the window.
     */
    public Double rate(String name, Map<String, String> labels, Duration window) {
        List<Reading> all = readings();
        if (all.isEmpty()) {
            return null;
        }
        return rateAt(all, all.size() - 1, name, labels, window);
    }

    /**
     * The rate of the counters at every reachable read, each over the window before it, for a chart of the whole
     * kept history; entries are null where it cannot be told yet.
     */
    public List<RatePoint> rates(String name, Map<String, String> labels, Duration window) {
        List<Reading> all = readings();
        List<RatePoint> points = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            points.add(new RatePoint(all.get(i).at(), rateAt(all, i, name, labels, window)));
        }
        return points;
    }

    /** A rate as it stood at one read. */
    public record RatePoint(Instant at, Double perSecond) {
    }

    private static Double rateAt(List<Reading> all, int end, String name, Map<String, String> labels, Duration window) {
        Reading last = all.get(end);
        if (!last.reachable()) {
            return null;
        }
        Instant from = last.at().minus(window);
        Reading previous = null;
        Instant first = null;
        double increase = 0;
        for (int i = 0; i <= end; i++) {
            Reading r = all.get(i);
            if (!r.reachable() || r.at().isBefore(from)) {
                continue;
            }
            if (previous != null) {
                increase += increase(previous.scrape(), r.scrape(), name, labels);
            } else {
                first = r.at();
            }
            previous = r;
        }
        if (first == null || !last.at().isAfter(first)) {
            return null;
        }
        return increase / (Duration.between(first, last.at()).toMillis() / 1000.0);
    }

    /** What the matching series gained from one read to the next; a series absent before counts from 0. */
    private static double increase(MetricsScrape before, MetricsScrape after, String name, Map<String, String> labels) {
        Map<Map<String, String>, Double> earlier = new HashMap<>();
        for (MetricsScrape.Sample s : before.samples()) {
            if (s.name().equals(name)) {
                earlier.put(s.labels(), s.value());
            }
        }
        double total = 0;
        for (MetricsScrape.Sample s : after.samples()) {
            if (!s.is(name, labels) || Double.isNaN(s.value())) {
                continue;
            }
            Double was = earlier.get(s.labels());
            if (was == null || Double.isNaN(was)) {
                total += s.value();
            } else {
                total += s.value() >= was ? s.value() - was : s.value();
            }
        }
        return total;
    }

    /** The sum of a gauge's series in the newest read; null when unreachable now or the gauge is not reported. */
    public Double gauge(String name, Map<String, String> labels) {
        Reading last = latest();
        if (last == null || !last.reachable() || !last.scrape().has(name)) {
            return null;
        }
        boolean any = last.scrape().samples().stream()
                .anyMatch(s -> s.is(name, labels) && !Double.isNaN(s.value()));
        return any ? last.scrape().sum(name, labels) : null;
    }

    /**
     * Quantiles of a histogram's observations made within the window (bucket counts now minus at the window's first
     * read), or, when nothing was observed in the window, of all observations since the service started.
     */
    public Freshness freshness(String histogram, Map<String, String> labels, Duration window) {
        List<Reading> all = readings();
        Reading last = all.isEmpty() ? null : all.get(all.size() - 1);
        if (last == null || !last.reachable()) {
            return null;
        }
        List<MetricsScrape.Bucket> now = last.scrape().buckets(histogram, labels);
        if (now.isEmpty()) {
            return null;
        }
        Reading start = null;
        for (Reading r : all) {
            if (r.reachable() && r != last && !r.at().isBefore(last.at().minus(window))) {
                start = r;
                break;
            }
        }
        List<MetricsScrape.Bucket> recent = start == null ? List.of() : minus(now, start.scrape().buckets(histogram, labels));
        boolean inWindow = !recent.isEmpty() && recent.get(recent.size() - 1).count() > 0;
        List<MetricsScrape.Bucket> basis = inWindow ? recent : now;
        long observations = Math.round(basis.get(basis.size() - 1).count());
        if (observations == 0) {
            return new Freshness(null, null, 0, inWindow);
        }
        return new Freshness(quantile(0.5, basis), quantile(0.9, basis), observations, inWindow);
    }

    /** Quantiles of how long articles took to become searchable; {@code recent}: within the window, else since start. */
    public record Freshness(Quantile p50, Quantile p90, long observations, boolean recent) {
    }

    /** Bucket counts of {@code now} less those of {@code then}; a restart in between (counts fell) keeps {@code now}. */
    static List<MetricsScrape.Bucket> minus(List<MetricsScrape.Bucket> now, List<MetricsScrape.Bucket> then) {
        Map<Double, Double> before = new HashMap<>();
        then.forEach(b -> before.put(b.le(), b.count()));
        List<MetricsScrape.Bucket> diff = new ArrayList<>(now.size());
        for (MetricsScrape.Bucket b : now) {
            double was = before.getOrDefault(b.le(), 0.0);
            if (b.count() < was) {
                return now;
            }
            diff.add(new MetricsScrape.Bucket(b.le(), b.count() - was));
        }
        return diff;
    }

    /**
     * The q-quantile of cumulative buckets, interpolating linearly inside the bucket it falls in (the same estimate
     * as Prometheus' {@code histogram_quantile}); beyond the last finite bound it is that bound, marked atLeast.
     */
    static Quantile quantile(double q, List<MetricsScrape.Bucket> buckets) {
        double total = buckets.get(buckets.size() - 1).count();
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (MetricsScrape.Bucket b : buckets) {
            if (b.count() >= rank) {
                if (Double.isInfinite(b.le())) {
                    return new Quantile(lowerBound, true);
                }
                double inBucket = b.count() - lowerCount;
                double share = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return new Quantile(lowerBound + (b.le() - lowerBound) * share, false);
            }
            lowerBound = b.le();
            lowerCount = b.count();
        }
        return new Quantile(lowerBound, true);
    }

}
