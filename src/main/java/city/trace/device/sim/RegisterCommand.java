package city.trace.device.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import city.trace.signedreadings.DeviceKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code register}: what the device's organisation does once, with its own token, before the device may send. */
@Command(name = "register", sortOptions = false,
        description = "Registers the device with the public key in FILE.pub; prints the device id CityTrace gives it.")
final class RegisterCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", required = true, description = "CityTrace, like http://localhost:8080")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", required = true,
            description = "a bearer token of a user of the device's organisation")
    String token;

    @Option(names = "--identifier", paramLabel = "URI", required = true,
            description = "the device identifier, like a GIAI Digital Link https://id.gs1.org/8004/...")
    String identifier;

    @Option(names = "--kind", paramLabel = "KIND", required = true, description = "like thermometer")
    String kind;

    @Option(names = "--model", paramLabel = "MODEL", required = true, description = "the device's make and model")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Place place;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "the key file; FILE.pub is registered")
    Path key;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    /** Where the device is: at a site or on a vehicle. */
    static final class Place {

        @Option(names = "--site", paramLabel = "GLN", required = true, description = "the site's GLN-13")
        String site;

        @Option(names = "--vehicle", paramLabel = "ID", required = true, description = "the vehicle, like a plate")
        String vehicle;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        DeviceKey publicKey = new KeyFiles(key).readPublic();
        ObjectNode device = new ObjectMapper().createObjectNode()
                .put("identifier", identifier).put("kind", kind).put("model", model);
        if (place.site != null) {
            device.put("site", place.site);
        } else {
            device.put("vehicle", place.vehicle);
        }
        device.put("publicKey", publicKey.pem());
        Reply reply = new DeviceApi(url).register(token, device.toString());
        if (reply.status() != BatchStream.CREATED) {
            spec.commandLine().getErr().println("refused: " + reply.summary());
            return DeviceSimulator.FAILED;
        }
        long id = reply.json().path("id").asLong();
        spec.commandLine().getOut().println(id);
        spec.commandLine().getErr().println("registered device " + id + " " + identifier + ", status "
                + reply.json().path("status").asText() + ", key thumbprint " + publicKey.thumbprint());
        return 0;
    }
}
