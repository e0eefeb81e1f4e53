package com.brandcluster.membership.directory;

import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for the tests of officers, standards and the directory: members admitted through the API as any client
 * would, and membership states the lifecycle endpoints would reach, written straight to the register.
 */
public abstract class RegisterIntegrationTest extends MembershipIntegrationTest {

    @Autowired
    protected MongoOperations mongo;

    /** A member (admitted through the API: registration, application, approval); returns its enterprise id. */
    protected String admit(String clusterId, String subject) {
        String enterpriseId = registerEnterprise(subject);
        approve(clusterId, apply(clusterId, subject, enterpriseId));
        return enterpriseId;
    }

    /** A member with a profile of its own, admitted to a tier; returns its enterprise id. */
    protected String admit(String clusterId, String subject, Profile profile, String tier) {
        String enterpriseId = registerEnterprise(subject, profile);
        String application = apply(clusterId, subject, enterpriseId);
        ApiClient.Response approved = api.as(secretariatOf(clusterId))
                .post("/api/membership/applications/" + application + "/approval", Map.of("tier", tier));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return enterpriseId;
    }

    protected String registerEnterprise(String subject, Profile profile) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("legalName", profile.legalName());
        request.put("creditCode", newCreditCode());
        request.put("region", profile.region());
        request.put("industry", profile.industry());
        request.put("size", "MEDIUM");
        request.put("website", profile.website());
        request.put("contacts", List.of(Map.of("name", profile.contactName(), "role", "Brand manager",
                "email", profile.contactEmail(), "phone", "+86 571 8888 0000")));
        ApiClient.Response response = api.as(enterpriseUser(subject, null)).post("/api/membership/enterprises", request);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/enterprise/id");
    }

    /** Puts a membership into a state (as suspension, grace or lapse would), straight in the register. */
    protected void setMembershipStatus(String clusterId, String enterpriseId, String status) {
        long changed = mongo.updateFirst(Query.query(Criteria.where("clusterId").is(clusterId)
                        .and("enterpriseId").is(enterpriseId)), Update.update("status", status), "memberships")
                .getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }

    protected static String subject(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    protected record Profile(String legalName, String industry, String region, String website, String contactName,
                             String contactEmail) {

        protected static Profile of(String legalName, String industry, String region) {
            return new Profile(legalName, industry, region, "https://www.example.com", "Li Ming", "li@example.com");
        }
    }
}
