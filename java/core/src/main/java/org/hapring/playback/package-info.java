/**
 * The headless player: a drift-free {@link org.hapring.playback.FrameClock}, layers with play/pause, speed
 * (negative = reverse), loops and seeks ({@link org.hapring.playback.PlayProgram},
 * {@link org.hapring.playback.LayerSchedule}), and the {@link org.hapring.playback.Player} that shows every
 * layer's due frame through a {@link org.hapring.playback.FrameSink} once per tick.
 *
 * <h2>Use</h2>
 * <pre>
 *   PlayerConfig config = PlayerConfig.builder().load(file).set("engine", "uring").build();
 *   try (Player player = Player.start(config, sink, FrameDecoders.hap(), System.err::println)) {
 *       int layer = player.openLayer(Path.of("clip.mov"));     // paused on its first frame, being read
 *       player.play(layer);
 *       player.awaitReady(5_000_000_000L);                      // pre-roll
 *       TickDriver driver = new TickDriver(player, player.clock(System.nanoTime()), Long.MAX_VALUE).start();
 *       player.seek(layer, 120);  player.setSpeed(layer, -1);   // any control thread
 *       PlayerStats stats = player.snapshot();                  // any thread
 *   }
 * </pre>
 * A render loop can be the tick thread itself: call {@link org.hapring.playback.Player#tick(long)} once per
 * frame. A sink that uploads asynchronously calls {@code retain()} in {@code show} and {@code release()} when
 * the upload is done; the slot is not reused until then.
 *
 * <h2>Threads</h2>
 * The tick thread applies commands at the start of a tick and never blocks, decompresses or allocates (with the
 * {@code wait} miss policy it waits at most the configured deadline); the I/O thread and the decode workers
 * belong to the pre-buffer. Stats are counters with one writer each and wait-free histograms.
 */
package org.hapring.playback;
