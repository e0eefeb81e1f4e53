package com.brandcluster.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.brandcluster.platform.web.ServletProblemWriter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem detail. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ServletProblemWriter writer;

    ProblemAccessDeniedHandler(ServletProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        writer.write(request, response, SecurityProblems.forbidden());
    }
}
