package com.brandcluster.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;

/**
 * One browser session as {@link BrowserSessions} keeps it: the attributes, and which of them this request set or
 * removed. Only those are written back, so two requests of one browser that overlap never undo each other's changes
 * (a background request that read the session before a login started must not write the login's pending
 * authorization request away). Like Spring Session's {@code SaveMode.ON_SET_ATTRIBUTE}: an attribute value changed
 * in place without being set again is not saved; Spring Security always sets what it changes.
 */
final class BrowserSession implements Session {

    private final Clock clock;
    private final Instant creationTime;
    private final Map<String, Object> attributes;
    private final Set<String> changedAttributes = new LinkedHashSet<>();
    private String id;
    private String storedId;
    private boolean stored;
    private Instant lastAccessedTime;
    private Duration maxInactiveInterval;

    /** A new session, not yet stored. */
    BrowserSession(String id, Duration maxInactiveInterval, Clock clock) {
        this(id, clock.instant(), clock.instant(), maxInactiveInterval, new HashMap<>(), false, clock);
    }

    /** A session read from the store. */
    BrowserSession(String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
            Map<String, Object> attributes, boolean stored, Clock clock) {
        this.id = id;
        this.storedId = id;
        this.creationTime = creationTime;
        this.lastAccessedTime = lastAccessedTime;
        this.maxInactiveInterval = maxInactiveInterval;
        this.attributes = attributes;
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public String getId() {
        return id;
    }

    /** Session fixation protection (after login): a new id; {@link BrowserSessions#save} moves the document. */
    @Override
    public String changeSessionId() {
        this.id = BrowserSessions.newSessionId();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T getAttribute(String attributeName) {
        return (T) attributes.get(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Collections.unmodifiableSet(attributes.keySet());
    }

    @Override
    public void setAttribute(String attributeName, @Nullable Object attributeValue) {
        if (attributeValue == null) {
            removeAttribute(attributeName);
            return;
        }
        attributes.put(attributeName, attributeValue);
        changedAttributes.add(attributeName);
    }

    @Override
    public void removeAttribute(String attributeName) {
        attributes.remove(attributeName);
        changedAttributes.add(attributeName);
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessedTime = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        this.maxInactiveInterval = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public boolean isExpired() {
        return !expiresAt().isAfter(clock.instant());
    }

    Instant expiresAt() {
        return lastAccessedTime.plus(maxInactiveInterval);
    }

    /** Whether the store holds this session (under {@link #storedId()}). */
    boolean isStored() {
        return stored;
    }

    /** The id the store knows the session by: differs from {@link #getId()} after {@link #changeSessionId()}. */
    String storedId() {
        return storedId;
    }

    /** The attributes set or removed since the session was read or last saved. */
    Set<String> changedAttributes() {
        return Collections.unmodifiableSet(changedAttributes);
    }

    /** After a save: the store holds this state under the current id. */
    void saved() {
        stored = true;
        storedId = id;
        changedAttributes.clear();
    }
}
