package com.brandcluster.platform.messaging;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.core.NestedExceptionUtils;

/**
 * Spring AMQP's conditional rejection (conversion failures, missing handler methods and the like are fatal: rejected
 * without requeue, so dead-lettered at once; any other listener failure is requeued and counted against the queue's
 * delivery limit), with two changes:
 * <ul>
 * <li>a fatal message is logged by its routing key and id only, never with its body (payloads may carry personal
 * data);</li>
 * <li>a fatal message that was dead-lettered before (it has an {@code x-death} header, e.g. moved back from a DLQ)
 * is dead-lettered again instead of being silently discarded.</li>
 * </ul>
 */
final class EventListenerErrorHandler extends ConditionalRejectingErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(EventListenerErrorHandler.class);

    EventListenerErrorHandler() {
        super(new SafeLoggingExceptionStrategy());
        setDiscardFatalsWithXDeath(false);
    }

    /** A listener failure (requeued) with its stack trace; an unconvertible message only by the strategy, below. */
    @Override
    protected void log(Throwable failure) {
        if (NestedExceptionUtils.getRootCause(failure) instanceof MessageConversionException) {
            return;
        }
        MessageProperties properties = failure instanceof ListenerExecutionFailedException listenerFailure
                && listenerFailure.getFailedMessage() != null
                ? listenerFailure.getFailedMessage().getMessageProperties() : null;
        log.warn("Listener failed on message {} from queue {} (routing key {}); it is requeued until the queue's "
                        + "delivery limit dead-letters it", properties == null ? null : properties.getMessageId(),
                properties == null ? null : properties.getConsumerQueue(),
                properties == null ? null : properties.getReceivedRoutingKey(), failure);
    }

    static final class SafeLoggingExceptionStrategy extends DefaultExceptionStrategy {

        @Override
        protected void logFatalException(ListenerExecutionFailedException exception, @Nullable Throwable cause) {
            Message message = exception.getFailedMessage();
            MessageProperties properties = message == null ? null : message.getMessageProperties();
            log.warn("Rejecting message {} from queue {} (routing key {}) without requeue, to its dead-letter queue: {}",
                    properties == null ? null : properties.getMessageId(),
                    properties == null ? null : properties.getConsumerQueue(),
                    properties == null ? null : properties.getReceivedRoutingKey(),
                    cause == null ? exception.getMessage() : cause.getMessage());
        }
    }
}
