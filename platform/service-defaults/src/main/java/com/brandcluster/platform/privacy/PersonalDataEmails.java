package com.brandcluster.platform.privacy;

import java.util.Collection;

/**
 * E-mail addresses a service knows for a subject besides the token's {@code email} claim (an address a colleague
 * was invited with), so that the export also finds the documents keyed by them.
 */
@FunctionalInterface
public interface PersonalDataEmails {

    Collection<String> emailsOf(String subject);
}
