package com.brandcluster.platform.testapp;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** A Feign client of "another service", stubbed by WireMock ({@link RemoteServiceStub}). */
@FeignClient(name = "remote", url = "${testapp.remote.url}")
public interface RemoteClient {

    @GetMapping("/remote/things/{id}")
    Thing thing(@PathVariable("id") String id);

    @PostMapping("/remote/things")
    Thing create(@RequestBody Thing thing);

    @GetMapping("/remote/slow")
    Thing slow();

    @GetMapping("/remote/flaky")
    Thing flaky();

    @GetMapping("/remote/unstable")
    Thing unstable();

    record Thing(String id, String name, java.time.Instant createdAt, Price price) {

        Thing(String id, String name, java.time.Instant createdAt) {
            this(id, name, createdAt, null);
        }
    }

    /** Written and read only by the application's Jackson module ({@link TestApplication#priceModule()}). */
    record Price(long cents) {
    }
}
