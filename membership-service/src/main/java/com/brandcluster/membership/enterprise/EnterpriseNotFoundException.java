package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.NotFoundException;

public class EnterpriseNotFoundException extends NotFoundException {

    public EnterpriseNotFoundException(String enterpriseId) {
        super("enterprise", enterpriseId);
    }
}
