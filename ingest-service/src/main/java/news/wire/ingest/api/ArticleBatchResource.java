package news.wire.ingest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.vertx.core.http.HttpServerRequest;

import news.wire.ingest.config.IngestConfig;
import news.wire.ingest.intake.IntakeAttempt;
import news.wire.ingest.intake.IntakeMeters;
import news.wire.ingest.intake.IntakeResult;
import news.wire.ingest.formats.WireItem;
import news.wire.ingest.intake.IntakeService;
import news.wire.ingest.security.Contributor;
import news.wire.ingest.security.IntakeRateLimiter;
import news.wire.ingest.security.RateLimitedException;
import news.wire.ingest.security.SourceAuthorizer;

/**
 * Accepts many articles in one NDJSON request, at {@code /v1/articles:batch} (see {@link BatchRoute}). Each line is stored on its own (partial success is normal),
 * and the answer has one line per input line, in order, so a client resends only the lines that failed.
 */
@Path("/v1")
@Tag(name = "articles")
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    /** Lines stored per transaction: one commit per group instead of one per article. */
    private static final int GROUP_SIZE = 200;

    private final IntakeService intake;
    private final SubmissionReader reader;
    private final SourceAuthorizer authorizer;
    private final IntakeMeters meters;
    private final IntakeRateLimiter rateLimiter;
    private final ObjectWriter lineWriter;
    private final long maxArticleBytes;
    private final int maxLines;

    public ArticleBatchResource(IntakeService intake, SubmissionReader reader, SourceAuthorizer authorizer,
                                IntakeMeters meters, IntakeRateLimiter rateLimiter, ObjectMapper json,
                                IngestConfig config) {
        this.meters = meters;
        this.rateLimiter = rateLimiter;
        this.intake = intake;
        this.reader = reader;
        this.authorizer = authorizer;
        this.lineWriter = json.writerFor(BatchLineResult.class);
        this.maxArticleBytes = config.limits().maxArticleSize().asLongValue();
        this.maxLines = config.limits().maxBatchLines();
    }

    @POST
    @Path("/articles/batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Accept a batch of articles, one JSON article per line")
    @APIResponse(responseCode = "200", description = "One result line per input line: status 202/200 with the id, "
            + "or 4xx/503 with a problem document; a 429 line (and Retry-After) where the key's rate limit stopped reading")
    @APIResponse(responseCode = "429", description = "Over the key's rate limit before the first line (problem+json, "
            + "Retry-After): nothing stored")
    public Response submit(InputStream body, @HeaderParam(SourceAuthorizer.HEADER) String apiKey,
                           @Context HttpServerRequest http) throws IOException {
        Contributor contributor = authorizer.authenticate(apiKey, ClientAddress.of(http));
        String keySource = contributor.source();
        Long retryAfter = null;
        // The input is read a line at a time; only the small per-line results are kept until the answer is
        // written, so a client that sends before it reads can never stall against us.
        List<BatchLineResult> results = new ArrayList<>();
        List<PendingLine> group = new ArrayList<>(GROUP_SIZE);
        NdjsonLines lines = new NdjsonLines(body, maxArticleBytes);
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (results.size() == maxLines) {
                // The rest is not read: one last result says where reading stopped, so the client resends from there.
                results.add(refused(line.number(), new TooLargeException("A batch holds at most " + maxLines
                        + " articles; this line and the ones after it were not read: send them in another batch")));
                break;
            }
            try {
                // A token per line, as it is read: a batch costs what the same articles sent one by one would.
                rateLimiter.take(contributor, 1);
            } catch (RateLimitedException e) {
                if (results.isEmpty()) {
                    throw e; // no line taken yet: the whole request is refused, 429 with Retry-After, nothing stored
                }
                // The lines before stay stored; one last result says where reading stopped, to resend from there.
                results.add(refused(line.number(), e));
                retryAfter = e.retryAfterSeconds();
                break;
            }
            results.add(null);
            try {
                group.add(new PendingLine(results.size() - 1, line.number(), read(line, keySource)));
            } catch (Exception e) {
                results.set(results.size() - 1, refused(line.number(), e));
            }
            if (group.size() == GROUP_SIZE) {
                store(group, results);
            }
        }
        store(group, results);
        StreamingOutput answer = (OutputStream out) -> {
            for (BatchLineResult result : results) {
                out.write(lineWriter.writeValueAsBytes(result));
                out.write('\n');
            }
        };
        Response.ResponseBuilder response = Response.ok(answer, NDJSON);
        if (retryAfter != null) {
            response.header(ProblemMappings.RETRY_AFTER, retryAfter);
        }
        return response.build();
    }

    /** A line read into a wire item, waiting to be stored with the rest of its group. */
    private record PendingLine(int position, long number, WireItem item) {
    }

    private WireItem read(NdjsonLines.Line line, String keySource) throws IOException {
        if (line.oversized()) {
            throw new TooLargeException("Line " + line.number() + " is larger than the limit of "
                    + maxArticleBytes + " bytes");
        }
        WireItem item = reader.readJsonLine(line.content(), keySource);
        authorizer.authorize(keySource, item.source());
        return item;
    }

    private void store(List<PendingLine> group, List<BatchLineResult> results) {
        if (group.isEmpty()) {
            return;
        }
        List<IntakeAttempt> attempts = intake.acceptAll(group.stream().map(PendingLine::item).toList());
        for (int i = 0; i < group.size(); i++) {
            PendingLine line = group.get(i);
            IntakeAttempt attempt = attempts.get(i);
            if (attempt.failure() != null) {
                results.set(line.position(), refused(line.number(), attempt.failure()));
                continue;
            }
            IntakeResult result = attempt.result();
            meters.accepted(NDJSON, result.article().source, result.outcome());
            results.set(line.position(), new BatchLineResult(line.number(), result.outcome().changed() ? 202 : 200,
                    result.article().id, result.article().version, result.outcome(), null));
        }
        group.clear();
    }

    private BatchLineResult refused(long number, Exception e) {
        Problem problem = ArticleProblems.of(e);
        meters.rejected(NDJSON, problem.shortType());
        return new BatchLineResult(number, problem.status(), null, null, null, problem);
    }
}
