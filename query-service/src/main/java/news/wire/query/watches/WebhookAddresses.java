package news.wire.query.watches;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The address rules of webhooks, those of ingest's feed URLs: http or https, no credentials in the URL, and a host
 * that resolves to public addresses only unless it is listed in {@code query.watches.webhooks.allowed-internal-hosts}.
 * Checked when a watch is saved and again before each call, since a name can come to resolve elsewhere.
 */
@ApplicationScoped
public class WebhookAddresses {

    /** Why a webhook URL is refused; the message is the problem's detail. */
    public static class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Set<String> allowed;

    public WebhookAddresses(WebhookConfig config) {
        this.allowed = config.allowedInternalHosts().orElse(List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** The URL when it may be called. */
    public URI check(String url) throws RefusedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new RefusedException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedException("must not carry credentials: the signature authenticates the call");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedException("has no host");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedException("must not have a fragment");
        }
        String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedException("host " + host + " cannot be resolved");
        }
        if (allowed.contains(bare)) {
            return uri;
        }
        for (InetAddress address : addresses) {
            String kind = internalKind(address);
            if (kind != null && !allowed.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                throw new RefusedException("host " + host + " resolves to " + address.getHostAddress() + ", which is "
                        + kind + "; allowed: public addresses or hosts in query.watches.webhooks.allowed-internal-hosts");
            }
        }
        return uri;
    }

    /** What kind of internal address this is, or null for a public one. */
    static String internalKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128
                    || first == 198 && (second == 18 || second == 19)) {
                return "reserved or shared";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private";
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internalKind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "unreadable";
                }
            }
        }
        return null;
    }
}
