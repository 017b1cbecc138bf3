package city.trace.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.restassured.path.json.JsonPath;

/** The admin REST API of the tests' Keycloak (its bootstrap admin), for what a realm administrator can do. */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    /** The realm's settings, as the admin console shows them. */
    public static JsonPath realm() {
        return JsonPath.from(send(admin("/admin/realms/citytrace").GET()));
    }

    /** Ends every session of {@code user} in Keycloak, as its idle timeout or an administrator does. */
    public static void endSessionsOf(String user) {
        String id = JsonPath.from(send(admin("/admin/realms/citytrace/users?exact=true&username=" + user).GET()))
                .getString("[0].id");
        send(admin("/admin/realms/citytrace/users/" + id + "/logout").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder admin(String path) {
        String token = JsonPath.from(send(HttpRequest
                .newBuilder(URI.create(KeycloakResource.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=admin")))).getString("access_token");
        return HttpRequest.newBuilder(URI.create(KeycloakResource.url() + path)).header("Authorization", "Bearer " + token);
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
