package com.brandcluster.platform.messaging.testapp;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface TestMemberships extends MongoRepository<TestMembership, String> {
}
