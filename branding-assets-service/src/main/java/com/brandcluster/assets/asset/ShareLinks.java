package com.brandcluster.assets.asset;

import com.brandcluster.assets.asset.ShareLinkRequests.NewShareLink;
import com.brandcluster.assets.storage.StoredFile;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Share links to published assets: created, listed and revoked by the asset's secretariat, used by anybody who holds
 * the token. The token is 256 random bits, handed out once; the database keeps only its SHA-256, looked up through a
 * unique index. A download limit holds however many requests arrive at once: a download is counted by one
 * conditional update that matches only while the link is unrevoked, unexpired and below its limit.
 */
@Service
class ShareLinks {

    private static final Logger log = LoggerFactory.getLogger(ShareLinks.class);
    /** Links are for a print job or a trade fair, not for good: a longer need is a new link. */
    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    private static final int TOKEN_BYTES = 32;

    private final MongoOperations mongo;
    private final Assets assets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ShareLinks(MongoOperations mongo, Assets assets, Clock clock) {
        this.mongo = mongo;
        this.assets = assets;
        this.clock = clock;
    }

    /** A new link and its token. */
    record Created(ShareLink link, String token) {
    }

    Created create(String assetId, NewShareLink request, Caller caller) {
        Asset asset = assets.managed(assetId, caller);
        Instant now = now();
        if (request.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw new AssetRequests.InvalidRequestException("expiresAt",
                    "must be at most " + MAX_LIFETIME.toDays() + " days ahead");
        }
        if (request.version() == null) {
            if (!asset.isPublished()) {
                throw new UnprocessableException("asset-not-published", "Asset not published",
                        "Asset '" + assetId + "' has no published version to share.");
            }
        } else {
            AssetVersion version = asset.versionNumbered(request.version())
                    .orElseThrow(() -> new VersionNotFoundException(assetId, request.version()));
            if (!version.isPublished()) {
                throw new UnprocessableException("version-not-published", "Version not published",
                        "Version " + request.version() + " of asset '" + assetId + "' is " + version.status()
                                + "; only a published version can be shared.");
            }
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ShareLink link = mongo.insert(new ShareLink(new ObjectId().toHexString(), hash(token), asset.clusterId(),
                assetId, request.version(), request.expiresAt().truncatedTo(ChronoUnit.MILLIS),
                request.maxDownloads(), 0, request.note().strip(), caller.subject(), now, null, null));
        log.info("Share link {} to asset {} created, expiring {}", link.id(), assetId, link.expiresAt());
        return new Created(link, token);
    }

    /** The asset's links, newest first. */
    List<ShareLink> of(String assetId, Caller caller) {
        assets.managed(assetId, caller);
        return mongo.find(Query.query(Criteria.where("assetId").is(assetId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))), ShareLink.class);
    }

    /** Revokes the link; revoking it again changes nothing (the first revocation is the one recorded). */
    void revoke(String linkId, Caller caller) {
        ShareLink link = mongo.findById(linkId, ShareLink.class);
        if (link == null) {
            throw new NotFoundException("Share link", linkId);
        }
        if (!caller.isSecretariatOf(link.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + link.clusterId()
                    + "' revokes its share links.");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(linkId).and("revokedAt").is(null)),
                new Update().set("revokedAt", now()).set("revokedBy", caller.subject()), ShareLink.class);
        log.info("Share link {} to asset {} revoked", linkId, link.assetId());
    }

    /**
     * The file behind the token, counted against the link's limit unless the request only continues a download the
     * link has already served ({@code continuation} tells whether it would).
     *
     * @throws ShareLinkNotFoundException for a token no link has
     * @throws ShareLinkGoneException  for a link expired, revoked or used up, or an asset no longer published
     */
    StoredFile download(String token, ContinuationCheck continuation) {
        ShareLink link = mongo.findOne(Query.query(Criteria.where("tokenHash").is(hash(token))), ShareLink.class);
        if (link == null) {
            throw new ShareLinkNotFoundException();
        }
        Instant now = now();
        ShareLink.State state = link.stateAt(now);
        if (state == ShareLink.State.REVOKED || state == ShareLink.State.EXPIRED) {
            throw ShareLinkGoneException.because(state);
        }
        StoredFile file = publishedFile(link);
        // a continuation is free only of a link that has served a download it could continue
        if (link.downloads() > 0 && continuation.continues(file)) {
            return file;
        }
        Criteria usable = Criteria.where("_id").is(link.id()).and("revokedAt").is(null).and("expiresAt").gt(now);
        if (link.maxDownloads() != null) {
            usable.and("downloads").lt(link.maxDownloads());
        }
        ShareLink counted = mongo.findAndModify(Query.query(usable), new Update().inc("downloads", 1), ShareLink.class);
        if (counted == null) {
            ShareLink current = mongo.findById(link.id(), ShareLink.class);
            throw ShareLinkGoneException.because(current == null ? ShareLink.State.REVOKED : current.stateAt(now));
        }
        return file;
    }

    /** Whether a request for this file only continues an earlier download. */
    @FunctionalInterface
    interface ContinuationCheck {
        boolean continues(StoredFile file);
    }

    private StoredFile publishedFile(ShareLink link) {
        Asset asset = mongo.findById(link.assetId(), Asset.class);
        if (asset == null) {
            throw ShareLinkGoneException.unpublished();
        }
        return (link.version() == null ? asset.current() : asset.versionNumbered(link.version())
                .filter(AssetVersion::isPublished))
                .map(AssetVersion::file)
                .orElseThrow(ShareLinkGoneException::unpublished);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
