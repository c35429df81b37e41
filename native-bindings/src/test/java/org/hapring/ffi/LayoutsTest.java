package org.hapring.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written layouts against two independent sources: the offsets published in liburing's header
 * (as measured in the project notes) and, where a C compiler and liburing.h are installed, offsetof/sizeof
 * compiled from the real headers of this machine.
 */
class LayoutsTest {
    /** {Java class, C struct, field} for every field the bindings expose. */
    private static final List<String[]> FIELDS = List.of(
            f("io_uring", "io_uring", "sq"),
            f("io_uring", "io_uring", "cq"),
            f("io_uring", "io_uring", "flags"),
            f("io_uring", "io_uring", "ring_fd"),
            f("io_uring", "io_uring", "features"),
            f("io_uring", "io_uring", "enter_ring_fd"),
            f("io_uring", "io_uring", "int_flags"),
            f("io_uring_sq", "io_uring_sq", "khead"),
            f("io_uring_sq", "io_uring_sq", "ktail"),
            f("io_uring_sq", "io_uring_sq", "kring_mask"),
            f("io_uring_sq", "io_uring_sq", "kring_entries"),
            f("io_uring_sq", "io_uring_sq", "kflags"),
            f("io_uring_sq", "io_uring_sq", "kdropped"),
            f("io_uring_sq", "io_uring_sq", "array"),
            f("io_uring_sq", "io_uring_sq", "sqes"),
            f("io_uring_sq", "io_uring_sq", "sqe_head"),
            f("io_uring_sq", "io_uring_sq", "sqe_tail"),
            f("io_uring_sq", "io_uring_sq", "ring_sz"),
            f("io_uring_sq", "io_uring_sq", "ring_ptr"),
            f("io_uring_sq", "io_uring_sq", "ring_mask"),
            f("io_uring_sq", "io_uring_sq", "ring_entries"),
            f("io_uring_cq", "io_uring_cq", "khead"),
            f("io_uring_cq", "io_uring_cq", "ktail"),
            f("io_uring_cq", "io_uring_cq", "kring_mask"),
            f("io_uring_cq", "io_uring_cq", "kring_entries"),
            f("io_uring_cq", "io_uring_cq", "kflags"),
            f("io_uring_cq", "io_uring_cq", "koverflow"),
            f("io_uring_cq", "io_uring_cq", "cqes"),
            f("io_uring_cq", "io_uring_cq", "ring_sz"),
            f("io_uring_cq", "io_uring_cq", "ring_ptr"),
            f("io_uring_cq", "io_uring_cq", "ring_mask"),
            f("io_uring_cq", "io_uring_cq", "ring_entries"),
            f("io_uring_sqe", "io_uring_sqe", "opcode"),
            f("io_uring_sqe", "io_uring_sqe", "flags"),
            f("io_uring_sqe", "io_uring_sqe", "ioprio"),
            f("io_uring_sqe", "io_uring_sqe", "fd"),
            f("io_uring_sqe", "io_uring_sqe", "off"),
            f("io_uring_sqe", "io_uring_sqe", "addr"),
            f("io_uring_sqe", "io_uring_sqe", "len"),
            f("io_uring_sqe", "io_uring_sqe", "rw_flags"),
            f("io_uring_sqe", "io_uring_sqe", "user_data"),
            f("io_uring_sqe", "io_uring_sqe", "buf_index"),
            f("io_uring_sqe", "io_uring_sqe", "personality"),
            f("io_uring_sqe", "io_uring_sqe", "file_index"),
            f("io_uring_sqe", "io_uring_sqe", "addr3"),
            f("io_uring_cqe", "io_uring_cqe", "user_data"),
            f("io_uring_cqe", "io_uring_cqe", "res"),
            f("io_uring_cqe", "io_uring_cqe", "flags"),
            f("io_uring_params", "io_uring_params", "sq_entries"),
            f("io_uring_params", "io_uring_params", "cq_entries"),
            f("io_uring_params", "io_uring_params", "flags"),
            f("io_uring_params", "io_uring_params", "features"),
            f("io_uring_params", "io_uring_params", "wq_fd"),
            f("io_uring_probe", "io_uring_probe", "last_op"),
            f("io_uring_probe", "io_uring_probe", "ops_len"),
            f("io_uring_probe_op", "io_uring_probe_op", "op"),
            f("io_uring_probe_op", "io_uring_probe_op", "flags"),
            f("iovec", "iovec", "iov_base"),
            f("iovec", "iovec", "iov_len"),
            f("__kernel_timespec", "__kernel_timespec", "tv_sec"),
            f("__kernel_timespec", "__kernel_timespec", "tv_nsec"),
            f("stat", "stat", "st_size"),
            f("stat", "stat", "st_dev"),
            f("stat", "stat", "st_ino"),
            f("rlimit", "rlimit", "rlim_cur"),
            f("rlimit", "rlimit", "rlim_max"),
            f("rusage", "rusage", "ru_utime"),
            f("rusage", "rusage", "ru_stime"),
            f("rusage", "rusage", "ru_minflt"),
            f("rusage", "rusage", "ru_majflt"),
            f("rusage", "rusage", "ru_nvcsw"),
            f("rusage", "rusage", "ru_nivcsw"));

    private static final List<String> STRUCTS = List.of(
            "io_uring",
            "io_uring_sq",
            "io_uring_cq",
            "io_uring_sqe",
            "io_uring_cqe",
            "io_uring_params",
            "io_uring_probe",
            "io_uring_probe_op",
            "iovec",
            "__kernel_timespec",
            "stat",
            "rlimit",
            "rusage");

    private static String[] f(String javaClass, String cStruct, String field) {
        return new String[] {javaClass, cStruct, field};
    }

    private static long javaOffset(String javaClass, String field) throws ReflectiveOperationException {
        return (long) Class.forName("org.hapring.ffi." + javaClass)
                .getMethod(field + "$offset")
                .invoke(null);
    }

    private static long javaSize(String javaClass) throws ReflectiveOperationException {
        return (long) Class.forName("org.hapring.ffi." + javaClass)
                .getMethod("sizeof")
                .invoke(null);
    }

    @Test
    void offsetsMatchTheValuesPublishedForLiburing() throws ReflectiveOperationException {
        assertEquals(216, javaSize("io_uring"));
        assertEquals(104, javaSize("io_uring_sq"));
        assertEquals(88, javaSize("io_uring_cq"));
        assertEquals(64, javaSize("io_uring_sqe"));
        assertEquals(16, javaSize("io_uring_cqe"));
        assertEquals(120, javaSize("io_uring_params"));
        assertEquals(104, javaOffset("io_uring", "cq"));
        assertEquals(192, javaOffset("io_uring", "flags"));
        assertEquals(196, javaOffset("io_uring", "ring_fd"));
        assertEquals(200, javaOffset("io_uring", "features"));
        assertEquals(56, javaOffset("io_uring_sq", "sqes"));
        assertEquals(64, javaOffset("io_uring_sq", "sqe_head"));
        assertEquals(68, javaOffset("io_uring_sq", "sqe_tail"));
        assertEquals(88, javaOffset("io_uring_sq", "ring_mask"));
        assertEquals(92, javaOffset("io_uring_sq", "ring_entries"));
        assertEquals(48, javaOffset("io_uring_cq", "cqes"));
        assertEquals(72, javaOffset("io_uring_cq", "ring_mask"));
        assertEquals(32, javaOffset("io_uring_sqe", "user_data"));
        assertEquals(40, javaOffset("io_uring_sqe", "buf_index"));
        assertEquals(8, javaOffset("io_uring_cqe", "res"));
    }

    @Test
    void everyLayoutAgreesWithTheHeadersOfThisMachine(@TempDir Path dir) throws Exception {
        assumeTrue(
                Files.exists(Path.of("/usr/include/liburing.h")),
                "liburing.h is not installed (apt-get install liburing-dev): skipping the compiled-offsets check");
        assumeTrue("amd64".equals(System.getProperty("os.arch")), "struct stat is laid out for x86-64 here: skipping");
        StringBuilder c = new StringBuilder("#include <liburing.h>\n#include <sys/stat.h>\n#include <sys/resource.h>\n"
                + "#include <stdio.h>\n#include <stddef.h>\nint main(void) {\n");
        for (String s : STRUCTS) {
            c.append("  printf(\"%s sizeof %zu\\n\", \"")
                    .append(s)
                    .append("\", sizeof(struct ")
                    .append(s)
                    .append("));\n");
        }
        for (String[] fd : FIELDS) {
            c.append("  printf(\"%s %s %zu\\n\", \"")
                    .append(fd[1])
                    .append("\", \"")
                    .append(fd[2])
                    .append("\", offsetof(struct ")
                    .append(fd[1])
                    .append(", ")
                    .append(fd[2])
                    .append("));\n");
        }
        c.append("  return 0;\n}\n");
        Path src = dir.resolve("offsets.c");
        Path exe = dir.resolve("offsets");
        Files.writeString(src, c);
        String compiler = Files.isExecutable(Path.of("/usr/bin/cc")) ? "/usr/bin/cc" : "gcc";
        Process cc;
        try {
            cc = new ProcessBuilder(compiler, "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no C compiler (" + e.getMessage() + "): skipping the compiled-offsets check");
            return;
        }
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(120, TimeUnit.SECONDS) ? cc.exitValue() : -1, "cc failed: " + ccOut);
        Process run =
                new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(60, TimeUnit.SECONDS) ? run.exitValue() : -1);
        Map<String, Long> measured = new HashMap<>();
        out.lines().forEach(l -> {
            String[] p = l.split(" ");
            measured.put(p[0] + " " + p[1], Long.parseLong(p[2]));
        });
        for (String s : STRUCTS) {
            assertEquals(measured.get(s + " sizeof"), javaSize(s), "sizeof(struct " + s + ")");
        }
        for (String[] fd : FIELDS) {
            assertEquals(
                    measured.get(fd[1] + " " + fd[2]),
                    javaOffset(fd[0], fd[2]),
                    "offsetof(" + fd[1] + ", " + fd[2] + ")");
        }
    }
}
