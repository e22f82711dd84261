package news.wire.query.watches;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: HMAC-SHA256, keyed with the watch's secret, of the timestamp (Unix seconds), a
 * dot and the body, in hex. Signing the timestamp with the body lets a receiver refuse a replayed call by its age.
 */
public final class WebhookSignature {

    /** Header of the signature, {@code v1=} and the hex digest. */
    public static final String HEADER = "X-Wire-Signature";
    /** Header of the timestamp signed, Unix seconds. */
    public static final String TIMESTAMP = "X-Wire-Timestamp";
    /** Header repeating the match's stable id, for receivers that drop what they have seen before reading the body. */
    public static final String MATCH_ID = "X-Wire-Match-Id";

    private WebhookSignature() {
    }

    /** {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String of(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
