package com.brandcluster.platform.webmvcslice;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;

@RestController
class SliceController {

    @PostMapping("/api/slice/clusters/{clusterId}/applications/{id}/approve")
    Map<String, String> approve(@PathVariable String clusterId, @PathVariable String id, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of " + clusterId + " approves its applications.");
        }
        if (id.equals("missing")) {
            throw new NotFoundException("Application", id);
        }
        return Map.of("approvedBy", caller.subject());
    }

    @GetMapping("/api/slice/admin")
    @PreAuthorize("hasRole('alliance-admin')")
    Map<String, String> admin() {
        return Map.of("ok", "yes");
    }

    @PostMapping("/api/slice/notes")
    Note note(@Valid @RequestBody Note note) {
        return note;
    }

    record Note(@NotBlank String text) {
    }
}
