package city.trace.device.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The two calls a device makes to CityTrace: its organisation registers it, then it posts signed batches. */
final class DeviceApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param url CityTrace's base URL, like http://localhost:8080 */
    DeviceApi(String url) {
        if (!url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException("--url needs an http:// or https:// URL, not '" + url + "'");
        }
        this.base = url.replaceAll("/+$", "");
    }

    /** {@code POST /api/devices}, as a user of the organisation: the token is theirs. */
    Reply register(String token, String deviceJson) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/devices"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deviceJson)));
    }

    /** {@code POST /api/devices/{id}/readings}: no token, the signature says who sent it. */
    Reply postReadings(long deviceId, String compactJws) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/devices/" + deviceId + "/readings"))
                .header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(compactJws)));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(TIMEOUT).header("Accept", "application/json, application/problem+json")
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new ConnectException("cannot connect to " + base + ": is CityTrace running there?");
        }
    }
}
