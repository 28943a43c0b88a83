package cn.county.platform.demo;

import java.util.SplittableRandom;

/** Chinese person and place names that look right on a dashboard and in a cadre's app. */
final class DemoNames {

	/** The hundred commonest surnames with their rough shares in tenths of a percent. */
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
			+ "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final int[] SURNAME_WEIGHTS = { 71, 70, 68, 54, 45, 31, 22, 23, 20, 19, 13, 15, 13, 12, 12, 12, 11,
			11, 10, 9, 9, 8, 7, 7, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
			3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,
			1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

	private static final int[] SURNAME_CUMULATIVE = cumulative(SURNAME_WEIGHTS);

	private static final String MALE = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚"
			+ "和彪博诚先敬震振壮会思群豪邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦奇朗伯宏鸣朋斌梁栋维启克伦翔旭鹏泽晨辰建家致树德行泰盛雄钧冠腾航";

	private static final String FEMALE = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月媛艳瑞佳嘉琼勤珍贞莉桂娣叶璐琦晶妍茜"
			+ "秋珊莎锦青倩婷婉娴颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚婕馨韵园艺卿澜纯悦昭冰爽茗羽希欣滢柔竹凝晓欢枫芸菲伊亚宜可舒影丽阳妮宝";

	/**
	 * The first twelve towns keep these names at every size: demo users and guides refer
	 * to them.
	 */
	static final String[] DEMO_TOWNS = { "安乐镇", "柳河镇", "青石镇", "白马镇", "丰泽镇", "杨集镇", "马坊镇", "清水镇", "大营镇", "双桥镇", "黄岗镇",
			"永兴镇" };

	private static final String TOWN_FIRST = "东西南北大小新上下高黄白青石柳杨马金龙凤双三五古长永太兴和平安宝丰清红花桃李张王刘陈赵孙周吴郑冯许韩曹彭董潘蒋蔡杜魏程姚苏汪田郝";

	private static final String TOWN_SECOND = "庄集桥店营河湖坡岗寨楼园坊铺堡屯口沟湾岭台陵城阳泽丰乐化田渡场";

	private static final String VILLAGE_SUFFIX = "庄楼寨营店集岗湾屯桥坡沟洼园庙井场岭湖坊";

	private static final String VILLAGE_PREFIX = "东西南北前后大小上下";

	private DemoNames() {
	}

	static String surname(SplittableRandom random) {
		int pick = random.nextInt(SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1]);
		int low = 0;
		int high = SURNAME_CUMULATIVE.length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (SURNAME_CUMULATIVE[mid] > pick) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		return String.valueOf(SURNAMES.charAt(low));
	}

	/** One or two characters, mostly two, as given names are. */
	static String givenName(SplittableRandom random, boolean male) {
		String chars = male ? MALE : FEMALE;
		char first = chars.charAt(random.nextInt(chars.length()));
		if (random.nextInt(100) < 22) {
			return String.valueOf(first);
		}
		return new String(new char[] { first, chars.charAt(random.nextInt(chars.length())) });
	}

	static String person(SplittableRandom random, boolean male) {
		return surname(random) + givenName(random, male);
	}

	static String townName(SplittableRandom random) {
		return pick(TOWN_FIRST, random) + pick(TOWN_SECOND, random) + "镇";
	}

	static String villageName(SplittableRandom random) {
		String core = surname(random) + pick(VILLAGE_SUFFIX, random);
		if (random.nextInt(100) < 25) {
			core = pick(VILLAGE_PREFIX, random) + core;
		}
		return core + "村";
	}

	private static String pick(String chars, SplittableRandom random) {
		return String.valueOf(chars.charAt(random.nextInt(chars.length())));
	}

	private static int[] cumulative(int[] weights) {
		int[] result = new int[weights.length];
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			result[i] = sum;
		}
		return result;
	}

}
