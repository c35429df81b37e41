package org.hapring.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Test support: installs a seccomp BPF filter on every thread of this process (SECCOMP_FILTER_FLAG_TSYNC)
 * that makes io_uring_setup, io_uring_enter and io_uring_register fail with a chosen errno, the way
 * Docker's default profile does. Works unprivileged (PR_SET_NO_NEW_PRIVS first) and as root.
 *
 * <p>Called once, by the main thread of a child JVM, before any engine starts.
 */
public final class Seccomp {
    private static final int PR_SET_NO_NEW_PRIVS = 38;
    private static final int SECCOMP_SET_MODE_FILTER = 1;
    private static final int SECCOMP_FILTER_FLAG_TSYNC = 1;
    private static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    private static final int SECCOMP_RET_ERRNO = 0x00050000;
    private static final int BPF_LD_W_ABS = 0x20;
    private static final int BPF_JEQ_K = 0x15;
    private static final int BPF_RET_K = 0x06;

    private Seccomp() {}

    public static void blockIoUring(int errno) throws Throwable {
        boolean aarch64 = "aarch64".equals(System.getProperty("os.arch"));
        int auditArch = aarch64 ? 0xC00000B7 : 0xC000003E;
        long sysSeccomp = aarch64 ? 277 : 317;
        Linker linker = Linker.nativeLinker();
        Linker.Option errnoCapture = Linker.Option.captureCallState("errno");
        VarHandle errnoHandle =
                Linker.Option.captureStateLayout().varHandle(MemoryLayout.PathElement.groupElement("errno"));
        MethodHandle prctl = linker.downcallHandle(
                linker.defaultLookup().find("prctl").orElseThrow(),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG),
                Linker.Option.firstVariadicArg(1),
                errnoCapture);
        MethodHandle syscall = linker.downcallHandle(
                linker.defaultLookup().find("syscall").orElseThrow(),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.ADDRESS),
                Linker.Option.firstVariadicArg(1),
                errnoCapture);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) prctl.invokeExact(state, PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L);
            if (rc != 0) {
                throw new IllegalStateException(
                        "prctl(PR_SET_NO_NEW_PRIVS) failed, errno=" + errnoHandle.get(state, 0L));
            }
            int[][] program = {
                {BPF_LD_W_ABS, 0, 0, 4}, // A = seccomp_data.arch
                {BPF_JEQ_K, 0, 4, auditArch}, // other arch: allow
                {BPF_LD_W_ABS, 0, 0, 0}, // A = seccomp_data.nr
                {BPF_JEQ_K, 3, 0, 425}, // io_uring_setup
                {BPF_JEQ_K, 2, 0, 426}, // io_uring_enter
                {BPF_JEQ_K, 1, 0, 427}, // io_uring_register
                {BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW},
                {BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | (errno & 0xFFFF)},
            };
            MemorySegment filter = arena.allocate(8L * program.length, 8);
            for (int i = 0; i < program.length; i++) {
                filter.set(ValueLayout.JAVA_SHORT, i * 8L, (short) program[i][0]);
                filter.set(ValueLayout.JAVA_BYTE, i * 8L + 2, (byte) program[i][1]);
                filter.set(ValueLayout.JAVA_BYTE, i * 8L + 3, (byte) program[i][2]);
                filter.set(ValueLayout.JAVA_INT, i * 8L + 4, program[i][3]);
            }
            MemorySegment fprog = arena.allocate(16, 8);
            fprog.set(ValueLayout.JAVA_SHORT, 0, (short) program.length);
            fprog.set(ValueLayout.ADDRESS, 8, filter);
            long r = (long) syscall.invokeExact(
                    state, sysSeccomp, (long) SECCOMP_SET_MODE_FILTER, (long) SECCOMP_FILTER_FLAG_TSYNC, fprog);
            if (r != 0) {
                throw new IllegalStateException(
                        "seccomp(SET_MODE_FILTER, TSYNC) returned " + r + ", errno=" + errnoHandle.get(state, 0L));
            }
        }
    }
}
