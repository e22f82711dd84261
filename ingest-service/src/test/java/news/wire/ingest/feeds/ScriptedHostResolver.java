package news.wire.ingest.feeds;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.netty.util.NetUtil;

/**
 * The service's resolver in tests: names a test scripted resolve to the addresses it chose (10.0.0.1,
 * 169.254.169.254, fd00::1, …) without asking DNS, so refusals are proved before any connection; every other host
 * resolves as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedHostResolver implements HostResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    private final SystemHostResolver system = new SystemHostResolver();

    /** From now on the host resolves to these addresses (literals, parsed without DNS). */
    public static void answer(String host, String... addresses) {
        ANSWERS.put(host, Arrays.stream(addresses).map(ScriptedHostResolver::literal).toList());
    }

    /** An address of the form the resolver returns; for unit tests that build their own resolver. */
    public static InetAddress literal(String address) {
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException(address + " is not an IP literal");
        }
        return parsed;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> scripted = ANSWERS.get(host);
        return scripted != null ? scripted : system.resolve(host);
    }
}
