package cn.county.platform.dashboard;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.county.platform.plan.PlanProperties;
import cn.county.platform.plan.PlanYear;
import cn.county.platform.plan.ReportingPeriod;
import cn.county.platform.common.Violations;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Times the dashboard's statements against a database, without the web stack: each
 * statement alone and all of them side by side, at county level. A development tool for
 * reading query plans at scale:
 *
 * <pre>
 * java -cp api/target/classes:api/target/test-classes:$(cat cp.txt) cn.county.platform.dashboard.DashboardTiming \
 *     'jdbc:mysql://127.0.0.1:3306/county_bench' [rounds]
 * </pre>
 */
public final class DashboardTiming {

	private DashboardTiming() {
	}

	public static void main(String[] args) throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], "root", "");
		Configuration configuration = new Configuration(
				new Environment("timing", new JdbcTransactionFactory(), dataSource));
		try (InputStream xml = DashboardTiming.class.getResourceAsStream("DashboardMapper.xml")) {
			new XMLMapperBuilder(xml, configuration, "DashboardMapper.xml", configuration.getSqlFragments()).parse();
		}
		SqlSessionFactory sessions = new SqlSessionFactoryBuilder().build(configuration);
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		PlanProperties properties = new PlanProperties(
				Map.of(2023,
						new PlanProperties.YearTargets(new BigDecimal("7500"), BigDecimal.ONE, new BigDecimal("0.40"),
								List.of(new PlanProperties.Milestone(LocalDate.of(2023, 9, 30), new BigDecimal("0.6")),
										new PlanProperties.Milestone(LocalDate.of(2023, 11, 30), BigDecimal.ONE)),
								10, 1, List.of(), null, null, null)),
				java.time.Period.ofMonths(3), java.time.Period.ofMonths(1), 6, 15, 5);
		ReportingPeriod period = ReportingPeriod.of(2023, null, null, LocalDate.of(2026, 1, 1), "period",
				new Violations());
		SectionQuery query = SectionQuery.of(Area.COUNTY, AreaLevel.COUNTY, period,
				new PlanYear(2023, 2023, properties.years().get(2023)), properties);
		for (int round = 1; round <= rounds; round++) {
			Map<String, Long> alone = new TreeMap<>();
			for (FigureQuery figures : FigureQuery.values()) {
				long start = System.nanoTime();
				try (SqlSession session = sessions.openSession()) {
					figures.run(session.getMapper(DashboardMapper.class), query);
				}
				alone.put(figures.name(), (System.nanoTime() - start) / 1_000_000);
			}
			ExecutorService pool = Executors.newFixedThreadPool(4);
			long start = System.nanoTime();
			List<CompletableFuture<?>> all = new ArrayList<>();
			for (FigureQuery figures : FigureQuery.values()) {
				all.add(CompletableFuture.runAsync(() -> {
					try (SqlSession session = sessions.openSession()) {
						figures.run(session.getMapper(DashboardMapper.class), query);
					}
				}, pool));
			}
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
			long together = (System.nanoTime() - start) / 1_000_000;
			pool.shutdown();
			System.out.printf("round %d: each alone (ms) %s, sum %d; all side by side on 4 threads: %d ms%n", round,
					alone, alone.values().stream().mapToLong(Long::longValue).sum(), together);
		}
	}

}
