package com.brandcluster.testsupport;

import java.net.URI;

import com.rabbitmq.client.ConnectionFactory;

/**
 * Where the tests' RabbitMQ is and which virtual host this JVM owns.
 *
 * @param addresses     {@code host:port[,host:port...]}, as for {@code spring.rabbitmq.addresses}
 * @param host          the first address's host
 * @param port          the first address's port
 * @param virtualHost   this JVM's own virtual host ({@code bc-test-<pid>-<random>})
 * @param managementUrl base URL of the management HTTP API (without {@code /api})
 * @param username      user for AMQP and the management API
 * @param password      its password
 */
public record RabbitInfo(String addresses, String host, int port, String virtualHost, URI managementUrl,
                         String username, String password) {

    /** A management API client bound to this JVM's virtual host. */
    public RabbitManagement management() {
        return new RabbitManagement(this);
    }

    /** A fresh AMQP connection factory for this JVM's virtual host (for tests that publish or consume directly). */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        return factory;
    }

    @Override
    public String toString() {
        return "RabbitInfo[addresses=" + addresses + ", virtualHost=" + virtualHost + ", managementUrl="
                + managementUrl + ", username=" + username + "]";
    }
}
