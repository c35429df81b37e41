package org.hapring.io.uring;

import org.hapring.ffi.Errno;

/**
 * The one-line explanations (cause and fix) of io_uring being unavailable or degraded, as users meet them:
 * Docker's seccomp profile, kernel.io_uring_disabled, old kernels, RLIMIT_MEMLOCK, a missing liburing.
 *
 * <p>Stateless; any thread.
 */
public final class UringDiagnostics {
    private UringDiagnostics() {}

    /** Why io_uring_setup failed with {@code errno} and how to fix it. */
    public static String setupFailure(int errno) {
        int e = Math.abs(errno);
        String head = "io_uring_setup failed with " + Errno.name(e) + ": ";
        return switch (e) {
            case Errno.EPERM ->
                head + "io_uring is blocked by a seccomp profile (Docker >= 25 and containerd 2.0"
                        + " default profiles) or by sysctl kernel.io_uring_disabled; fix: run the container with"
                        + " --security-opt seccomp=unconfined (or a profile allowing io_uring_setup, io_uring_enter and"
                        + " io_uring_register), or set kernel.io_uring_disabled=0";
            case Errno.ENOSYS ->
                head + "the kernel has no io_uring or a sandbox hides it (seccomp returning ENOSYS);"
                        + " fix: Linux >= 5.6 with CONFIG_IO_URING, or allow io_uring_setup/enter/register in the sandbox";
            case Errno.ENOMEM ->
                head + "not enough locked memory for the rings (kernels < 5.12 charge them to"
                        + " RLIMIT_MEMLOCK); fix: --ulimit memlock=-1 or a smaller io.queueDepth";
            case Errno.EINVAL -> head + "the kernel refused the ring parameters (kernel too old?); fix: Linux >= 5.6";
            default -> head + "fix: check the kernel's io_uring support (Linux >= 5.6)";
        };
    }

    /** Why buffer registration failed with {@code errno}, and the fix, given RLIMIT_MEMLOCK in bytes. */
    public static String registrationFailure(int errno, long memlockLimitBytes) {
        int e = Math.abs(errno);
        String limit = memlockLimitBytes == -1
                ? "unlimited"
                : memlockLimitBytes == -2 ? "unknown" : (memlockLimitBytes / 1024) + " KiB";
        if (e == Errno.ENOMEM) {
            return "io_uring buffer registration failed with ENOMEM: registered buffers are pinned and charged to"
                    + " RLIMIT_MEMLOCK (" + limit + ") without CAP_IPC_LOCK; reading into unregistered buffers"
                    + " (uring-noreg) instead; fix: --ulimit memlock=-1 (Docker), ulimit -l unlimited, or"
                    + " --cap-add IPC_LOCK";
        }
        return "io_uring buffer registration failed with " + Errno.name(e) + " (RLIMIT_MEMLOCK " + limit
                + "); reading into unregistered buffers (uring-noreg) instead; fix: Linux >= 5.19 for sparse"
                + " buffer tables";
    }

    /** The fix for a missing liburing.so.2. */
    public static String libraryMissing(String detail) {
        return "liburing.so.2 cannot be loaded (" + detail + "); fix: apt-get install liburing2"
                + " (Fedora: dnf install liburing)";
    }
}
