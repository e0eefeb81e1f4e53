/**
 * The parts of every service's OpenAPI document that the platform owns: servers, bearer scheme, the RFC 9457
 * {@code Problem} schema for error responses, and which record fields are required. Active when the service has
 * springdoc on its classpath.
 */
package com.brandcluster.platform.openapi;
