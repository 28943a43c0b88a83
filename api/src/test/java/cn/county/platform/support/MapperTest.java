package cn.county.platform.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mapper slice: the application's MyBatis mappers and nothing else (no web layer, no
 * security, no Redis), over a database of their own on the real server of
 * {@link TestServers}, migrated by Flyway. Each test runs in a transaction that is rolled
 * back, so it writes the rows it needs with {@link Rows} and sees exactly those. For the
 * statements whose logic is in the SQL: row scope, keyset pages, the dashboard's
 * aggregates. Tagged {@code db}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("db")
@SpringBootTest(classes = MapperSlice.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = MapperSlice.Database.class)
@Transactional
public @interface MapperTest {

}
