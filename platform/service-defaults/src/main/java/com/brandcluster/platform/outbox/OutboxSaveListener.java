package com.brandcluster.platform.outbox;

import java.util.List;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay after a carrier with pending entries was saved, so events go out without waiting for the poll. */
final class OutboxSaveListener extends AbstractMongoEventListener<OutboxCarrier> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxCarrier> event) {
        List<OutboxEntry> outbox = event.getSource().outbox();
        if (outbox != null && outbox.stream().anyMatch(OutboxEntry::pending)) {
            relay.wakeUp(event.getCollectionName());
        }
    }
}
