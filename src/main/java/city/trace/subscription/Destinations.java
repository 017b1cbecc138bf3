package city.trace.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Which webhook URLs the server may call: absolute http(s) URLs, and, unless allowed, none that resolves to a
 * loopback, private, link-local or other local address (or the server could be made to call the services beside
 * it). Checked when a subscription is made and again before each call, as a name may resolve differently later.
 */
final class Destinations {

    private Destinations() {
    }

    /**
     * The URL, checked.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static URI check(String dest, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(dest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("dest is not a URL: " + e.getMessage());
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("dest must be an absolute http or https URL without user info, e.g. "
                    + "https://client.example.com/queryCallback");
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isLocal(address)) {
                        throw new IllegalArgumentException("dest " + uri.getHost() + " resolves to a local or private "
                                + "address (" + address.getHostAddress() + "); webhooks go to public addresses only");
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("dest host " + uri.getHost() + " does not resolve");
            }
        }
        return uri;
    }

    private static boolean isLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedV4 = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64/10
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}
