package com.brandcluster.events.event;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface EventRepository extends MongoRepository<ExchangeEvent, String> {

    List<ExchangeEvent> findByStatusAndRegistrationsSettledFalse(ExchangeEvent.Status status);
}
