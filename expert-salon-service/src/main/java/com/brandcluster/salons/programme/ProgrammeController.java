package com.brandcluster.salons.programme;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import com.brandcluster.salons.programme.ProgrammeRequests.OpenSalonView;
import com.brandcluster.salons.programme.ProgrammeRequests.ProgrammeInput;
import com.brandcluster.salons.programme.ProgrammeRequests.ProgrammeView;
import com.brandcluster.salons.programme.ProgrammeRequests.SlotView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Function;

@RestController
@Validated
@RequestMapping("/api/salons")
class ProgrammeController {

    private static final String SLOT = "/salons/{salonId}/programme/{slotId}";

    private final Programmes programmes;

    ProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    /** The secretariat of the salon's cluster sets the whole programme. */
    @PutMapping("/salons/{salonId}/programme")
    ProgrammeView replace(@PathVariable String salonId, @Valid @RequestBody ProgrammeInput request, Caller caller) {
        return programmes.replace(salonId, request, caller);
    }

    /** Public, with what the caller may see of it. */
    @GetMapping("/salons/{salonId}/programme")
    ProgrammeView get(@PathVariable String salonId, Caller caller) {
        return programmes.get(salonId, caller);
    }

    @PostMapping(SLOT + "/opening")
    SlotView open(@PathVariable String salonId, @PathVariable String slotId, Caller caller) {
        return programmes.open(salonId, slotId, caller);
    }

    /** An expert books the session they will lead. */
    @PostMapping(SLOT + "/booking")
    SlotView book(@PathVariable String salonId, @PathVariable String slotId, Caller caller) {
        return programmes.book(salonId, slotId, caller);
    }

    /** The expert withdraws their booking (before it is confirmed). */
    @DeleteMapping(SLOT + "/booking")
    SlotView withdraw(@PathVariable String salonId, @PathVariable String slotId, Caller caller) {
        return programmes.withdraw(salonId, slotId, caller);
    }

    @PostMapping(SLOT + "/confirmation")
    SlotView confirm(@PathVariable String salonId, @PathVariable String slotId, Caller caller) {
        return programmes.confirm(salonId, slotId, caller);
    }

    @PostMapping(SLOT + "/release")
    SlotView release(@PathVariable String salonId, @PathVariable String slotId, Caller caller) {
        return programmes.release(salonId, slotId, caller);
    }

    /** The expert themself: salons of their clusters that have not started and have open slots. */
    @GetMapping("/experts/{expertId}/open-sessions")
    PageView<OpenSalonView> openSessions(@PathVariable String expertId,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                         Caller caller) {
        return PageView.of(programmes.openSessions(expertId, caller, PageRequest.of(page, size)),
                Function.identity());
    }
}
