package cn.county.platform.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test class carries exactly one of the tags the build selects by: {@code fast} (no
 * server at all), {@code db} (the embedded database only), {@code platform} (the whole
 * application, or Keycloak) or {@code bench} (the benchmark's own load generator, whose
 * tests measure real sleeps and so want an idle machine). Without one, a class would run
 * in {@code ./mvnw verify} but in no selection a developer makes with
 * {@code -Dgroups=...}.
 */
@Tag("fast")
class TestTagsTest {

	private static final Set<String> TAGS = Set.of("fast", "db", "platform", "bench");

	@Test
	void everyTestClassHasExactlyOneOfTheBuildsTags() throws IOException, ClassNotFoundException {
		MetadataReaderFactory readers = new CachingMetadataReaderFactory();
		List<String> untagged = new ArrayList<>();
		int classes = 0;
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:cn/county/platform/**/*.class")) {
			if (!resource.getURI().toString().contains("test-classes")) {
				continue;
			}
			AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
			if (!metadata.hasAnnotatedMethods(Test.class.getName())
					&& !metadata.hasAnnotatedMethods(ParameterizedTest.class.getName())
					&& !metadata.hasAnnotatedMethods(TestFactory.class.getName())) {
				continue;
			}
			classes++;
			Class<?> type = Class.forName(metadata.getClassName(), false, getClass().getClassLoader());
			Set<String> tags = AnnotationSupport.findRepeatableAnnotations(type, Tag.class)
				.stream()
				.map(Tag::value)
				.filter(TAGS::contains)
				.collect(Collectors.toSet());
			if (tags.size() != 1) {
				untagged.add(type.getName() + " " + tags);
			}
		}
		assertThat(classes).as("test classes found").isGreaterThan(50);
		assertThat(untagged).as("test classes without exactly one of " + TAGS).isEmpty();
	}

}
