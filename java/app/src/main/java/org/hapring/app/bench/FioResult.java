package org.hapring.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What one fio run reports in {@code --output-format=json}, summed over its job entries (one per group with
 * {@code group_reporting}): bytes read, the run time, CPU load and completion latency percentiles.
 *
 * @param fioVersion e.g. {@code fio-3.33}
 * @param readBytes {@code read.io_bytes}
 * @param runtimeMillis {@code read.runtime} (the longest of the entries), milliseconds
 * @param ios {@code read.total_ios}
 * @param userCpuPercent {@code usr_cpu} (summed over the entries)
 * @param systemCpuPercent {@code sys_cpu}
 * @param clatP50Micros {@code read.clat_ns.percentile["50.000000"]} in microseconds, NaN when absent
 * @param clatP99Micros the 99th percentile, microseconds, NaN when absent
 *
 * <p>Immutable; any thread.
 */
public record FioResult(
        String fioVersion,
        long readBytes,
        long runtimeMillis,
        long ios,
        double userCpuPercent,
        double systemCpuPercent,
        double clatP50Micros,
        double clatP99Micros) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Read throughput, 10^9 bytes per second; NaN when fio ran for less than a millisecond. */
    public double gigabytesPerSecond() {
        return runtimeMillis <= 0 ? Double.NaN : readBytes / (runtimeMillis * 1e6);
    }

    /** CPU seconds fio spent per 10^9 bytes (its own threads' user + system time). */
    public double cpuSecondsPerGigabyte() {
        return readBytes == 0
                ? Double.NaN
                : (userCpuPercent + systemCpuPercent) / 100 * runtimeMillis / 1e3 / (readBytes / 1e9);
    }

    /**
     * Parses fio's JSON output; text before the first '{' (fio prints notes there) is skipped. Throws
     * IOException naming what is missing or the error fio reported for a job.
     */
    public static FioResult parse(String output) throws IOException {
        int brace = output.indexOf('{');
        if (brace < 0) {
            throw new IOException("fio printed no JSON: " + abbreviate(output));
        }
        JsonNode root = JSON.readTree(output.substring(brace));
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            throw new IOException("fio's JSON has no jobs[]: " + abbreviate(output));
        }
        long bytes = 0;
        long runtime = 0;
        long ios = 0;
        double usr = 0;
        double sys = 0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (JsonNode job : jobs) {
            if (job.path("error").asInt(0) != 0) {
                throw new IOException("fio job " + job.path("jobname").asText("?") + " failed with error "
                        + job.path("error").asInt());
            }
            JsonNode read = job.path("read");
            if (!read.has("io_bytes") || !read.has("runtime")) {
                throw new IOException(
                        "fio job " + job.path("jobname").asText("?") + " has no read.io_bytes/read.runtime");
            }
            bytes += read.path("io_bytes").asLong();
            runtime = Math.max(runtime, read.path("runtime").asLong());
            ios += read.path("total_ios").asLong();
            usr += job.path("usr_cpu").asDouble();
            sys += job.path("sys_cpu").asDouble();
            JsonNode pct = read.path("clat_ns").path("percentile");
            if (pct.has("50.000000") && Double.isNaN(p50)) {
                p50 = pct.path("50.000000").asDouble() / 1e3;
                p99 = pct.path("99.000000").asDouble(Double.NaN) / 1e3;
            }
        }
        return new FioResult(root.path("fio version").asText("fio"), bytes, runtime, ios, usr, sys, p50, p99);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "...";
    }
}
