package cn.county.platform.demo;

import java.util.List;

/**
 * A village of the demo county: how many households the plan gives it, and the cadres
 * that households there are assigned to, so that later sections (visits, measures) can
 * use the same people.
 */
public record DemoVillage(String code, String townCode, String name, int households, List<String> cadres) {

}
