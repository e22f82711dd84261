package news.wire.deploy.reuters;

/**
 * What ingest-service said about one article: 202 accepted, 200 an exact duplicate, 4xx rejected.
 *
 * @param status the HTTP status (of the request, or of the NDJSON line)
 * @param id the article id ingest assigned, or null
 * @param problem the problem document as compact JSON (or the raw answer), or null
 */
public record IngestAnswer(int status, String id, String problem) {

    public boolean accepted() {
        return status == 202;
    }

    public boolean duplicate() {
        return status == 200;
    }

    public boolean rejected() {
        return status >= 400 && status < 500;
    }
}
