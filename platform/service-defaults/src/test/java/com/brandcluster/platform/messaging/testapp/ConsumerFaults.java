package com.brandcluster.platform.messaging.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Enterprises whose events the test consumer fails on until a test repairs it (a bug fixed by a release). */
@Component
public class ConsumerFaults {

    private final Set<String> broken = ConcurrentHashMap.newKeySet();

    public void breakFor(String enterpriseId) {
        broken.add(enterpriseId);
    }

    public void repair(String enterpriseId) {
        broken.remove(enterpriseId);
    }

    boolean isBroken(String enterpriseId) {
        return broken.contains(enterpriseId);
    }
}
