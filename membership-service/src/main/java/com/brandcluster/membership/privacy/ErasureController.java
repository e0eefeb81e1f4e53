package com.brandcluster.membership.privacy;

import com.brandcluster.platform.security.Caller;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
class ErasureController {

    private final PersonalDataErasure erasure;

    ErasureController(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    /**
     * The caller asks for the erasure of their personal data in the whole portal: 202 with the request id (the same
     * for every repetition). 409 {@code last-admin} when they are the last admin of an enterprise.
     */
    @PostMapping("/api/membership/me/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureReceipt requestErasure(Caller caller) {
        return ErasureReceipt.of(erasure.request(caller));
    }

    /**
     * @param requestId the request's id, the same for every repetition
     * @param state     RECEIVED (membership-service is still erasing) or ERASED (done here, and announced to the
     *                  other services, which erase theirs asynchronously)
     */
    @NullMarked
    record ErasureReceipt(String requestId, String state, Instant requestedAt, @Nullable Instant erasedAt) {

        static ErasureReceipt of(ErasureRequest request) {
            return new ErasureReceipt(request.requestId(), request.state().name(), request.requestedAt(),
                    request.erasedAt());
        }
    }
}
