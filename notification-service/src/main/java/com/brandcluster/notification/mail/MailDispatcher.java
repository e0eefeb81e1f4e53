package com.brandcluster.notification.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the queue holds, one delivery at a time: claims the delivery due longest (several instances may run
 * this; the claim is atomic, so each delivery is attempted by one of them), composes and sends it, and marks it SENT,
 * or on failure queues it again after an exponential backoff, or after the last attempt marks it FAILED with a short,
 * safe reason for the operators.
 * <p>
 * At least once, and why receivers still see it once: a crash after the SMTP server accepted a message but before
 * the SENT mark leaves the delivery SENDING; when its lease expires another dispatcher sends it again. The message
 * then carries the same {@code Message-ID} ({@code <deliveryId@brandcluster.notifications>}), by which mail
 * programs and many servers drop the duplicate. Losing a mail would be worse than that rare second copy.
 * <p>
 * An outage of the SMTP server loses nothing: a failed attempt leaves the delivery QUEUED for a later attempt, and a
 * round stops at the first delivery that could not reach the server, so the others wait untouched instead of each
 * spending an attempt and a connect timeout on a server that is known to be down.
 */
@Component
class MailDispatcher {

    static final String MESSAGE_ID_DOMAIN = "brandcluster.notifications";
    static final String METER = "brandcluster.mail.deliveries";

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Pattern MESSAGE_ID_SAFE = Pattern.compile("[A-Za-z0-9._~!$&'*+/=?^{|}-]{1,200}");
    private static final int MAX_REASON_LENGTH = 200;

    private final MailDeliveries deliveries;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final MailDeliveryProperties properties;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    MailDispatcher(MailDeliveries deliveries, MailComposer composer, JavaMailSender sender,
                   MailDeliveryProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.composer = composer;
        this.sender = sender;
        this.properties = properties;
        this.sent = outcomeCounter(meters, "sent", "E-mails the SMTP server accepted");
        this.retried = outcomeCounter(meters, "retried", "Failed attempts that will be retried after a backoff");
        this.failed = outcomeCounter(meters, "failed", "E-mails given up on (FAILED, for an operator to re-queue)");
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder(METER).tag("outcome", outcome).description(description).register(meters);
    }

    /**
     * One round: attempts due deliveries one at a time, at most {@code batch-size} of them, until none is due or
     * the SMTP server cannot be reached.
     *
     * @return how many deliveries were attempted
     */
    int dispatchDue() {
        int attempted = 0;
        while (attempted < properties.batchSize()) {
            Optional<MailDelivery> claimed = deliveries.claimNext(properties.lease());
            if (claimed.isEmpty()) {
                break;
            }
            attempted++;
            if (!attempt(claimed.get())) {
                break;
            }
        }
        return attempted;
    }

    /** Deletes SENT deliveries older than the retention; how many. */
    long purgeSent() {
        long deleted = deliveries.deleteSentBefore(deliveries.now().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} sent mail deliveries older than {}", deleted, properties.retention());
        }
        return deleted;
    }

    /** False when the SMTP server could not be reached (the round should stop). */
    private boolean attempt(MailDelivery delivery) {
        if (delivery.attempts() > properties.maxAttempts()) {
            giveUp(delivery, "Interrupted: the last attempt did not finish");
            return true;
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            composer.compose(message, delivery);
            message.setSentDate(Date.from(deliveries.now()));
            message.setHeader("Message-ID", messageId(delivery.id()));
        }
        catch (MessagingException | RuntimeException cannotBeComposed) {
            giveUp(delivery, reason(cannotBeComposed)); // a bad address or calendar entry: no retry can fix it
            return true;
        }
        try {
            sender.send(message);
        }
        catch (MailException ex) {
            String reason = reason(ex);
            if (delivery.attempts() >= properties.maxAttempts() || permanentlyRejected(ex)) {
                giveUp(delivery, reason);
            }
            else {
                retryLater(delivery, reason);
            }
            return !unreachable(ex);
        }
        if (deliveries.markSent(delivery)) {
            log.info("Sent mail delivery {} (attempt {})", delivery.id(), delivery.attempts());
        }
        else {
            log.warn("Sent mail delivery {}, but its claim had expired: another instance may send it again "
                    + "(same Message-ID)", delivery.id());
        }
        sent.increment();
        return true;
    }

    private void retryLater(MailDelivery delivery, String reason) {
        var next = deliveries.now().plus(properties.backoffAfter(delivery.attempts()));
        if (deliveries.retryAt(delivery, next, reason)) {
            log.warn("Mail delivery {} failed (attempt {} of {}: {}); next attempt at {}", delivery.id(),
                    delivery.attempts(), properties.maxAttempts(), reason, next);
        }
        retried.increment();
    }

    private void giveUp(MailDelivery delivery, String reason) {
        if (deliveries.markFailed(delivery, reason)) {
            log.error("Mail delivery {} FAILED at attempt {} of {}: {}", delivery.id(), delivery.attempts(),
                    properties.maxAttempts(), reason);
        }
        failed.increment();
    }

    /** {@code <deliveryId@brandcluster.notifications>}, or a name-based UUID of the id if it has unsafe characters. */
    static String messageId(String deliveryId) {
        String local = MESSAGE_ID_SAFE.matcher(deliveryId).matches() ? deliveryId
                : UUID.nameUUIDFromBytes(deliveryId.getBytes(StandardCharsets.UTF_8)).toString();
        return "<" + local + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /**
     * A short reason safe to store and show: the exception's class, and what it wraps (the SMTP reply code where the
     * server gave one), never a message text (which may hold addresses or server details).
     */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder(failure.getClass().getSimpleName());
        Throwable root = null;
        for (Throwable cause : causes(failure)) {
            if (cause == failure) {
                continue;
            }
            Integer code = switch (cause) {
                case SMTPAddressFailedException address -> address.getReturnCode();
                case SMTPSenderFailedException sender -> sender.getReturnCode();
                case SMTPSendFailedException send -> send.getReturnCode();
                default -> null;
            };
            if (code != null) {
                reason.append(": ").append(cause.getClass().getSimpleName()).append(", SMTP reply ").append(code);
                return truncate(reason);
            }
            root = cause;
        }
        if (root != null) {
            reason.append(": ").append(root.getClass().getSimpleName());
        }
        return truncate(reason);
    }

    /**
     * Whether the server refused the mail with a permanent negative reply (5xx, RFC 5321 section 4.2.1: an unknown
     * recipient, a refused sender): sending it again cannot succeed, so it fails at once. A 4xx reply (mailbox busy,
     * storage full) is transient and retried.
     */
    static boolean permanentlyRejected(Throwable failure) {
        return causes(failure).stream().map(cause -> switch (cause) {
            case SMTPAddressFailedException address -> address.getReturnCode();
            case SMTPSenderFailedException sender -> sender.getReturnCode();
            case SMTPSendFailedException send -> send.getReturnCode();
            default -> 0;
        }).anyMatch(code -> code >= 500 && code < 600);
    }

    /** Whether the failure was reaching the server at all (connect, connection lost), not a rejection. */
    static boolean unreachable(Throwable failure) {
        return causes(failure).stream()
                .anyMatch(cause -> cause instanceof MailConnectException || cause instanceof IOException);
    }

    /** The failure and everything it wraps: causes, the next exceptions of messaging exceptions, per-message ones. */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        List<Throwable> ordered = new ArrayList<>();
        while (!pending.isEmpty() && seen.size() < 20) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            ordered.add(next);
            if (next instanceof MailSendException send) {
                pending.addAll(send.getFailedMessages().values());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return ordered;
    }

    private static String truncate(StringBuilder reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason.toString() : reason.substring(0, MAX_REASON_LENGTH);
    }
}
