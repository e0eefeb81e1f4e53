package com.brandcluster.salons.expert;

import org.springframework.data.repository.CrudRepository;

interface ExpertRepository extends CrudRepository<Expert, String> {
}
