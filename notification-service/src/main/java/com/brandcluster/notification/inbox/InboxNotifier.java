package com.brandcluster.notification.inbox;

import java.time.Clock;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.brandcluster.notification.directory.Recipient;
import com.brandcluster.notification.directory.RecipientDirectory;
import com.brandcluster.notification.mail.MailQueue;
import com.brandcluster.notification.mail.MailRequest;

/**
 * The {@link Notifier}: one inbox entry per recipient, then, only from the call that inserted it, one e-mail when
 * the recipient wants the category by e-mail and has an address. Steps per recipient keyed by (sourceId, user) and
 * each idempotent (pattern 4 of DESIGN.md §6): the insert is the claim (unique index, pattern 2); a redelivery or a
 * second instance loses the insert race and does nothing. The e-mail queue is idempotent on the notification id too,
 * so if enqueuing fails after the insert, the inbox entry is removed again and the redelivered event redoes both.
 */
@Component
class InboxNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(InboxNotifier.class);

    private final RecipientDirectory directory;
    private final MessageTexts texts;
    private final MongoOperations mongo;
    private final MailQueue mail;
    private final EmailWishes wishes;
    private final NotificationProperties properties;
    private final Clock clock;

    InboxNotifier(RecipientDirectory directory, MessageTexts texts, MongoOperations mongo, MailQueue mail,
                  EmailWishes wishes, NotificationProperties properties, Clock clock) {
        this.directory = directory;
        this.texts = texts;
        this.mongo = mongo;
        this.mail = mail;
        this.wishes = wishes;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(NotificationRequest request) {
        List<Recipient> recipients = directory.resolve(request.audience());
        if (recipients.isEmpty()) {
            log.info("Notification {} ({}) reaches nobody yet: {}", request.sourceId(), request.messageKey(),
                    request.audience());
        }
        for (Recipient recipient : recipients) {
            notify(request, recipient);
        }
    }

    private void notify(NotificationRequest request, Recipient recipient) {
        MessageTexts.Rendered text = texts.render(request.messageKey(), request.args(), request.timeZone(),
                recipient.locale());
        Notification notification = new Notification(new ObjectId().toHexString(), recipient.userId(),
                request.category(), request.messageKey(), text.subject(), text.body(), request.link(),
                clock.instant(), null, request.sourceId());
        try {
            mongo.insert(notification);
        }
        catch (DuplicateKeyException alreadyMade) {
            log.debug("Notification {} for user {} was made before", request.sourceId(), recipient.userId());
            return;
        }
        if (recipient.email() == null || recipient.email().isBlank()) {
            log.info("Notification {} ({}) for user {}: inbox only, no e-mail address", notification.id(),
                    request.messageKey(), recipient.userId());
            return;
        }
        if (!request.category().mandatory() && !wishes.wantsEmail(recipient.userId(), request.category())) {
            log.info("Notification {} ({}) for user {}: inbox only, e-mails of {} turned off", notification.id(),
                    request.messageKey(), recipient.userId(), request.category());
            return;
        }
        try {
            mail.enqueue(new MailRequest(notification.id(), recipient.email(), recipient.displayName(),
                    recipient.locale(), text.subject(), text.body(),
                    request.link() == null ? null : properties.absolute(request.link()), request.calendar()));
        }
        catch (RuntimeException ex) {
            // Step 2 failed: undo step 1 so that the redelivered event makes the notification and its e-mail again.
            mongo.remove(notification);
            throw ex;
        }
    }
}
