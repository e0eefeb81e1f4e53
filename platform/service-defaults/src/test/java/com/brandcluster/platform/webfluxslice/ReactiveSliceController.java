package com.brandcluster.platform.webfluxslice;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.NotFoundException;

@RestController
class ReactiveSliceController {

    @GetMapping("/slice/me")
    Mono<Map<String, Object>> me(Caller caller) {
        return Mono.just(Map.of("subject", caller.subject(), "admin", caller.isAllianceAdmin()));
    }

    @GetMapping("/slice/missing")
    Mono<Void> missing() {
        return Mono.error(new NotFoundException("Route", "r-9"));
    }
}
