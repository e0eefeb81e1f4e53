package com.brandcluster.platform.webmvcslice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application a service's {@code @WebMvcTest} would find; here only to host {@link SliceController}. */
@SpringBootApplication
class SliceApplication {
}
