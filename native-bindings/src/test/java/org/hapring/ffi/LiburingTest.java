package org.hapring.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Real downcalls into liburing.so.2 (skipped with the reason where it or io_uring is unavailable). */
class LiburingTest {
    @Test
    void setUpProbeAndTearDownARing() throws Exception {
        assumeTrue(Liburing.isAvailable(), "liburing.so.2 is not installed (apt-get install liburing2): skipping");
        Liburing.requireAvailable();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = io_uring.allocate(arena);
            MemorySegment params = io_uring_params.allocate(arena);
            int rc = Liburing.io_uring_queue_init_params(8, ring, params);
            assumeTrue(rc == 0, "io_uring_setup refused here (" + Errno.name(rc) + "): skipping");
            try {
                MemorySegment sq = io_uring.sq(ring);
                assertEquals(8, io_uring_sq.ring_entries(sq));
                assertEquals(7, io_uring_sq.ring_mask(sq));
                assertTrue(io_uring_cq.ring_entries(io_uring.cq(ring)) >= 8);
                assertTrue(io_uring.ring_fd(ring) >= 0);
                MemorySegment probe = Liburing.io_uring_get_probe_ring(ring);
                assertFalse(probe.equals(MemorySegment.NULL));
                try {
                    MemorySegment p = probe.reinterpret(io_uring_probe.sizeof() + 256 * io_uring_probe_op.sizeof());
                    int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(p));
                    assertTrue(lastOp >= Liburing.IORING_OP_READ(), "kernel without IORING_OP_READ");
                    MemorySegment op =
                            p.asSlice(io_uring_probe.sizeof() + Liburing.IORING_OP_READ() * io_uring_probe_op.sizeof());
                    assertEquals(Liburing.IORING_OP_READ(), Byte.toUnsignedInt(io_uring_probe_op.op(op)));
                } finally {
                    Liburing.io_uring_free_probe(probe);
                }
            } finally {
                Liburing.io_uring_queue_exit(ring);
            }
        }
    }
}
