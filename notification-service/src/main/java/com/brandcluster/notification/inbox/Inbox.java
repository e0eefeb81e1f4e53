package com.brandcluster.notification.inbox;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.platform.web.NotFoundException;

/** A user's own inbox: reading it and marking entries read. Nobody sees or touches another user's entries. */
@Component
class Inbox {

    private final MongoOperations mongo;
    private final Clock clock;

    Inbox(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Newest first. */
    Page<Notification> list(String userId, boolean unreadOnly, PageRequest page) {
        Query query = Query.query(unreadOnly ? unread(userId) : Criteria.where("userId").is(userId));
        long total = mongo.count(query, Notification.class);
        List<Notification> content = mongo.find(Query.of(query).with(page.withSort(
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))), Notification.class);
        return new PageImpl<>(content, page, total);
    }

    long unreadCount(String userId) {
        return mongo.count(Query.query(unread(userId)), Notification.class);
    }

    /** Marks the user's notification read (again: no change); another user's id is not found. */
    Notification markRead(String userId, String notificationId) {
        Query own = Query.query(Criteria.where("_id").is(notificationId).and("userId").is(userId));
        Notification notification = mongo.findAndModify(Query.of(own).addCriteria(Criteria.where("readAt").is(null)),
                new Update().set("readAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                Notification.class);
        if (notification == null) {
            notification = mongo.findOne(own, Notification.class);
        }
        if (notification == null) {
            throw new NotFoundException("Notification", notificationId);
        }
        return notification;
    }

    /** @return how many were unread */
    long markAllRead(String userId) {
        return mongo.updateMulti(Query.query(unread(userId)), new Update().set("readAt", clock.instant()),
                Notification.class).getModifiedCount();
    }

    private static Criteria unread(String userId) {
        return Criteria.where("userId").is(userId).and("readAt").is(null);
    }
}
