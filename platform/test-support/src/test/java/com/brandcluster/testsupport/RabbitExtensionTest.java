package com.brandcluster.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RabbitExtensionTest {

    @Test
    void explainsHowToStartOrInstallRabbitWhenTheBrokerIsNotAnswering() {
        int port = Support.freePort();
        assertThatThrownBy(() -> RabbitExtension.create(Map.of("RABBITMQ_ADDRESSES", "127.0.0.1:" + port)::get))
                .hasMessageContaining("is not answering on 127.0.0.1:" + port)
                .hasMessageContaining("rabbitmq-server -detached")
                .hasMessageContaining("apt-get install -y rabbitmq-server")
                .hasMessageContaining("RABBITMQ_ADDRESSES=127.0.0.1:" + port);
    }
}
