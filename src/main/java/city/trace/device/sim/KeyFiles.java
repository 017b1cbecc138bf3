package city.trace.device.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;

import city.trace.signedreadings.DeviceKey;
import city.trace.signedreadings.ReadingSigner;

/**
 * A simulated device's key files: FILE holds the private key (PKCS#8 PEM, readable by its owner only), FILE.pub
 * the public key its organisation registers, FILE.counter the next batch counter unless told otherwise.
 */
record KeyFiles(Path privateKey) {

    Path publicKey() {
        return sibling(".pub");
    }

    Path counter() {
        return sibling(".counter");
    }

    /**
     * Makes a key pair and writes both files; an existing key file is never overwritten, as the device registered
     * with it would be lost.
     */
    KeyPair create(String algorithm) throws IOException {
        KeyPair pair = ReadingSigner.generate(algorithm);
        Files.createFile(privateKey,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, ReadingSigner.privateKeyPem(pair.getPrivate()));
        Files.writeString(publicKey(), ReadingSigner.publicKeyPem(pair.getPublic()));
        return pair;
    }

    PrivateKey readPrivate() throws IOException {
        return ReadingSigner.readPrivateKey(Files.readString(privateKey));
    }

    DeviceKey readPublic() throws IOException {
        return DeviceKey.parse(Files.readString(publicKey()));
    }

    private Path sibling(String suffix) {
        return privateKey.resolveSibling(privateKey.getFileName() + suffix);
    }
}
