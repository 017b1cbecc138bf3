package city.trace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL a benchmark's requests cost, from PostgreSQL's pg_stat_statements: for a benchmark's own throwaway
 * database (the extension must be preloaded, which takes a restart of the server).
 *
 * <p>Arguments: {@code enable jdbcUrl} (preloaded from the server's next start on), {@code reset jdbcUrl}, or
 * {@code report jdbcUrl requests resultFile}: statements per request and the statements that took most time,
 * as Markdown.
 */
public final class StatementStats {

    private StatementStats() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[1]); var statement = db.createStatement()) {
            switch (args[0]) {
                case "enable" -> statement.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
                case "reset" -> {
                    statement.execute("create extension if not exists pg_stat_statements");
                    statement.execute("select pg_stat_statements_reset()");
                }
                case "report" -> Files.writeString(Path.of(args[3]), report(statement, Long.parseLong(args[2])));
                default -> throw new IllegalArgumentException("unknown command " + args[0]
                        + " (enable jdbcUrl, reset jdbcUrl, or report jdbcUrl requests resultFile)");
            }
        }
    }

    private static String report(java.sql.Statement statement, long requests) throws Exception {
        List<String> lines = new ArrayList<>();
        try (ResultSet total = statement.executeQuery("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0), "
                + "coalesce(sum(rows), 0) from pg_stat_statements where query not like '%pg_stat_statements%'")) {
            total.next();
            if (requests == 0) {
                return "No request completed in the run.\n";
            }
            lines.add(String.format(Locale.ROOT, "%,d requests: %.1f SQL statements, %.2f ms of statement execution "
                    + "and %.0f rows a request.", requests, total.getDouble(1) / requests, total.getDouble(2) / requests,
                    total.getDouble(3) / requests));
        }
        lines.add("");
        lines.add("| statement (most time first) | calls a request | mean ms | ms a request |");
        lines.add("|---|---:|---:|---:|");
        try (ResultSet top = statement.executeQuery("select query, calls, mean_exec_time, total_exec_time from "
                + "pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 8")) {
            while (top.next()) {
                String query = top.getString(1).replaceAll("\\s+", " ").replace("|", "\\|");
                lines.add(String.format(Locale.ROOT, "| `%s` | %.2f | %.3f | %.3f |",
                        query.length() > 160 ? query.substring(0, 160) + "…" : query, top.getDouble(2) / requests,
                        top.getDouble(3), top.getDouble(4) / requests));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
