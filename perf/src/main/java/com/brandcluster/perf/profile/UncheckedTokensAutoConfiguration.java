package com.brandcluster.perf.profile;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * The {@code benchmark} profile's security off: a servlet service takes a bearer token's claims as they come, without
 * checking its signature, issuer, audience or expiry, and never fetches a JWK set. The caller keeps the identity and
 * roles the token names, so a request reads exactly what it reads with validation on, and the difference between the
 * two is what validating the token costs.
 * <p>
 * This class is in no service's jar: the benchmark driver puts this module's jar on a service's class path
 * ({@code loader.path}) and starts it with the profile, so no deployment can turn validation off by configuration.
 */
@AutoConfiguration(beforeName = "com.brandcluster.platform.security.ResourceServerAutoConfiguration")
@Profile("benchmark")
public final class UncheckedTokensAutoConfiguration {

    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    @Bean
    JwtDecoder uncheckedJwtDecoder() {
        return token -> {
            try {
                JWT jwt = JWTParser.parse(token);
                Map<String, Object> claims = CLAIMS.convert(jwt.getJWTClaimsSet().toJSONObject());
                return Jwt.withTokenValue(token)
                        .headers(headers -> headers.putAll(jwt.getHeader().toJSONObject()))
                        .claims(all -> all.putAll(claims))
                        .build();
            }
            catch (ParseException ex) {
                throw new BadJwtException("Not a JWT", ex);
            }
        };
    }
}
