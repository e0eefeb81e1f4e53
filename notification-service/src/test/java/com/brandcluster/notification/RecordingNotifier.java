package com.brandcluster.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

import com.brandcluster.notification.inbox.MessageTexts;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link Notifier} that records the requests it is given and proves each one renders: its message key exists in
 * English and Simplified Chinese and every placeholder of both texts has its argument.
 */
public class RecordingNotifier implements Notifier {

    /** The service's message bundle, configured as in application.yml. */
    public static final MessageTexts TEXTS = new MessageTexts(messageSource());

    private final List<NotificationRequest> requests = new ArrayList<>();

    @Override
    public void notify(NotificationRequest request) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            MessageTexts.Rendered text = TEXTS.render(request.messageKey(), request.args(), request.timeZone(), locale);
            assertThat(text.subject() + text.body()).as(request.messageKey() + " in " + locale)
                    .doesNotContain("{", "}").isNotBlank();
        }
        requests.add(request);
    }

    public List<NotificationRequest> requests() {
        return List.copyOf(requests);
    }

    public NotificationRequest only() {
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    public static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/notifications");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
