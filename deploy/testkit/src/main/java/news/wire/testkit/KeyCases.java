package news.wire.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every endpoint behind API keys (X-Api-Key) owes a client without a good key, and what it owes a flood from one
 * good key; the same for each service, so each suite states only its endpoint.
 */
public final class KeyCases {

    public static final String HEADER = "X-Api-Key";

    private KeyCases() {
    }

    /**
     * Requests with no key, a forged, damaged or revoked one: each refused 401 {@code unauthenticated}.
     *
     * @param request a new request to the guarded endpoint, without a key, named as given
     * @param liveKey a key that works, damaged here in ways a guess or a copying error would
     * @param revokedKey a key that worked until it was revoked
     */
    public static List<HostileCase> refused(String category, Function<String, HostileCase.Builder> request,
                                            String liveKey, String revokedKey) {
        String forged = liveKey.substring(0, 3) + "x".repeat(liveKey.length() - 3);
        List<HostileCase> cases = new ArrayList<>();
        cases.add(request.apply("no key").refused(401, "unauthenticated"));
        cases.add(request.apply("blank key").header(HEADER, " ").refused(401, "unauthenticated"));
        cases.add(request.apply("unknown key").header(HEADER, "wk_" + UUID.randomUUID()).refused(401, "unauthenticated"));
        cases.add(request.apply("forged key of the right shape").header(HEADER, forged).refused(401, "unauthenticated"));
        cases.add(request.apply("live key with its last character changed").header(HEADER,
                liveKey.substring(0, liveKey.length() - 1) + (liveKey.endsWith("A") ? "B" : "A"))
                .refused(401, "unauthenticated"));
        cases.add(request.apply("live key in upper case").header(HEADER, liveKey.toUpperCase(Locale.ROOT))
                .refused(401, "unauthenticated"));
        cases.add(request.apply("live key with more after it").header(HEADER, liveKey + "x")
                .refused(401, "unauthenticated"));
        cases.add(request.apply("live key cut short").header(HEADER, liveKey.substring(0, liveKey.length() / 2))
                .refused(401, "unauthenticated"));
        cases.add(request.apply("key of 8,000 characters").header(HEADER, "wk_" + "k".repeat(8_000))
                .refused(401, "unauthenticated"));
        cases.add(request.apply("key with SQL").header(HEADER, "wk_' OR '1'='1").refused(401, "unauthenticated"));
        cases.add(request.apply("key with markup").header(HEADER, "<script>alert(1)</script>")
                .refused(401, "unauthenticated"));
        cases.add(request.apply("key as JSON").header(HEADER, "{\"$ne\":null}").refused(401, "unauthenticated"));
        cases.add(request.apply("key with a wildcard").header(HEADER, "*").refused(401, "unauthenticated"));
        cases.add(request.apply("revoked key").header(HEADER, revokedKey).refused(401, "unauthenticated"));
        return cases;
    }

    /** What a flood came to: answers taken, answers refused 429, and the whole seconds it lasted. */
    public record Flood(int accepted, int refused, long seconds) {
    }

    /**
     * Sends the request as fast as one client can, {@code times} times. Every answer must be the accepted status or a
     * 429 {@code rate-limited} problem with a Retry-After of whole seconds, at least 1; never a 5xx or a hang.
     */
    public static Flood flood(HostileClient client, Supplier<HostileCase> request, int acceptedStatus, int times) {
        long started = System.nanoTime();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < times; i++) {
            HostileCase c = request.get();
            HostileClient.Answer answer = client.send(c);
            if (answer.status() == acceptedStatus) {
                accepted++;
                continue;
            }
            if (answer.status() != 429) {
                throw new AssertionError(c + ": expected " + acceptedStatus + " or 429 but got " + answer);
            }
            client.requireProblem(c, answer, HostileCase.PROBLEM_PREFIX + "rate-limited");
            String retryAfter = answer.header("Retry-After");
            if (!retryAfter.matches("[1-9][0-9]*")) {
                throw new AssertionError(c + ": a 429 needs Retry-After in whole seconds, at least 1, not '"
                        + retryAfter + "'");
            }
            refused++;
        }
        return new Flood(accepted, refused, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }
}
