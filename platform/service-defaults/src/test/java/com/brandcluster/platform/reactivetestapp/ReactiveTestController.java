package com.brandcluster.platform.reactivetestapp;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ReactiveProblemWriter;

@RestController
class ReactiveTestController {

    static final String SECRET = "redis://:p4ssw0rd@redis.internal:6379";

    private final ReactiveProblemWriter problems;

    ReactiveTestController(ReactiveProblemWriter problems) {
        this.problems = problems;
    }

    @GetMapping("/reactive/public/caller")
    Caller publicCaller(Caller caller) {
        return caller;
    }

    @GetMapping("/reactive/me")
    Mono<Caller> me(Caller caller) {
        return Mono.just(caller);
    }

    @GetMapping("/reactive/admin/stats")
    Map<String, Object> adminStats() {
        return Map.of("routes", 4);
    }

    @GetMapping("/reactive/conflict")
    Mono<Void> conflict() {
        return Mono.error(new ConflictException("route-busy", "Route busy", "The route is being reconfigured."));
    }

    @GetMapping("/reactive/boom")
    Mono<Void> boom() {
        return Mono.error(new IllegalStateException("cannot reach " + SECRET));
    }

    /** What the gateway does for a failed downstream call: its own problem through the shared writer. */
    @GetMapping("/reactive/bad-gateway")
    Mono<Void> badGateway(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad Gateway",
                "The membership service answered with an error.");
    }

    @PostMapping(path = "/reactive/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
        return body;
    }
}
