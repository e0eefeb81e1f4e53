package com.brandcluster.platform.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET <brandcluster.privacy.export-path>}: the caller's personal data in this service. There is only "me":
 * the subject comes from the token, so nobody exports another person's data; anonymous callers get 401 from the
 * filter chain.
 */
@RestController
public class PersonalDataController {

    private final PersonalDataDocuments documents;
    private final List<PersonalDataEmails> emailSources;
    private final String service;
    private final Clock clock;

    PersonalDataController(PersonalDataDocuments documents, List<PersonalDataEmails> emailSources, String service,
                           Clock clock) {
        this.documents = documents;
        this.emailSources = List.copyOf(emailSources);
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("${brandcluster.privacy.export-path}")
    public PersonalDataExport personalData(Caller caller) {
        String subject = caller.subject();
        if (subject == null) {
            throw new ForbiddenException("Only a person has personal data to export.");
        }
        List<String> emails = new ArrayList<>();
        if (caller.email() != null) {
            emails.add(caller.email());
        }
        emailSources.forEach(source -> emails.addAll(source.emailsOf(subject)));
        return new PersonalDataExport(service, subject, clock.instant(), documents.export(subject, emails));
    }
}
