package city.trace.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the local PostgreSQL (unless an external database is configured), then the application. */
@QuarkusMain
public class CityTraceMain {

    public static void main(String... args) {
        LocalPostgres.startUnlessConfigured();
        Quarkus.run(args);
    }
}
