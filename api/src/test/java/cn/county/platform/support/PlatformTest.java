package cn.county.platform.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against the real servers of {@link TestServers}
 * and a real Keycloak, with {@link GraphQlClients} (one tester per role) as a bean. Every
 * test class that uses it shares one application context, so the servers start once per
 * run. Test classes usually get it by extending {@link AbstractPlatformTests}. Tagged
 * {@code platform}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("platform")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServersInitializer.class)
@Import(GraphQlClients.class)
public @interface PlatformTest {

}
