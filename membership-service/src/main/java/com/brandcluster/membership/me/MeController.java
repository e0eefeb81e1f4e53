package com.brandcluster.membership.me;

import com.brandcluster.membership.me.MyRegister.Me;
import com.brandcluster.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final MyRegister register;

    MeController(MyRegister register) {
        this.register = register;
    }

    /** The caller's identity, enterprise and memberships; any signed-in user (anonymous: 401). */
    @GetMapping("/api/membership/me")
    Me me(Caller caller) {
        return register.of(caller);
    }
}
