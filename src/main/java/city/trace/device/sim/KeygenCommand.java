package city.trace.device.sim;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;

import city.trace.signedreadings.ReadingSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygen}: the device's key pair, made on the device; only the public half ever leaves it. */
@Command(name = "keygen", sortOptions = false,
        description = "Makes a key pair: writes the private key to FILE (PKCS#8 PEM, owner-only) and the public key"
                + " to FILE.pub, and prints the public key.")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "the private key file to create")
    Path key;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "ES256",
            description = "ES256 (EC P-256) or EdDSA (Ed25519); default: ${DEFAULT-VALUE}")
    String algorithm;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        KeyFiles files = new KeyFiles(key);
        KeyPair pair;
        try {
            pair = files.create(algorithm);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("error: " + key + " exists: a device key is never overwritten;"
                    + " choose another file or delete this one");
            return DeviceSimulator.FAILED;
        }
        spec.commandLine().getOut().print(ReadingSigner.publicKeyPem(pair.getPublic()));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("private key in " + key + ", public key in " + files.publicKey());
        return 0;
    }
}
