package com.brandcluster.platform.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service for the messaging and outbox tests: an aggregate that carries an outbox ({@link TestMembership}),
 * and a consumer of the membership events that keeps a projection ({@link MemberEventsListener}).
 */
@SpringBootApplication
public class MessagingTestApplication {
}
