package com.brandcluster.platform.messaging.testapp;

import java.util.ArrayList;
import java.util.List;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An aggregate whose pending events travel in its own document. */
@Document(TestMembership.COLLECTION)
public class TestMembership implements OutboxCarrier {

    public static final String COLLECTION = "test_memberships";

    @Id
    private String id;

    @Version
    private Long version;

    private String status;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected TestMembership() {
    }

    public TestMembership(String id, String status) {
        this.id = id;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }
}
