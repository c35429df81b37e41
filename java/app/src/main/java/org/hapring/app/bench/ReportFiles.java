package org.hapring.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link BenchReport} as JSON (the whole report, Jackson) and its points as CSV (one row per
 * {@link RunRow}, columns in the record's order, a header line; absent values empty).
 *
 * <p>Stateless; any thread.
 */
public final class ReportFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CsvMapper CSV = new CsvMapper();

    private ReportFiles() {}

    public static void writeJson(BenchReport report, Path out) throws IOException {
        createParent(out);
        JSON.writeValue(out.toFile(), report);
    }

    public static String json(BenchReport report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    public static void writeCsv(BenchReport report, Path out) throws IOException {
        createParent(out);
        Files.writeString(out, csv(report));
    }

    public static String csv(BenchReport report) throws IOException {
        return CSV.writer(schema()).writeValueAsString(report.runs());
    }

    /** The CSV columns: {@link RunRow}'s components in declaration order. */
    static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent c : RunRow.class.getRecordComponents()) {
            Class<?> t = c.getType();
            b.addColumn(c.getName(), t == String.class ? CsvSchema.ColumnType.STRING : CsvSchema.ColumnType.NUMBER);
        }
        return b.build();
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
