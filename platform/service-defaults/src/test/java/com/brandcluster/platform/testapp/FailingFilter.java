package com.brandcluster.platform.testapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** A filter that fails outside Spring MVC, so the container's error dispatch (the error controller) answers. */
class FailingFilter extends OncePerRequestFilter {

    static final String PATH = "/api/test/public/filter-failure";
    static final String SECRET = "jdbc:secret://admin:hunter2@db.internal";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PATH.equals(request.getRequestURI())) {
            throw new IllegalStateException("filter failed talking to " + SECRET);
        }
        chain.doFilter(request, response);
    }
}
