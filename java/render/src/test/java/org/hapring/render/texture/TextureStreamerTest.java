package org.hapring.render.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlDriver;
import org.hapring.render.gl.GlUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lwjgl.opengl.GL11C;

/**
 * Texture streaming on both paths: a pair of textures per layer plane, used in turn frame after frame and
 * replaced only when the picture changes size or format; sizes checked before any native call; no Java allocation per upload.
 *
 * <p>Runs on the test thread, which owns the headless context; skips when there is no OpenGL.
 */
class TextureStreamerTest {
    private static EglOffscreenOutput output;
    private static GlDriver driver;

    @BeforeAll
    static void open() {
        try {
            output = EglOffscreenOutput.open();
        } catch (GlUnavailableException e) {
            assumeTrue(false, "no OpenGL here: " + e.getMessage());
        }
        driver = GlDriver.current();
    }

    @AfterAll
    static void close() {
        if (output != null) {
            output.close();
        }
    }

    private static void assumePath(UploadPath path) {
        assumeTrue(path != UploadPath.PBO || driver.bufferStorage(), "no buffer storage: no PBO path");
    }

    private static TextureFrame frame(Arena arena, TextureFormat format, int width, int height) {
        long bytes = format.textureBytes(width, height);
        TextureFrame f = TextureFrame.allocate(arena, bytes, 1);
        f.storage(0).fill((byte) 0x5A);
        f.reset(width, height);
        f.setPlane(0, format, bytes);
        return f;
    }

    @ParameterizedTest
    @EnumSource(UploadPath.class)
    void texturesAreAllocatedOncePerLayerAndReplacedOnlyWhenThePictureChanges(UploadPath path) {
        assumePath(path);
        try (Arena arena = Arena.ofConfined();
                TextureStreamer s = new TextureStreamer(driver, path)) {
            TextureFrame a = frame(arena, TextureFormat.DXT1, 64, 48);
            s.upload(3, 0, a);
            int first = s.textures(3).textureId(0);
            s.upload(3, 1, a);
            int second = s.textures(3).textureId(0);
            assertNotEquals(first, second, "consecutive frames go into the two textures of the pair in turn");
            for (int i = 2; i < 20; i++) {
                s.upload(3, i, a);
                assertEquals(
                        i % 2 == 0 ? first : second, s.textures(3).textureId(0), "frame " + i + " reuses the pair");
            }
            assertEquals(19, s.textures(3).frameIndex());
            assertEquals(null, s.textures(2), "layers without uploads have no textures");
            s.upload(3, 20, frame(arena, TextureFormat.BC4, 64, 48));
            int replaced = s.textures(3).textureId(0);
            assertFalse(GL11C.glIsTexture(first) || GL11C.glIsTexture(second), "the DXT1 pair was deleted");
            s.upload(3, 21, frame(arena, TextureFormat.BC4, 66, 50));
            assertNotEquals(replaced, s.textures(3).textureId(0));
            assertFalse(GL11C.glIsTexture(replaced));
            assertEquals(68, s.textures(3).storageWidth(), "storage rounds up to whole blocks");
            assertEquals(52, s.textures(3).storageHeight());
            s.forget(3);
            assertEquals(null, s.textures(3));
            assertEquals(GL11C.GL_NO_ERROR, GL11C.glGetError());
        }
    }

    @ParameterizedTest
    @EnumSource(UploadPath.class)
    void wrongSizesAndHeapMemoryAreRejectedBeforeAnyNativeCall(UploadPath path) {
        assumePath(path);
        try (Arena arena = Arena.ofConfined();
                TextureStreamer s = new TextureStreamer(driver, path)) {
            TextureFrame shortPlane = frame(arena, TextureFormat.DXT5, 64, 48);
            shortPlane.setPlane(0, TextureFormat.DXT5, TextureFormat.DXT5.textureBytes(64, 48) - 16);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.upload(0, 7, shortPlane));
            assertTrue(e.getMessage().contains("frame 7 plane 0: DXT5 64x48 needs 3072"), e.getMessage());
            byte[] heap = new byte[(int) TextureFormat.DXT1.textureBytes(64, 48)];
            TextureFrame onHeap = TextureFrame.wrap(MemorySegment.ofArray(heap), MemorySegment.ofArray(new byte[1]));
            onHeap.reset(64, 48);
            onHeap.setPlane(0, TextureFormat.DXT1, heap.length);
            e = assertThrows(IllegalArgumentException.class, () -> s.upload(0, 8, onHeap));
            assertTrue(e.getMessage().contains("on the heap"), e.getMessage());
            TextureFrame empty = frame(arena, TextureFormat.DXT1, 64, 48);
            empty.reset(0, 48);
            assertThrows(IllegalArgumentException.class, () -> s.upload(0, 9, empty));
            assertThrows(IllegalArgumentException.class, () -> s.upload(-1, 9, frame(arena, TextureFormat.DXT1, 8, 8)));
            assertEquals(null, s.textures(0), "nothing was uploaded");
        }
    }

    @ParameterizedTest
    @EnumSource(UploadPath.class)
    void uploadsAllocateNothingOnTheJavaHeap(UploadPath path) {
        assumePath(path);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        try (Arena arena = Arena.ofConfined();
                TextureStreamer s = new TextureStreamer(driver, path)) {
            TextureFrame colour = frame(arena, TextureFormat.DXT5, 256, 128);
            TextureFrame alpha = frame(arena, TextureFormat.BC4, 128, 64);
            for (int i = 0; i < 2_000; i++) {
                // warm-up: let the JIT compile the upload path
                s.upload(0, i, colour);
                s.upload(1, i, alpha);
            }
            long tid = Thread.currentThread().threadId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 1_000; i++) {
                s.upload(0, i, colour);
                s.upload(1, i, alpha);
                if (i % 50 == 0) {
                    GL11C.glFlush();
                }
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 16 * 1024, "2000 uploads allocated " + allocated + " bytes on the Java heap");
        }
    }
}
