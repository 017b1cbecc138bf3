package city.trace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU time goes, from a JFR recording's execution samples, inclusively: for each of CityTrace's
 * methods and each library, the share of samples with it anywhere on the stack (a method that calls the database
 * counts the time its callees take). Markdown, for benchmark results.
 *
 * <p>Arguments: recording.jfr resultFile [rows (20)]
 */
public final class HotCode {

    /** Libraries whose share is worth knowing, by package prefix. */
    private static final List<String> LIBRARIES = List.of("org.hibernate.", "org.postgresql.", "io.agroal.",
            "io.quarkus.qute.", "com.fasterxml.jackson.", "io.netty.", "io.vertx.", "org.jboss.resteasy.reactive.",
            "com.arjuna.", "java.util.zip.");

    private HotCode() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            Set<String> seenMethods = new HashSet<>();
            Set<String> seenLibraries = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("city.trace.") && !generated(type, frame.getMethod().getName())) {
                    seenMethods.add(type.substring("city.trace.".length()) + "." + frame.getMethod().getName());
                }
                LIBRARIES.stream().filter(type::startsWith).forEach(seenLibraries::add);
            }
            seenMethods.forEach(m -> methods.merge(m, 1, Integer::sum));
            seenLibraries.forEach(l -> libraries.merge(l, 1, Integer::sum));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d execution samples of the app (JFR, `settings=profile`); the share of "
                + "them with a method or library anywhere on the stack.", samples));
        lines.add("");
        lines.add("| CityTrace method (city.trace.…) | share | | library | share |");
        lines.add("|---|---:|---|---|---:|");
        List<Map.Entry<String, Integer>> topMethods = top(methods, rows);
        List<Map.Entry<String, Integer>> topLibraries = top(libraries, LIBRARIES.size());
        for (int i = 0; i < Math.max(topMethods.size(), topLibraries.size()); i++) {
            lines.add(String.format(Locale.ROOT, "| %s | | %s |", cell(topMethods, i, samples),
                    cell(topLibraries, i, samples)));
        }
        Files.writeString(Path.of(args[1]), String.join("\n", lines) + "\n");
    }

    /** Quarkus's proxies and subclasses, and lambdas: frames around the methods that say what the code does. */
    private static boolean generated(String type, String method) {
        return type.contains("_Subclass") || type.contains("_ClientProxy") || type.contains("$$Lambda")
                || method.startsWith("lambda$") || method.endsWith("$$superforward");
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n).toList();
    }

    private static String cell(List<Map.Entry<String, Integer>> entries, int i, int samples) {
        if (i >= entries.size()) {
            return " | ";
        }
        return String.format(Locale.ROOT, "`%s` | %.0f%%", entries.get(i).getKey(), 100.0 * entries.get(i).getValue() / samples);
    }
}
