package io.bramble.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class BackpressureTest {
    @Test
    void stopsReadingWhileAnswersPileUpAndResumesWhenTheyDrain() {
        EmbeddedChannel channel = new EmbeddedChannel(new Backpressure());
        channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(1024, 2048));
        assertThat(channel.config().isAutoRead()).isTrue();

        channel.write(Unpooled.wrappedBuffer(new byte[1500]));
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.write(Unpooled.wrappedBuffer(new byte[1500]));
        assertThat(channel.isWritable()).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();

        channel.flush();
        assertThat(channel.isWritable()).isTrue();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }
}
