package com.brandcluster.notification.reminder;

import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake {@link Notifier} (the real one belongs to the inbox feature) that records every call, duplicates included,
 * so that a test sees how often the reminders asked for a notification.
 */
final class RecordingNotifier implements Notifier {

    private final List<NotificationRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void notify(NotificationRequest request) {
        requests.add(request);
    }

    /** Every request made for this source (a reminder's key, or an event id). */
    List<NotificationRequest> about(String sourceId) {
        return requests.stream().filter(request -> request.sourceId().equals(sourceId)).toList();
    }

    /** Every request made about this subject ({@code :<subjectId>:} inside reminder keys). */
    List<NotificationRequest> aboutSubject(String subjectId) {
        return requests.stream().filter(request -> request.sourceId().contains(":" + subjectId + ":")).toList();
    }

    void forget() {
        requests.clear();
    }

    List<NotificationRequest> all() {
        return List.copyOf(requests);
    }

    List<Audience> audiencesOf(String sourceId) {
        return about(sourceId).stream().map(NotificationRequest::audience).toList();
    }
}
