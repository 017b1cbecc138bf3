package city.trace.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.restassured.path.json.JsonPath;

/** Access tokens of the realm's machine client (client credentials), from the real Keycloak of the tests. */
public final class MachineClient {

    /** The organisation the machine client's service account acts for (see the realm file). */
    public static final String ORGANIZATION = Demo.BAKERY;

    private MachineClient() {
    }

    public static String accessToken() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(KeycloakResource.url() + "/realms/citytrace/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=citytrace-machine"
                            + "&client_secret=citytrace-machine-dev-secret"))
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
