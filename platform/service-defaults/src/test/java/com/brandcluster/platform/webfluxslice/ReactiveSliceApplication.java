package com.brandcluster.platform.webfluxslice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application a gateway's {@code @WebFluxTest} would find; here only to host {@link ReactiveSliceController}. */
@SpringBootApplication
class ReactiveSliceApplication {
}
