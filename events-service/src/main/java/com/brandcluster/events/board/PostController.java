package com.brandcluster.events.board;

import com.brandcluster.events.board.PostRequests.MatchView;
import com.brandcluster.events.board.PostRequests.MatchesView;
import com.brandcluster.events.board.PostRequests.PostInput;
import com.brandcluster.events.board.PostRequests.PostView;
import com.brandcluster.events.board.PostRequests.Removal;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
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

import java.time.Clock;
import java.time.Instant;

/** The cooperation board: members' needs and offers, and the matches between them. Members-only (no anonymous). */
@RestController
@Validated
@RequestMapping("/api/events")
class PostController {

    private final Posts posts;
    private final BoardSearch search;
    private final Clock clock;

    PostController(Posts posts, BoardSearch search, Clock clock) {
        this.posts = posts;
        this.search = search;
        this.clock = clock;
    }

    @PostMapping("/clusters/{clusterId}/posts")
    ResponseEntity<PostView> create(@PathVariable String clusterId, @Valid @RequestBody PostInput request,
                                    Caller caller) {
        Post post = posts.create(clusterId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/events/posts/{id}").buildAndExpand(post.id()).toUri())
                .body(PostView.of(post, clock.instant()));
    }

    @GetMapping("/clusters/{clusterId}/posts")
    PageView<PostView> search(@PathVariable String clusterId,
                              @RequestParam(required = false) PostKind kind,
                              @RequestParam(required = false) PostCategory category,
                              @RequestParam(required = false) @RegionCode String region,
                              @RequestParam(required = false) @Size(max = 40) String tag,
                              @RequestParam(required = false) @Size(max = 100) String q,
                              @RequestParam(required = false) @Size(max = 100) String enterpriseId,
                              @RequestParam(required = false) PostStatus status,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                              Caller caller) {
        BoardSearch.Filter filter = new BoardSearch.Filter(kind, category, region, tag, q, enterpriseId, status);
        Instant now = clock.instant();
        return PageView.of(search.search(clusterId, filter, PageRequest.of(page, size), caller),
                post -> PostView.of(post, now));
    }

    @GetMapping("/posts/{postId}")
    PostView get(@PathVariable String postId, Caller caller) {
        return PostView.of(posts.get(postId, caller), clock.instant());
    }

    @PatchMapping(value = "/posts/{postId}", consumes = {"application/json", "application/merge-patch+json"})
    PostView revise(@PathVariable String postId,
                    @RequestBody @Schema(implementation = PostInput.class) JsonNode patch, Caller caller) {
        return PostView.of(posts.revise(postId, patch, caller), clock.instant());
    }

    @PostMapping("/posts/{postId}/withdrawal")
    PostView withdraw(@PathVariable String postId, Caller caller) {
        return PostView.of(posts.withdraw(postId, caller), clock.instant());
    }

    @PostMapping("/posts/{postId}/removal")
    PostView remove(@PathVariable String postId, @Valid @RequestBody Removal request, Caller caller) {
        return PostView.of(posts.remove(postId, request.reason(), caller), clock.instant());
    }

    @GetMapping("/posts/{postId}/matches")
    MatchesView matches(@PathVariable String postId,
                        @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
                        Caller caller) {
        Instant now = clock.instant();
        return new MatchesView(postId, search.matches(postId, limit, caller).stream()
                .map(match -> MatchView.of(match, now)).toList());
    }
}
