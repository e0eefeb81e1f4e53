package com.brandcluster.notification.inbox;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;

/** The caller's own inbox; any authenticated user, whatever their role. */
@RestController
@Validated
@RequestMapping("/api/notifications")
@NullMarked
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    record NotificationView(String id, Category category, String messageKey, String subject, String body,
                            @Nullable String link, Instant createdAt, @Nullable Instant readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.category(), n.messageKey(), n.subject(), n.body(), n.link(),
                    n.createdAt(), n.readAt());
        }
    }

    record InboxView(PageView<NotificationView> notifications, long unreadCount) {
    }

    record UnreadCount(long unreadCount) {
    }

    record MarkedRead(long marked) {
    }

    @GetMapping("/me")
    InboxView mine(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String userId = caller.subject();
        return new InboxView(PageView.of(inbox.list(userId, unread, PageRequest.of(page, size)),
                NotificationView::of), inbox.unreadCount(userId));
    }

    @GetMapping("/me/unread-count")
    UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(inbox.unreadCount(caller.subject()));
    }

    @PostMapping("/{id}/read")
    NotificationView read(@PathVariable String id, Caller caller) {
        return NotificationView.of(inbox.markRead(caller.subject(), id));
    }

    @PostMapping("/me/read-all")
    MarkedRead readAll(Caller caller) {
        return new MarkedRead(inbox.markAllRead(caller.subject()));
    }
}
