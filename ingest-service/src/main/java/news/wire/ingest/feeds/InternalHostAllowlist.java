package news.wire.ingest.feeds;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * The internal hosts a newsroom may poll on purpose ({@code ingest.feeds.allowed-internal-hosts}): host names, taken
 * exactly, and addresses or CIDR ranges of addresses.
 */
public final class InternalHostAllowlist {

    /** The setting's name, as refusals quote it. */
    public static final String SETTING = "ingest.feeds.allowed-internal-hosts";

    /** Letters, digits, hyphens and dots: a host name, never a pattern, so an entry admits one name only. */
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private static final InternalHostAllowlist NONE = new InternalHostAllowlist(Set.of(), List.of());

    private final Set<String> hostNames;
    private final List<IpSubnetFilterRule> ranges;

    private InternalHostAllowlist(Set<String> hostNames, List<IpSubnetFilterRule> ranges) {
        this.hostNames = hostNames;
        this.ranges = ranges;
    }

    public static InternalHostAllowlist none() {
        return NONE;
    }

    /**
     * Reads the setting's entries.
     *
     * @throws IllegalArgumentException naming the first entry that is neither a host name, an address nor a range:
     *         a typo here must stop the service, not silently admit nothing (or more than meant)
     */
    public static InternalHostAllowlist of(List<String> entries) {
        Set<String> names = new LinkedHashSet<>();
        List<IpSubnetFilterRule> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String addressPart = unbracketed(slash < 0 ? entry : entry.substring(0, slash));
            // Parsed as a literal only: reading the setting must never wait on DNS.
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(addressPart);
            if (address != null) {
                int bits = address.getAddress().length * 8;
                int prefix = slash < 0 ? bits : prefix(entry.substring(slash + 1), bits, raw);
                ranges.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
            } else if (slash < 0 && HOST_NAME.matcher(trimDot(entry)).matches()) {
                names.add(trimDot(entry));
            } else {
                throw new IllegalArgumentException(SETTING + ": '" + raw.strip()
                        + "' is neither a host name, an IP address nor a CIDR range such as 10.20.0.0/16");
            }
        }
        return names.isEmpty() && ranges.isEmpty() ? NONE : new InternalHostAllowlist(Set.copyOf(names), List.copyOf(ranges));
    }

    /** Whether the URL's host name is listed: then whatever it resolves to is polled. */
    public boolean admitsName(String host) {
        return !hostNames.isEmpty() && hostNames.contains(trimDot(unbracketed(host.toLowerCase(Locale.ROOT))));
    }

    /** Whether an address falls in a listed range (an IPv4-mapped IPv6 address counts as its IPv4 address). */
    public boolean admitsAddress(InetAddress address) {
        InetAddress judged = AddressKind.embeddedIpv4(address);
        for (IpSubnetFilterRule range : ranges) {
            if (range.matches(new InetSocketAddress(judged, 0)) || range.matches(new InetSocketAddress(address, 0))) {
                return true;
            }
        }
        return false;
    }

    private static int prefix(String text, int bits, String raw) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= bits) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // reported below, with the entry
        }
        throw new IllegalArgumentException(SETTING + ": '" + raw.strip() + "' has a prefix length other than 0 to "
                + bits);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** "feeds.internal." and "feeds.internal" are the same host. */
    private static String trimDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
