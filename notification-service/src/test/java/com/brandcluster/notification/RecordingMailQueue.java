package com.brandcluster.notification;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.brandcluster.notification.mail.MailQueue;
import com.brandcluster.notification.mail.MailRequest;

/** A {@link MailQueue} that only records what it is given, in place of the real one in the tests of this scope. */
public class RecordingMailQueue implements MailQueue {

    private final List<MailRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<String> failFor = ConcurrentHashMap.newKeySet();

    @Override
    public void enqueue(MailRequest request) {
        if (failFor.remove(request.to())) {
            throw new IllegalStateException("The mail queue is down (test)");
        }
        requests.add(request);
    }

    /** The next e-mail to this address fails to be queued. */
    public void failNextTo(String address) {
        failFor.add(address);
    }

    public List<MailRequest> requests() {
        return List.copyOf(requests);
    }

    public List<MailRequest> to(String address) {
        return requests.stream().filter(r -> r.to().equals(address)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        RecordingMailQueue recordingMailQueue() {
            return new RecordingMailQueue();
        }
    }
}
