package news.wire.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint of an article's text, which tells a re-sent duplicate from a real change. */
final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of headline and body as stored (same formula as the V2 migration's back-fill). */
    static String of(String headline, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
