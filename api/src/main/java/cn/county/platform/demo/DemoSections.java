package cn.county.platform.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The sections that follow households and members in a demo run, found rather than
 * listed: every feature's {@link DemoSection} is a prototype bean in the feature's own
 * folder, so this package names none of them. Each runs after the sections it names in
 * {@link DemoSection#after()}; sections that depend on nothing between them run in the
 * order of their names, so the order never hangs on how the classpath happens to be
 * scanned. Since each section draws from a random stream and ids of its own, the order
 * changes no row.
 */
public final class DemoSections {

	/** Where the features live: the package above this one. */
	private static final String FEATURES = DemoSections.class.getPackageName()
		.substring(0, DemoSections.class.getPackageName().lastIndexOf('.'));

	private DemoSections() {
	}

	/**
	 * The application context's sections, new instances for this run, in dependency
	 * order.
	 */
	public static List<DemoSection> of(ObjectProvider<DemoSection> sections) {
		return inOrder(sections.stream().toList());
	}

	/**
	 * The same sections for a run without the application (the command line, the
	 * generator's tests): the feature classes scanned into a context that holds nothing
	 * else.
	 */
	public static List<DemoSection> scanned() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
			AssignableTypeFilter section = new AssignableTypeFilter(DemoSection.class);
			AnnotationTypeFilter component = new AnnotationTypeFilter(Component.class);
			scanner.addIncludeFilter(
					(reader, factory) -> section.match(reader, factory) && component.match(reader, factory));
			scanner.scan(FEATURES);
			context.refresh();
			return of(context.getBeanProvider(DemoSection.class));
		}
	}

	/**
	 * Every section after the ones it names, ties in the order of their names; refuses
	 * unknown names and cycles.
	 */
	static List<DemoSection> inOrder(Collection<DemoSection> sections) {
		Map<String, DemoSection> waiting = new TreeMap<>();
		for (DemoSection section : sections) {
			if (waiting.put(section.name(), section) != null) {
				throw new IllegalStateException("Two demo sections are named " + section.name());
			}
		}
		for (DemoSection section : waiting.values()) {
			Set<String> unknown = new TreeSet<>(section.after());
			unknown.removeAll(waiting.keySet());
			if (!unknown.isEmpty()) {
				throw new IllegalStateException(
						"Demo section " + section.name() + " runs after sections that do not exist: " + unknown);
			}
		}
		List<DemoSection> ordered = new ArrayList<>();
		Set<String> done = new TreeSet<>();
		while (!waiting.isEmpty()) {
			DemoSection next = waiting.values()
				.stream()
				.filter((section) -> done.containsAll(section.after()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"Demo sections wait for each other in a cycle: " + waiting.keySet()));
			ordered.add(next);
			done.add(next.name());
			waiting.remove(next.name());
		}
		return List.copyOf(ordered);
	}

}
