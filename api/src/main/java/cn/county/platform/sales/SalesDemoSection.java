package cn.county.platform.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;
import cn.county.platform.demo.DemoTown;
import cn.county.platform.demo.DemoVillage;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Consumption-assistance sellers and their 2023 sales, about one sales row for every two
 * households (half a million for a million households), spread over the months and
 * channels: a cooperative in most villages, a few household sellers per village, three
 * enterprises per town. Monthly reports are mostly submitted; some are missing, most of
 * December's not yet in on the demo's day. A few sales of submitted months carry an
 * amendment.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class SalesDemoSection implements DemoSection {

	private static final YearMonth FIRST = YearMonth.of(2023, 1);

	private static final String RECORDED_BY = "county.admin";

	private static final String[] CHANNELS = { "PURCHASE_PLATFORM", "PURCHASE_PLATFORM", "PURCHASE_PLATFORM",
			"OTHER_ONLINE", "OTHER_ONLINE", "OFFLINE_EVENT", "OFFLINE_EVENT", "INSTITUTIONAL_PURCHASE",
			"INSTITUTIONAL_PURCHASE", "OTHER" };

	/** Product, category, unit, lowest and highest price in yuan per unit. */
	private static final Object[][] PRODUCTS = { { "小米", "GRAIN", "千克", 8, 12 }, { "小麦粉", "GRAIN", "千克", 4, 6 },
			{ "花生油", "OIL_CROPS", "千克", 25, 35 }, { "辣椒", "VEGETABLES", "千克", 4, 8 },
			{ "山药", "VEGETABLES", "千克", 6, 10 }, { "苹果", "FRUIT", "千克", 5, 9 }, { "黄桃", "FRUIT", "千克", 6, 10 },
			{ "黄牛", "LIVESTOCK", "头", 9000, 14000 }, { "黑山羊", "LIVESTOCK", "只", 1200, 1800 },
			{ "土鸡蛋", "POULTRY_AND_EGGS", "枚", 1, 2 }, { "草鱼", "AQUATIC", "千克", 10, 14 },
			{ "香菇", "EDIBLE_FUNGI", "千克", 12, 20 }, { "金银花", "HERBS", "千克", 60, 100 },
			{ "红薯粉条", "PROCESSED_FOOD", "千克", 15, 20 }, { "草编篮", "HANDICRAFT", "件", 30, 80 },
			{ "绿茶", "TEA", "千克", 200, 400 } };

	private static final String[] AMENDMENT_REASONS = { "核对发票后更正金额", "补录漏报数量", "销售渠道登记有误" };

	private long suppliers;

	private DemoTable sellers;

	private DemoTable sales;

	private DemoTable reports;

	private DemoTable amendments;

	@Override
	public String name() {
		return "sales";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		this.sellers = context.table("seller", "id", "kind", "name", "town_code", "village_code", "household_id",
				"platform_supplier_id", "registered_on", "registered_by");
		this.sales = context.table("sale", "id", "seller_id", "product", "category", "channel", "month", "quantity",
				"unit", "amount", "households_benefiting", "recorded_by");
		this.reports = context.table("sales_report", "seller_id", "month", "submitted_sale_count", "submitted_amount",
				"submitted_by", "submitted_at");
		this.amendments = context.table("sale_amendment", "id", "sale_id", "reason", "amended_by", "amended_at",
				"before_product", "before_category", "before_channel", "before_month", "before_quantity", "before_unit",
				"before_amount", "before_households_benefiting", "after_product", "after_category", "after_channel",
				"after_month", "after_quantity", "after_unit", "after_amount", "after_households_benefiting");
		SplittableRandom random = context.random();
		for (DemoVillage village : chunk.villages()) {
			DemoTown town = townOf(village, context);
			if (town.villages().get(0).code().equals(village.code())) {
				for (String brand : new String[] { "绿源", "丰泽", "惠农" }) {
					seller(context, random, "ENTERPRISE", town.name() + brand + "农产品有限公司", town.code(), null, null, 0.8,
							3, 4, 20, 200);
				}
			}
			if (random.nextDouble() < 0.8) {
				seller(context, random, "COOPERATIVE", village.name() + "种养专业合作社", village.townCode(), village.code(),
						null, 0.7, 1, 3, 5, 60);
			}
		}
		for (DemoHousehold household : chunk.households()) {
			if (random.nextDouble() < 0.015) {
				// a trading name, not the head's: a household's personal data stays
				// behind Seller.household
				seller(context, random, "HOUSEHOLD",
						household.code().substring(household.code().length() - 4) + "号家庭农场", household.townCode(),
						household.villageCode(), household.id(), 0.2, 1, 1, 1, 1);
			}
		}
	}

	private static DemoTown townOf(DemoVillage village, DemoContext context) {
		return context.geography()
			.towns()
			.stream()
			.filter((town) -> town.code().equals(village.townCode()))
			.findFirst()
			.orElseThrow();
	}

	private void seller(DemoContext context, SplittableRandom random, String kind, String name, String townCode,
			String villageCode, Long householdId, double onPlatform, int minRows, int maxRows, int minHouseholds,
			int maxHouseholds) throws SQLException {
		long id = context.ids().nextId();
		String supplierId = null;
		if (random.nextDouble() < onPlatform) {
			this.suppliers++;
			supplierId = String.format("NGW%08d", this.suppliers);
		}
		// most registered before 2023; some during it, owing reports only from then on
		LocalDate registeredOn = (random.nextDouble() < 0.85) ? LocalDate.of(2021, 6, 1).plusDays(random.nextInt(560))
				: LocalDate.of(2023, 1, 1).plusDays(random.nextInt(300));
		this.sellers.row(id, kind, name, townCode, villageCode, householdId, supplierId, registeredOn, RECORDED_BY);
		YearMonth from = YearMonth.from(registeredOn).isAfter(FIRST) ? YearMonth.from(registeredOn) : FIRST;
		YearMonth last = YearMonth.from(context.asOf());
		// household sellers sell in season, the others most months
		double activeShare = "HOUSEHOLD".equals(kind) ? 0.5 : 0.9;
		for (YearMonth month = from; !month.isAfter(last); month = month.plusMonths(1)) {
			boolean submitted = random.nextDouble() < (month.equals(last) ? 0.3 : 0.92);
			int count = 0;
			BigDecimal submittedAmount = BigDecimal.ZERO;
			if (random.nextDouble() < activeShare) {
				int rows = minRows + random.nextInt(maxRows - minRows + 1);
				for (int r = 0; r < rows; r++) {
					BigDecimal amount = sale(context, random, id, supplierId != null, month, minHouseholds,
							maxHouseholds, submitted);
					submittedAmount = submittedAmount.add(amount);
					count++;
				}
			}
			if (submitted) {
				LocalDate on = month.plusMonths(1).atDay(1).plusDays(random.nextInt(10));
				if (on.isAfter(context.asOf())) {
					on = context.asOf();
				}
				this.reports.row(id, month.toString(), count, submittedAmount, RECORDED_BY, on + " 10:00:00");
			}
		}
	}

	/**
	 * Writes one sale; returns its amount as it was when the report went in (before any
	 * amendment).
	 */
	private BigDecimal sale(DemoContext context, SplittableRandom random, long sellerId, boolean onPlatform,
			YearMonth month, int minHouseholds, int maxHouseholds, boolean submitted) throws SQLException {
		Object[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
		String channel = CHANNELS[random.nextInt(CHANNELS.length)];
		if (!onPlatform && channel.equals("PURCHASE_PLATFORM")) {
			channel = "OTHER_ONLINE";
		}
		int low = (Integer) product[3];
		int high = (Integer) product[4];
		BigDecimal price = BigDecimal.valueOf(low + random.nextDouble() * (high - low))
			.setScale(2, RoundingMode.HALF_UP);
		// a few thousand to some tens of thousands of yuan a row
		BigDecimal quantity = BigDecimal
			.valueOf(Math.max(1, Math.round((2000 + random.nextInt(40000)) / price.doubleValue())));
		BigDecimal amount = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
		int households = minHouseholds + random.nextInt(maxHouseholds - minHouseholds + 1);
		long id = context.ids().nextId();
		BigDecimal asSubmitted = amount;
		if (submitted && random.nextDouble() < 0.02) {
			asSubmitted = amount.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_UP);
			LocalDate on = month.plusMonths(1).atEndOfMonth();
			if (on.isAfter(context.asOf())) {
				on = context.asOf();
			}
			this.amendments.row(context.ids().nextId(), id, AMENDMENT_REASONS[random.nextInt(AMENDMENT_REASONS.length)],
					RECORDED_BY, on + " 15:00:00", product[0], product[1], channel, month.toString(), quantity,
					product[2], asSubmitted, households, product[0], product[1], channel, month.toString(), quantity,
					product[2], amount, households);
		}
		this.sales.row(id, sellerId, product[0], product[1], channel, month.toString(), quantity, product[2], amount,
				households, RECORDED_BY);
		return asSubmitted;
	}

}
