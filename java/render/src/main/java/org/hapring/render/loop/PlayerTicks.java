package org.hapring.render.loop;

import org.hapring.playback.Player;

/**
 * The player's ticks as the render loop runs them: {@link Player#tick} (acquire every layer's due frame and
 * show it through the sink) and {@link Player#skipTicks}. The render thread is the player's tick thread.
 *
 * <p>Called on the render thread.
 */
public final class PlayerTicks implements RenderLoop.Ticks {
    private final Player player;

    public PlayerTicks(Player player) {
        this.player = player;
    }

    @Override
    public void tick(long tick) {
        player.tick(tick);
    }

    @Override
    public void skipTicks(long count) {
        player.skipTicks(count);
    }
}
