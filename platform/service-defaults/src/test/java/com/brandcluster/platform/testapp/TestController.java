package com.brandcluster.platform.testapp;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;

@RestController
@RequestMapping("/api/test")
class TestController {

    static final String SECRET = "mongodb://portal:s3cr3t@mongo.internal:27017";

    private static final Logger log = LoggerFactory.getLogger(TestController.class);

    private final RemoteClient remote;

    TestController(RemoteClient remote) {
        this.remote = remote;
    }

    @GetMapping("/public/caller")
    Caller publicCaller(Caller caller) {
        return caller;
    }

    @GetMapping("/me")
    Caller me(Caller caller) {
        log.info("Caller asked who they are");
        return caller;
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('alliance-admin')")
    Map<String, String> admin() {
        return Map.of("secret", "admin only");
    }

    /** Per-object authorisation: only the secretariat of this cluster. */
    @GetMapping("/clusters/{clusterId}/applications")
    Map<String, Object> applications(@PathVariable String clusterId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of " + clusterId + " sees its applications.");
        }
        return Map.of("clusterId", clusterId, "applications", List.of());
    }

    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MemberRequest createMember(@Valid @RequestBody MemberRequest member) {
        return member;
    }

    /** Any JSON document, echoed: the shape of endpoints that read free JSON (merge patches). */
    @PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    tools.jackson.databind.JsonNode echo(@RequestBody tools.jackson.databind.JsonNode document) {
        return document;
    }

    @GetMapping("/members/{number}")
    Map<String, Object> member(@PathVariable @Size(max = 5) String number) {
        return Map.of("number", number);
    }

    @GetMapping("/seats/{count}")
    Map<String, Object> seats(@PathVariable int count) {
        return Map.of("count", count);
    }

    @GetMapping("/domain/{kind}")
    void domain(@PathVariable String kind) {
        switch (kind) {
            case "not-found" -> throw new NotFoundException("Cluster", "atlantis");
            case "conflict" -> throw new ConflictException("slot-taken", "Slot already booked",
                    "The slot at 10:00 is already booked.");
            case "unprocessable" -> throw new UnprocessableException("application-not-submitted",
                    "Application is not submitted", "Only a submitted application can be approved.");
            default -> throw new IllegalArgumentException(kind);
        }
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("Lost connection to " + SECRET);
    }

    @GetMapping("/database-down")
    void databaseDown() {
        throw new DataAccessResourceFailureException("Timed out while waiting for a server at " + SECRET);
    }

    @GetMapping("/remote/things/{id}")
    RemoteClient.Thing remoteThing(@PathVariable String id) {
        return remote.thing(id);
    }

    @GetMapping("/remote/slow")
    RemoteClient.Thing remoteSlow() {
        return remote.slow();
    }

    record Address(@NotBlank String city, String street) {
    }

    record MemberRequest(@NotBlank String name, @NotNull @Email String email, @Min(1) int seats,
                         @Valid Address address) {
    }
}
