package city.trace.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.restassured.path.json.JsonPath;

/**
 * Access tokens of the realm's service-account clients (client credentials), from the real Keycloak of the
 * tests: the machine client of a member, and the metrics client of the operators' Prometheus.
 */
public final class MachineClient {

    /** The organisation the machine client's service account acts for (see the realm file). */
    public static final String ORGANIZATION = Demo.BAKERY;

    private MachineClient() {
    }

    /** A token of citytrace-machine: a manufacturer of {@link #ORGANIZATION}. */
    public static String accessToken() {
        return token("citytrace-machine", "citytrace-machine-dev-secret");
    }

    /** A token of citytrace-metrics: the realm role operator, nothing else. */
    public static String metricsToken() {
        return token("citytrace-metrics", "citytrace-metrics-dev-secret");
    }

    private static String token(String clientId, String secret) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(KeycloakResource.url() + "/realms/citytrace/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                            + "&client_secret=" + secret))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the client credentials: " + response.body());
            }
            return JsonPath.from(response.body()).getString("access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
