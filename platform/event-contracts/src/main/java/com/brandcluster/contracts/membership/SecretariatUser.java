package com.brandcluster.contracts.membership;

/** A secretariat user of a cluster, with what notifications need to reach them. */
public record SecretariatUser(String userId, String username, String email, String locale) {
}
