package com.brandcluster.salons.expert;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import com.brandcluster.salons.expert.ExpertRequests.ExpertView;
import com.brandcluster.salons.expert.ExpertRequests.ProfileInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@Validated
@RequestMapping("/api/salons/experts")
class ExpertController {

    private final Experts experts;
    private final ExpertProfiles profiles;

    ExpertController(Experts experts, ExpertProfiles profiles) {
        this.experts = experts;
        this.profiles = profiles;
    }

    /** A user with the expert role creates their profile; its id is their token subject. */
    @PostMapping
    ResponseEntity<ExpertView> create(@Valid @RequestBody ProfileInput request, Caller caller) {
        Expert expert = experts.create(request.profile(), caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/salons/experts/{id}").buildAndExpand(expert.id()).toUri())
                .body(ExpertView.of(expert));
    }

    /** Public: experts by topic, cluster served and language, by name. */
    @GetMapping
    PageView<ExpertView> list(@RequestParam(required = false) Topic topic,
                              @RequestParam(required = false) @Pattern(regexp = ExpertRequests.CLUSTER_ID) String cluster,
                              @RequestParam(required = false) @LanguageTag String language,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String primaryLanguage = language == null ? null : LanguageTag.Validator.parse(language).getLanguage();
        return PageView.of(experts.find(topic, cluster, primaryLanguage,
                PageRequest.of(page, size, Sort.by("profile.name", "_id"))), ExpertView::of);
    }

    /** Public. */
    @GetMapping("/{expertId}")
    ExpertView get(@PathVariable String expertId) {
        return ExpertView.of(experts.get(expertId));
    }

    /** The expert themself edits their profile (JSON merge patch). */
    @PatchMapping(value = "/{expertId}", consumes = {"application/json", "application/merge-patch+json"})
    ExpertView patch(@PathVariable String expertId,
                     @RequestBody @Schema(implementation = ExpertRequests.ProfileInput.class) JsonNode patch,
                     Caller caller) {
        return ExpertView.of(profiles.patch(expertId, patch, caller));
    }
}
