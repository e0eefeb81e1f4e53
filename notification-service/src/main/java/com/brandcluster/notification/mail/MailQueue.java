package com.brandcluster.notification.mail;

/**
 * Durable queue of e-mails: {@link #enqueue} stores the request; a dispatcher sends it over SMTP, retrying with
 * backoff, so that an SMTP outage loses nothing.
 */
public interface MailQueue {

    /** Idempotent on {@link MailRequest#deliveryId()}: a second call with the same id changes nothing. */
    void enqueue(MailRequest request);
}
